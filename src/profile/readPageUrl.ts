import { cleanUrl } from '../shared/cleanUrl';
import { LIMITS } from '../shared/types';

/**
 * The page a chat starts from: the page given to `setPage`, else the canonical URL, else the
 * location — without fragment or credentials, bounded.
 */
export function readPageUrl(doc: Document, explicit?: string): string {
  if (explicit) return explicit.slice(0, LIMITS.url);
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]');
  return cleanUrl(canonical ? canonical.href : doc.location ? doc.location.href : '').slice(0, LIMITS.url);
}

import { LIMITS } from '../../shared/types';

/** Drops the fragment and any user:password from a URL; a page's secrets never travel. */
export function cleanUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.hash = '';
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return raw;
  }
}

/**
 * The page a chat starts from: the page given to `setPage`, else the canonical URL, else the
 * location — without fragment or credentials, bounded.
 */
export function readPageUrl(doc: Document, explicit?: string): string {
  if (explicit) return explicit.slice(0, LIMITS.url);
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]');
  return cleanUrl(canonical ? canonical.href : doc.location ? doc.location.href : '').slice(0, LIMITS.url);
}

import type { ChatProfile } from '../shared/types';
import { LIMITS } from '../shared/types';
import { doc, win } from './env';

/** The page a chat starts from: an explicit `setPage`, else the canonical URL, else the location. */
export function currentPageUrl(explicit?: string): string {
  if (explicit) return explicit.slice(0, LIMITS.url);
  const canonical = doc && doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]');
  const raw = canonical ? canonical.href : win ? win.location.href : '';
  return cleanUrl(raw).slice(0, LIMITS.url);
}

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

/** What a new chat's profile starts with, read at the moment the chat is created. */
export function capturePage(explicitPage: string | undefined, explicitProfile: ChatProfile): ChatProfile {
  return { 'source.page': currentPageUrl(explicitPage), ...explicitProfile };
}

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

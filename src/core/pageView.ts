import type { Request } from './apiClient';
import { cleanUrl } from './pageProfile/readPageUrl';
import { doc, win } from './env';
import { warn } from './report';

const UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];

/** Channel Talk's default `PageView` event, with the UTM parameters of the URL when asked to. */
export function trackPageView(request: Request, withUtm: boolean): void {
  if (!win || !doc) return;
  const properties: Record<string, string> = { url: cleanUrl(win.location.href).slice(0, 1000), title: doc.title.slice(0, 1000) };
  if (withUtm) {
    const params = new URLSearchParams(win.location.search);
    for (const key of UTM) {
      const value = params.get(key);
      if (value) properties[key] = value.slice(0, 1000);
    }
  }
  request('POST', '/events', { name: 'PageView', properties }).catch((error: Error) => warn(`PageView not tracked: ${error.message}`));
}

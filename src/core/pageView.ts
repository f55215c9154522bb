import { cleanUrl } from '../shared/cleanUrl';
import { doc, win } from '../browser/env';

const UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];

/**
 * Channel Talk's default `PageView` event: the page's URL and title, with the UTM parameters of
 * the URL when asked to. It travels inside the boot request, so a page view costs no request of its own.
 */
export function pageView(withUtm: boolean): Record<string, string> | undefined {
  if (!win || !doc) return undefined;
  const properties: Record<string, string> = { url: cleanUrl(win.location.href).slice(0, 1000), title: doc.title.slice(0, 1000) };
  if (withUtm) {
    const params = new URLSearchParams(win.location.search);
    for (const key of UTM) {
      const value = params.get(key);
      if (value) properties[key] = value.slice(0, 1000);
    }
  }
  return properties;
}

import { doc, win } from '../core/env';

/**
 * Where `sdk.js` was loaded from: its directory serves the messenger chunk, its origin the API.
 * `document.currentScript` is set while an async script runs; the search by name covers the rest.
 */
export function scriptBase(): { origin: string; dir: string } {
  let src = '';
  const current = doc && (doc.currentScript as HTMLScriptElement | null);
  if (current && current.src) src = current.src;
  else if (doc) {
    const found = Array.prototype.slice
      .call(doc.getElementsByTagName('script'))
      .filter((s: HTMLScriptElement) => /\/sdk\.js(\?|#|$)/.test(s.src));
    if (found.length) src = found[found.length - 1].src;
  }
  try {
    const url = new URL(src);
    return { origin: url.origin, dir: url.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '') };
  } catch {
    const origin = win ? win.location.origin : '';
    return { origin, dir: origin + '/' };
  }
}

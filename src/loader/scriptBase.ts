import { doc, win } from '../browser/env';

/** Where `sdk.js` came from: `dir` serves its chunks, `api` (the same, without the last slash) the API. */
export interface ScriptBase {
  /** e.g. `https://example.com/chat/` */
  dir: string;
  /** e.g. `https://example.com/chat`, the default `apiBase` */
  api: string;
}

/**
 * The directory `sdk.js` was loaded from, so that a server behind a proxy under a path prefix
 * (`https://example.com/chat/sdk.js`) is reached under that prefix too. `document.currentScript`
 * is set while an async script runs; the search by name covers the rest; the page's origin is
 * the last resort.
 * @example scriptBase() // { dir: 'https://example.com/chat/', api: 'https://example.com/chat' }
 */
export function scriptBase(): ScriptBase {
  let src = '';
  const current = doc && (doc.currentScript as HTMLScriptElement | null);
  if (current && current.src) src = current.src;
  else if (doc) {
    const scripts = doc.getElementsByTagName('script');
    for (let i = scripts.length; i-- && !src; ) if (/\/sdk\.js([?#]|$)/.test(scripts[i].src)) src = scripts[i].src;
  }
  let dir: string;
  try {
    // '.' resolves to the script's directory and drops its query and fragment.
    dir = new URL('.', src).href;
  } catch {
    dir = (win ? win.location.origin : '') + '/';
  }
  return { dir, api: dir.slice(0, -1) };
}

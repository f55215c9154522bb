import { doc, win } from '../browser/env';
import { reportError, warn } from '../browser/report';
import type { ChannelStub, ChannelWindow } from '../loader/installGlobal';
import { bundledStarted } from './bundledSdk';

/** Options of `loadScript`. */
export interface LoadScriptOption {
  /** URL of your Sangdam server (`https://chat.example.com`); `sdk.js` is loaded from there. */
  apiBase?: string;
  /** CSP nonce for the inserted `<script>`. */
  nonce?: string;
}


let forwarding = false;

/** Whether the exports hand their calls to `window.ChannelIO` (after `loadScript`). */
export const forwardsToScript = (): boolean => forwarding;

/**
 * Channel Talk's `loadScript`, pointed at your server: installs the same `ChannelIO` queue as the
 * snippet and inserts `<script async src="${apiBase}/sdk.js">`. From then on every export calls
 * `window.ChannelIO`, so the SDK served by your server (always its own version) does the work.
 * With a `ChannelIO` already on the page (a snippet), it inserts nothing and uses that one.
 * Does nothing where there is no `window`, and nothing on a second call.
 * @example loadScript({ apiBase: 'https://chat.example.com' }); boot({ pluginKey: 'YOUR_PLUGIN_KEY' })
 */
export function loadScript(option?: LoadScriptOption): void {
  try {
    if (!win || !doc || forwarding) return;
    if (bundledStarted()) return warn('loadScript: the SDK bundled in this package already runs; it stays in use');
    const w = win as ChannelWindow;
    if (w.ChannelIO) {
      forwarding = true;
      return;
    }
    const apiBase = option && typeof option.apiBase === 'string' ? option.apiBase.trim().replace(/\/+$/, '') : '';
    if (!apiBase) {
      return reportError("loadScript: apiBase is required, the URL of your Sangdam server (loadScript({ apiBase: 'https://chat.example.com' })); no script was inserted");
    }
    installStub(w, doc, `${apiBase}/sdk.js`, option && option.nonce);
    forwarding = true;
  } catch (error) {
    reportError(error);
  }
}

/** Commands whose second argument is a result callback: they must hear that sdk.js never came. */
const WITH_CALLBACK = ['boot', 'updateUser', 'addTags', 'removeTags', 'updateProfile'];

/**
 * The snippet's stub and script insertion, as in src/loader/snippet.js. When sdk.js cannot load
 * (a wrong apiBase, the server down, a CSP), every queued and later call that takes a callback
 * is called back with the reason, so a promise wrapped around `boot` settles.
 */
function installStub(w: ChannelWindow, d: Document, src: string, nonce?: string) {
  let failure: Error | undefined;
  const answer = (args: ArrayLike<unknown>) => {
    const callback = args[2];
    if (failure && WITH_CALLBACK.indexOf(args[0] as string) >= 0 && typeof callback === 'function') {
      try {
        callback(failure, null);
      } catch (error) {
        reportError(error);
      }
    }
  };
  const stub: ChannelStub = (...args) => stub.c!(args);
  stub.q = [];
  stub.c = (args) => (failure ? answer(args) : stub.q!.push(args));
  w.ChannelIO = stub;
  const failed = () => {
    if (w.ChannelIO !== stub || failure) return; // sdk.js ran after all, or already reported
    failure = new Error(`could not load the Sangdam SDK from ${src}; check loadScript's apiBase and that the server is reachable`);
    reportError(failure.message);
    const queued = stub.q!;
    stub.q = [];
    queued.forEach(answer);
  };
  const load = () => {
    if (w.ChannelIOInitialized) return;
    w.ChannelIOInitialized = true;
    const script = d.createElement('script');
    script.async = true;
    script.src = src;
    if (nonce) script.nonce = nonce;
    script.onerror = failed;
    (d.head || d.body).appendChild(script);
  };
  if (d.readyState === 'complete') load();
  else {
    w.addEventListener('DOMContentLoaded', load);
    w.addEventListener('load', load);
  }
}

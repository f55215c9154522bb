import { doc, win } from '../core/env';
import { reportError, warn } from '../core/report';
import { bundledStarted } from './bundledSdk';

/** Options of `loadScript`. */
export interface LoadScriptOption {
  /** URL of your Sangdam server (`https://chat.example.com`); `sdk.js` is loaded from there. */
  apiBase?: string;
  /** CSP nonce for the inserted `<script>`. */
  nonce?: string;
}

/** What the snippet (or this function) leaves on `window.ChannelIO` until sdk.js replaces it. */
export interface ChannelStub {
  (...args: unknown[]): unknown;
  q?: ArrayLike<unknown>[];
  c?: (args: ArrayLike<unknown>) => void;
}

type ChannelWindow = Window & { ChannelIO?: ChannelStub; ChannelIOInitialized?: boolean };

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

/** The snippet's stub and script insertion, as in src/loader/snippet.js. */
function installStub(w: ChannelWindow, d: Document, src: string, nonce?: string) {
  const stub: ChannelStub = (...args) => stub.c!(args);
  stub.q = [];
  stub.c = (args) => stub.q!.push(args);
  w.ChannelIO = stub;
  const load = () => {
    if (w.ChannelIOInitialized) return;
    w.ChannelIOInitialized = true;
    const script = d.createElement('script');
    script.async = true;
    script.src = src;
    if (nonce) script.nonce = nonce;
    (d.head || d.body).appendChild(script);
  };
  if (d.readyState === 'complete') load();
  else {
    w.addEventListener('DOMContentLoaded', load);
    w.addEventListener('load', load);
  }
}

import type { Page } from '@playwright/test';
import type { HostSite } from './hostSite';
import { PLUGIN_KEY } from './server';

/** The official Channel Talk snippet, unchanged but for the script URL. */
export const officialSnippet = (sdkUrl: string) => `(function(){var w=window;if(w.ChannelIO){return w.console.error("ChannelIO script included twice.");}var ch=function(){ch.c(arguments);};ch.q=[];ch.c=function(args){ch.q.push(args);};w.ChannelIO=ch;function l(){if(w.ChannelIOInitialized){return;}w.ChannelIOInitialized=true;var s=document.createElement("script");s.type="text/javascript";s.async=true;s.src="${sdkUrl}";var x=document.getElementsByTagName("script")[0];if(x.parentNode){x.parentNode.insertBefore(s,x);}}if(document.readyState==="complete"){l();}else{w.addEventListener("DOMContentLoaded",l);w.addEventListener("load",l);}})();`;

export interface TestPageOptions {
  /** Extra markup for <head> (styles, meta). */
  head?: string;
  body?: string;
  /** Script run after the snippet; by default boots with the e2e plugin key. */
  afterSnippet?: string;
  headers?: Record<string, string>;
  path?: string;
}

export const bootCall = (options: Record<string, unknown> = {}) =>
  `ChannelIO('boot', ${JSON.stringify({ pluginKey: PLUGIN_KEY, ...options })});`;

/**
 * Serves a page on the stand-in customer site (another origin than the Sangdam server, as on a
 * real site) with the official snippet pointing at the server's sdk.js, and opens it.
 */
export async function openTestPage(page: Page, site: HostSite, serverUrl: string, options: TestPageOptions = {}): Promise<void> {
  const path = options.path || '/host.html';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>${options.head || ''}</head>
<body>${options.body || '<main><h1>Host page</h1><button id="host-button">Host button</button></main>'}
<script${options.headers ? ' nonce="e2e"' : ''}>${officialSnippet(serverUrl + '/sdk.js')}
${options.afterSnippet ?? bootCall()}</script></body></html>`;
  await page.goto(site.serve(path, html, options.headers));
}

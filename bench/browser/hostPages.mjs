// A tiny static server on another loopback origin that plays the host site: the demo product page
// without any SDK, with the real sdk.js, with a do-nothing script, and with the least a widget with
// an identity can do, each delivered the same way. The scripts (and the chunks sdk.js imports from
// beside itself) come from this origin, so delivery is identical; they reach the Sangdam server
// through the `apiBase` boot option.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PEERS, peerResponse } from './peers.mjs';

/** Drains the snippet's queue and does nothing else: the floor any script tag costs. */
const NOOP_SDK = '(function(){var w=window;w.ChannelIO=function(){};})();\n';

/**
 * The least any widget that remembers its visitor can do before its button shows: read the stored
 * token, send the boot request, store the answer's token, and put a button in a shadow root styled
 * by one constructed sheet. Plain browser calls, no framework, no checks: a physical floor for
 * sdk.js, whose own boot does these and more.
 */
const MINIMAL_SDK = `(function () {
  var w = window, q = (w.ChannelIO && w.ChannelIO.q) || [], option = {};
  for (var i = 0; i < q.length; i++) if (q[i][0] === 'boot') option = q[i][1];
  w.ChannelIO = function () {};
  var key = 'minimal:' + option.pluginKey, token;
  try { token = JSON.parse(localStorage.getItem(key) || 'null') || undefined; } catch (e) {}
  fetch(option.apiBase + '/api/widget/' + encodeURIComponent(option.pluginKey) + '/boot', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: token }), credentials: 'omit'
  }).then(function (r) { return r.json(); }).then(function (boot) {
    try { localStorage.setItem(key, JSON.stringify(boot.token)); } catch (e) {}
    var host = document.createElement('sangdam-widget'), root = host.attachShadow({ mode: 'open' }), sheet = new CSSStyleSheet();
    sheet.replaceSync(':host{all:initial;position:fixed;top:0;left:0;z-index:10000000}.launcher{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border:0;border-radius:50%;background:#5b5bd6;color:#fff}');
    root.adoptedStyleSheets = [sheet];
    var button = document.createElement('button');
    button.className = 'launcher';
    button.setAttribute('aria-label', 'Open chat');
    root.appendChild(button);
    document.body.appendChild(host);
  });
})();
`;

const SNIPPET = /\s*<!-- Sangdam:[^>]*-->\s*<script>[\s\S]*?ChannelIO\('boot'[\s\S]*?<\/script>/;
/**
 * Where the snippet names the script it loads, readable or minified, from the root or relative as
 * the server fills it into the demo page (`s.src = "/sdk.js"`, `e.src="./sdk.js"`).
 */
const SDK_SRC = /(\.src\s*=\s*)(["'])\.?\/sdk\.js\2/;

/** The scripts a late embed can add, by the name `__embed(name)` takes. */
export const EMBEDS = ['noop', 'minimal', 'sdk'];

/**
 * The variants of the page the Sangdam server serves at `/`: loading each script with the page,
 * and `late`, the page without any script that adds one of them when `__embed(name)` is called,
 * so a measurement can start once the page's own loading is over. `more` adds embeds by name
 * (the peers' snippets, peers.mjs), offered by the late page beside ours.
 */
export function pageVariants(html, serverUrl, more = {}) {
  if (!SNIPPET.test(html) || !SDK_SRC.test(html)) throw new Error('the demo page no longer has the snippet this benchmark rewrites');
  const withSdk = html.replace("ChannelIO('boot', {", `ChannelIO('boot', { apiBase: '${serverUrl}',`);
  const pages = {
    baseline: html.replace(SNIPPET, ''),
    sdk: withSdk,
    noop: withSdk.replace(SDK_SRC, '$1$2/noop-sdk.js$2'),
    minimal: withSdk.replace(SDK_SRC, '$1$2/minimal-sdk.js$2'),
  };
  const code = (page) => /<script>([\s\S]*?ChannelIO\('boot'[\s\S]*?)<\/script>/.exec(page.match(SNIPPET)[0])[1];
  const embeds = { ...Object.fromEntries(EMBEDS.map((name) => [name, code(pages[name])])), ...more };
  // The same inline script element the snippet is, added to a page that has finished loading.
  const embed = `<script>window.__embed=function(name){var s=document.createElement('script');s.textContent=${JSON.stringify(embeds).replace(/</g, '\\u003c')}[name];document.body.appendChild(s)}</script>`;
  return { ...pages, late: pages.baseline.replace('</body>', `${embed}\n</body>`) };
}

/**
 * Starts the host site on 127.0.0.1 with a free port; `close()` stops it. With `peers` (the
 * installed peers, peers.mjs `resolvePeers()`), it also serves their files and mocks their APIs.
 */
export async function startHostPages({ serverUrl, distDir, peers }) {
  const html = await (await fetch(`${serverUrl}/`)).text();
  const pages = pageVariants(html, serverUrl, peers ? Object.fromEntries(PEERS.map((p) => [p.name, p.embed])) : {});
  const bundle = (name) => readFileSync(join(distDir, name));
  const files = {
    '/baseline.html': ['text/html; charset=utf-8', pages.baseline],
    '/sdk.html': ['text/html; charset=utf-8', pages.sdk],
    '/noop.html': ['text/html; charset=utf-8', pages.noop],
    '/minimal.html': ['text/html; charset=utf-8', pages.minimal],
    '/late.html': ['text/html; charset=utf-8', pages.late],
    '/sdk.js': ['text/javascript; charset=utf-8', bundle('sdk.js')],
    '/messenger.js': ['text/javascript; charset=utf-8', bundle('messenger.js')],
    '/messenger.en.js': ['text/javascript; charset=utf-8', bundle('messenger.en.js')],
    '/messenger.ko.js': ['text/javascript; charset=utf-8', bundle('messenger.ko.js')],
    '/messenger.ja.js': ['text/javascript; charset=utf-8', bundle('messenger.ja.js')],
    '/survey.js': ['text/javascript; charset=utf-8', bundle('survey.js')],
    '/profile.js': ['text/javascript; charset=utf-8', bundle('profile.js')],
    '/realtime.js': ['text/javascript; charset=utf-8', bundle('realtime.js')],
    '/popup.js': ['text/javascript; charset=utf-8', bundle('popup.js')],
    '/noop-sdk.js': ['text/javascript; charset=utf-8', NOOP_SDK],
    '/minimal-sdk.js': ['text/javascript; charset=utf-8', MINIMAL_SDK],
  };
  // Compressed once, as a site's CDN serves them: what a visitor downloads is the gzip size.
  const gzipped = Object.fromEntries(Object.entries(files).map(([path, [, body]]) => [path, gzipSync(body, { level: 9 })]));
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://host').pathname;
    let file = files[path];
    if (!file && peers) {
      const answer = peerResponse(peers, path);
      // Unknown peer paths get an empty answer at once, so nothing waits on the network.
      if (answer && !answer.body) {
        request.resume();
        return response.writeHead(answer.status, { 'Access-Control-Allow-Origin': '*' }).end();
      }
      // Each peer path always gets the same answer: kept, and compressed once, like ours.
      if (answer) {
        file = files[path] = [answer.type, answer.body];
        gzipped[path] = gzipSync(answer.body, { level: 9 });
      }
    }
    if (!file) return response.writeHead(404).end();
    request.resume();
    const headers = { 'Content-Type': file[0], 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*', Vary: 'Accept-Encoding' };
    if (/\bgzip\b/.test(request.headers['accept-encoding'] || '')) {
      response.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' });
      return response.end(gzipped[path]);
    }
    response.writeHead(200, headers);
    response.end(file[1]);
  });
  // No WebSocket here: an upgrade (Rocket.Chat's realtime connection) is refused at once.
  server.on('upgrade', (_request, socket) => socket.destroy());
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

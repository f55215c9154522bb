// Other widgets measured the way sdk.js is (`npm run bench -- --peers`): each is embedded late into
// the same host page, from the same host origin, and its launcher is waited for by the same probe.
// Nothing reaches the internet: the host site serves each peer's published files from its npm
// package and answers its API calls with static mocks, the least configuration under which the
// peer shows its button.
//
// - PostHog (posthog-js): the page sets `window.posthog` to a queue holding one `init` call, as
//   PostHog's snippet leaves it, and loads `static/array.js` from the api host, which then loads
//   `array/<token>/config.js` (the remote config, a script setting `_POSTHOG_REMOTE_CONFIG`) and
//   the extensions it names from `static/<version>/`. The remote config turns off everything but
//   the one widget: no autocapture, recording, heatmaps, dead clicks, web vitals or exception
//   capture, no feature flags (so no `/flags` call). The init options are `api_host` and
//   `opt_out_useragent_filter` (headless Chromium looks like a bot, and PostHog would drop its
//   events; a visitor's page sends them, so the bench does too). Events (`/e/`) get `{status: 1}`.
//   - "surveys tab": `surveys: true`, and `/api/surveys/` answers one open-text survey of type
//     `widget` with `widgetType: 'tab'`, which puts a "Feedback" tab button in a shadow root.
//   - "conversations": `conversations: { enabled, widgetEnabled, token }`, which loads
//     `conversations.js` and puts an "Open chat" button on the page (light DOM).
// - Rocket.Chat Livechat (@rocket.chat/livechat): the page sets `window.RocketChat` (a queue and the
//   widget's URL) and loads `rocketchat-livechat.min.js`, which adds an iframe of the livechat app
//   (`build/index.html`, served as a Rocket.Chat server serves it: with `SERVER_URL` set). The app
//   asks `api/v1/livechat/config`, answered with an enabled, online widget with empty settings,
//   theme and messages; `page.visited` gets `{success: true}`. Its realtime WebSocket is refused at
//   once (the host site has no WebSocket), as a server that is down would.
// Any other request under a peer's path is answered 204 with no body, so nothing waits on the
// network. Each peer's launcher is named in probe.js (LAUNCHERS), with where it is looked for.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The packages the peers come from, with the versions package.json pins. */
export const PEER_PACKAGES = { posthog: 'posthog-js', rocketchat: '@rocket.chat/livechat' };

const POSTHOG_TOKEN = 'phc_bench';
const CONVERSATIONS_TOKEN = 'bench-conversations-token';

/** What PostHog's remote config holds for one widget and nothing else. */
export function posthogRemoteConfig(widget) {
  return {
    supportedCompression: [],
    autocapture_opt_out: true,
    sessionRecording: false,
    heatmaps: false,
    captureDeadClicks: false,
    capturePerformance: false,
    autocaptureExceptions: false,
    productTours: false,
    hasFeatureFlags: false,
    defaultIdentifiedOnly: true,
    isAuthenticated: false,
    toolbarParams: {},
    siteApps: [],
    surveys: widget === 'tab',
    conversations: widget === 'conversations' ? { enabled: true, widgetEnabled: true, token: CONVERSATIONS_TOKEN } : false,
  };
}

/** One survey that shows as a "Feedback" tab on the page's edge (PostHog's feedback button). */
export const TAB_SURVEY = {
  id: 'bench-feedback-tab',
  name: 'Feedback',
  type: 'widget',
  questions: [{ id: 'q1', type: 'open', question: 'What can we do better?' }],
  appearance: { widgetType: 'tab', widgetLabel: 'Feedback', position: 'right' },
  conditions: null,
  feature_flag_keys: null,
  linked_flag_key: null,
  targeting_flag_key: null,
  internal_targeting_flag_key: null,
  start_date: '2026-01-01T00:00:00Z',
  end_date: null,
  current_iteration: null,
  current_iteration_start_date: null,
};

/** What Rocket.Chat's `GET api/v1/livechat/config` answers: enabled, online, nothing customised. */
export const ROCKETCHAT_CONFIG = {
  config: { enabled: true, online: true, settings: {}, theme: {}, messages: {}, survey: {}, triggers: [], departments: [], resources: {} },
  success: true,
};

const posthogEmbed = (prefix) =>
  `(function(){var w=window,d=document,s=d.createElement('script');` +
  `w.posthog=[];w.posthog._i=[[${JSON.stringify(POSTHOG_TOKEN)},{api_host:location.origin+'${prefix}',opt_out_useragent_filter:true},'posthog']];` +
  `s.async=true;s.src='${prefix}/static/array.js';d.head.appendChild(s)})();`;

const ROCKETCHAT_EMBED =
  `(function(){var w=window,d=document,s=d.createElement('script');` +
  `w.RocketChat=function(c){w.RocketChat._.push(c)};w.RocketChat._=[];w.RocketChat.url=location.origin+'/rocketchat/livechat';` +
  `s.async=true;s.src='/rocketchat/livechat/rocketchat-livechat.min.js';d.head.appendChild(s)})();`;

/**
 * The peers, in table order: `name` is the late page's `__embed(name)` and the probe's launcher
 * name, `embed` the inline script a site would paste, `prefix` the path their files and API sit under.
 */
export const PEERS = [
  { name: 'posthogTab', label: 'PostHog surveys tab', key: 'PosthogTab', package: 'posthog', prefix: '/posthog-tab', embed: posthogEmbed('/posthog-tab') },
  { name: 'posthogConversations', label: 'PostHog conversations', key: 'PosthogConversations', package: 'posthog', prefix: '/posthog-conversations', embed: posthogEmbed('/posthog-conversations') },
  { name: 'rocketchat', label: 'Rocket.Chat Livechat', key: 'Rocketchat', package: 'rocketchat', prefix: '/rocketchat', embed: ROCKETCHAT_EMBED },
];

/**
 * Where a package is installed: resolved from the project, as a devDependency, then from
 * `BENCH_PEERS_DIR` (a directory holding, or being, a node_modules with the peers).
 */
export function packageDir(name, { env = process.env } = {}) {
  const require = createRequire(join(ROOT, 'package.json'));
  const paths = [ROOT, ...(env.BENCH_PEERS_DIR ? [env.BENCH_PEERS_DIR] : [])];
  try {
    return dirname(require.resolve(`${name}/package.json`, { paths }));
  } catch {
    throw new Error(`--peers needs ${name} (a devDependency: npm install), or BENCH_PEERS_DIR naming a directory whose node_modules has it`);
  }
}

/** The installed peers' directories and versions. */
export function resolvePeers(options) {
  const dirs = Object.fromEntries(Object.entries(PEER_PACKAGES).map(([id, name]) => [id, packageDir(name, options)]));
  const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  return {
    posthog: { dir: join(dirs.posthog, 'dist'), version: version(dirs.posthog) },
    rocketchat: { dir: join(dirs.rocketchat, 'build'), version: version(dirs.rocketchat) },
  };
}

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
};

const json = (body) => ({ type: 'application/json', body: JSON.stringify(body) });

/** A file under `dir` named by `rest` (never outside it), or null. */
function staticFile(dir, rest) {
  const file = normalize(join(dir, rest));
  if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) return null;
  return { type: TYPES[extname(file)] || 'application/octet-stream', body: readFileSync(file) };
}

/**
 * The answer to `path` (with its query) for a peer's files and API: `{ type, body }`, `{ status:
 * 204 }` for anything else under a peer's prefix, or null when the path is no peer's.
 * @example peerResponse(peers, '/rocketchat/api/v1/livechat/config') // → { type: 'application/json', body: '{"config":…}' }
 */
export function peerResponse(peers, path) {
  const peer = PEERS.find((p) => path.startsWith(`${p.prefix}/`) || path === p.prefix);
  if (!peer) return null;
  const rest = path.slice(peer.prefix.length);
  if (peer.package === 'posthog') {
    const widget = peer.name === 'posthogTab' ? 'tab' : 'conversations';
    // Extensions are asked for under the SDK's version (`static/1.449.2/surveys.js`).
    const asset = /^\/static\/(?:\d+\.\d+\.\d+\/)?([\w.-]+)$/.exec(rest);
    if (asset) return staticFile(peers.posthog.dir, asset[1]) || { status: 204 };
    let config;
    if ((config = /^\/array\/([^/]+)\/config\.js$/.exec(rest))) {
      const body = `(window._POSTHOG_REMOTE_CONFIG=window._POSTHOG_REMOTE_CONFIG||{})[${JSON.stringify(config[1])}]={config:${JSON.stringify(posthogRemoteConfig(widget))},siteApps:[]};`;
      return { type: 'text/javascript; charset=utf-8', body };
    }
    if (/^\/array\/[^/]+\/config$/.test(rest)) return json(posthogRemoteConfig(widget));
    if (/^\/(flags|decide)\/?$/.test(rest)) return json({ flags: {}, featureFlags: {}, errorsWhileComputingFlags: false });
    if (/^\/api\/surveys\/?$/.test(rest)) return json({ surveys: widget === 'tab' ? [TAB_SURVEY] : [] });
    if (/^\/(e|i\/v0\/e|batch|s)\/?$/.test(rest)) return json({ status: 1 });
    return { status: 204 };
  }
  // Rocket.Chat serves the app at /livechat and its files beside it; the app reads SERVER_URL.
  if (rest === '/livechat') {
    const html = readFileSync(join(peers.rocketchat.dir, 'index.html'), 'utf8');
    const serverUrl = `<script>window.SERVER_URL=location.origin+${JSON.stringify(peer.prefix)}</script>`;
    return { type: TYPES['.html'], body: html.replace('<head>', `<head>${serverUrl}`) };
  }
  if (rest.startsWith('/livechat/')) return staticFile(peers.rocketchat.dir, rest.slice('/livechat/'.length)) || { status: 204 };
  if (rest === '/api/v1/livechat/config') return json(ROCKETCHAT_CONFIG);
  if (rest.startsWith('/api/')) return json({ success: true });
  return { status: 204 };
}

/**
 * The table's rows for the peers, beside the existing figures (whose keys stay as they are): per
 * peer, main thread added, bytes before the launcher, long tasks; as `[key, label, unit]`.
 */
export function peerFigures() {
  return PEERS.flatMap((p) => [
    [`peer${p.key}Main`, `boot, untraced: main thread added, ${p.label}`, 'ms'],
    [`peer${p.key}Bytes`, `boot: bytes before the launcher, ${p.label}`, 'KB'],
    [`peer${p.key}LongTasks`, `boot, untraced: long tasks, ${p.label}`, 'count'],
  ]);
}

/** A round's peer figures from each peer's late-embed result (untraced.mjs `lateEmbed`), by name. */
export function peerRound(felt) {
  return Object.fromEntries(
    PEERS.flatMap((p) => [
      [`peer${p.key}Main`, felt[p.name].added],
      [`peer${p.key}Bytes`, felt[p.name].bytes / 1024],
      [`peer${p.key}LongTasks`, felt[p.name].longTasks],
    ]),
  );
}

/**
 * Medians side by side, one row per widget (ours, the two floors, each peer): main thread added,
 * bytes before the launcher, long tasks. A missing figure is null. The do-nothing script's window
 * holds what the page and browser do anyway in those seconds, so a row minus it is the widget's own.
 * @example comparison(results.browser.summary) // → [{ label: 'sdk.js', main: 62.1, bytes: 9.8, longTasks: 0 }, …]
 */
export function comparison(summary) {
  const median = (key) => summary.find((s) => s.key === key)?.median ?? null;
  return [
    { label: 'sdk.js (Sangdam)', main: median('feltOurs'), bytes: median('feltBytesOurs'), longTasks: median('feltLongTasks') },
    { label: 'minimal widget', main: median('feltMinimal'), bytes: median('feltBytesMinimal'), longTasks: null },
    { label: 'do-nothing script', main: median('feltNoop'), bytes: null, longTasks: median('feltLongTasksNoop') },
    ...PEERS.map((p) => ({ label: p.label, main: median(`peer${p.key}Main`), bytes: median(`peer${p.key}Bytes`), longTasks: median(`peer${p.key}LongTasks`) })),
  ];
}

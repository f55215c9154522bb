// The browser half of `npm run bench`: what the SDK costs the page that hosts it, in real
// Chromium with a throttled CPU, against a do-nothing script and the least possible widget of the
// same delivery. Each round measures them untraced, side by side in an order that turns round by
// round (untraced.mjs): what the page feels. Then one traced load of each page shows where the
// time goes. Each figure is a median over rounds with its spread.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { summarize } from '../stats.mjs';
import { mainThreadTime, markTime } from './attribute.mjs';
import { EMBEDS, startHostPages } from './hostPages.mjs';
import { PEERS, peerFigures, peerRound } from './peers.mjs';
import { DWELL_MS, benchPage, lateEmbed } from './untraced.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--js-flags=--expose-gc', '--enable-precise-memory-info',
];
// Without the `.stack` category: it captures a JS stack at every timer, request and style
// invalidation, which costs the traced page milliseconds of its own. Tasks without a URL (a
// fetch's continuation) are then not attributed: the traced figures are a lower bound, used to see
// where time goes, never to compare.
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing'];
const LAUNCHER_MARK = 'sangdam-bench:launcher-visible';
const IDLE_MS = 1000;
const STEP_TIMEOUT = 15_000;
const ROUND_TIMEOUT = 120_000;

/** Figures of the table, in order: key in a round's result, label, unit. */
export const FIGURES = [
  ['feltNoop', 'boot, untraced: main thread added, do-nothing script', 'ms'],
  ['feltMinimal', 'boot, untraced: main thread added, minimal widget', 'ms'],
  ['feltOurs', 'boot, untraced: main thread added, sdk.js', 'ms'],
  ['feltRatio', 'boot, untraced: sdk.js ÷ minimal widget (paired)', '×'],
  ['feltGap', 'boot, untraced: sdk.js − minimal widget (paired)', 'ms'],
  ['feltToLauncher', 'boot, untraced: embed → launcher visible', 'ms'],
  ['feltToLauncherMinimal', 'boot, untraced: embed → launcher visible, minimal widget', 'ms'],
  ['feltLongTasks', 'boot, untraced: long tasks, sdk.js', 'count'],
  ['feltLongTasksNoop', "boot, untraced: long tasks, do-nothing script (the page's own)", 'count'],
  ['feltLongTasksBeyond', "boot, untraced: long tasks, sdk.js beyond the page's own (paired)", 'count'],
  ['feltCls', 'boot, untraced: CLS, sdk.js', ''],
  ['feltBytesMinimal', 'boot: bytes before the launcher, minimal widget', 'KB'],
  ['feltBytesOurs', 'boot: bytes before the launcher, sdk.js', 'KB'],
  ['feltOpen', 'open, untraced: click → messenger usable', 'ms'],
  ['feltOpenFromPointer', `open, untraced: pointer over launcher → messenger usable (${DWELL_MS} ms dwell)`, 'ms'],
  ['feltOpenMain', 'open, untraced: main thread added', 'ms'],
  ['feltOpenBytes', 'open: bytes downloaded from pointer over launcher until usable', 'KB'],
  ['bootOurs', 'boot, traced: main thread, sdk.js, until launcher visible', 'ms'],
  ['bootNoop', 'boot: main thread, noop-sdk.js (floor)', 'ms'],
  ['bootOverFloor', 'boot: sdk.js minus floor', 'ms'],
  ['bootMinimal', 'boot: main thread, minimal widget (storage, request, button)', 'ms'],
  ['bootSettled', 'boot: main thread, sdk.js, until 1 s after', 'ms'],
  ['longTasksBaseline', 'long tasks, page without SDK', 'count'],
  ['longTasksSdk', 'long tasks, page with SDK', 'count'],
  ['longTaskMsBaseline', 'long-task time, page without SDK', 'ms'],
  ['longTaskMsSdk', 'long-task time, page with SDK', 'ms'],
  ['clsBaseline', 'CLS, page without SDK', ''],
  ['clsSdk', 'CLS, page with SDK', ''],
  ['sdkRequestToLauncher', 'sdk.js request start → launcher visible', 'ms'],
  ['launcherFromNavigation', 'navigation → launcher visible', 'ms'],
  ['heapAdded', 'JS heap added after GC (with − without)', 'KB'],
  ['clickToDialog', 'open: click → dialog visible', 'ms'],
  ['openMessenger', 'open: main thread, messenger.js', 'ms'],
  ['openOurs', 'open: main thread, sdk.js + messenger.js', 'ms'],
];

const withTimeout = (promise, ms, what) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms).unref())]);

/**
 * Measures, over `rounds` fresh browser contexts with the CPU slowed `throttle` times, what the
 * SDK served by `serverUrl` adds to a host page at boot and when the messenger opens. With `peers`
 * (peers.mjs `resolvePeers()`), each peer is embedded late the same way in every round too.
 * @example const results = await measureBrowser({ rounds: 10, serverUrl: 'http://127.0.0.1:8080', log: console.log })
 */
export async function measureBrowser({ rounds = 10, throttle = 4, serverUrl, peers, log = () => {} }) {
  const host = await startHostPages({ serverUrl, distDir: DIST, peers });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
  const perRound = [];
  const failures = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      const started = Date.now();
      try {
        const result = await withTimeout(measureRound(browser, host.url, throttle, round, !!peers), peers ? 2 * ROUND_TIMEOUT : ROUND_TIMEOUT, `round ${round}`);
        perRound.push(result);
        const peerLog = peers ? `; ${PEERS.map((p) => `${p.label} ${fmt(result[`peer${p.key}Main`])}`).join(', ')}` : '';
        log(`browser round ${round}/${rounds}: boot ${fmt(result.feltOurs)} ms added (minimal ${fmt(result.feltMinimal)}, ${result.feltRatio.toFixed(2)}×)${peerLog}, open ${fmt(result.feltOpen)} ms, ${Date.now() - started} ms`);
      } catch (error) {
        failures.push({ round, error: error.message });
        log(`browser round ${round}/${rounds} failed: ${error.message}`);
      }
    }
  } finally {
    await browser.close().catch(() => {});
    await host.close();
  }
  const figures = peers ? [...FIGURES, ...peerFigures()] : FIGURES;
  const summary = figures.map(([key, label, unit]) => ({ key, label, unit, ...summarize(perRound.map((r) => r[key])) }));
  const versions = peers && Object.fromEntries(Object.entries(peers).map(([id, p]) => [id, p.version]));
  return { chromium: browser.version(), rounds, throttle, hostUrl: host.url, ...(peers && { peers: versions }), summary, perRound, failures };
}

const fmt = (n) => (n == null ? '–' : n.toFixed(1));

/** The late-embed variants in an order that turns with the round, so none always goes first. */
const turned = (names, round) => names.map((_, i) => names[(i + round) % names.length]);

async function measureFelt(browser, hostUrl, throttle, round, withPeers) {
  const felt = {};
  const names = withPeers ? [...EMBEDS, ...PEERS.map((p) => p.name)] : EMBEDS;
  for (const name of turned(names, round)) {
    const launcher = EMBEDS.includes(name) ? undefined : name;
    felt[name] = await lateEmbed(browser, `${hostUrl}/late.html`, name, throttle, { open: name === 'sdk', launcher });
  }
  const { noop, minimal, sdk } = felt;
  return {
    ...(withPeers && peerRound(felt)),
    feltNoop: noop.added,
    feltMinimal: minimal.added,
    feltOurs: sdk.added,
    feltRatio: sdk.added / minimal.added,
    feltGap: sdk.added - minimal.added,
    feltToLauncher: sdk.toLauncher,
    feltToLauncherMinimal: minimal.toLauncher,
    feltLongTasks: sdk.longTasks,
    feltLongTasksNoop: noop.longTasks,
    feltLongTasksBeyond: Math.max(0, sdk.longTasks - noop.longTasks),
    feltCls: sdk.cls,
    feltBytesMinimal: minimal.bytes / 1024,
    feltBytesOurs: sdk.bytes / 1024,
    feltOpen: sdk.open.toDialog,
    feltOpenFromPointer: sdk.open.fromPointer,
    feltOpenMain: sdk.open.added,
    feltOpenBytes: sdk.open.bytes / 1024,
  };
}

async function measureRound(browser, hostUrl, throttle, round, withPeers) {
  const felt = await measureFelt(browser, hostUrl, throttle, round, withPeers);
  const baseline = await loadPage(browser, `${hostUrl}/baseline.html`, throttle, { until: 'load' });
  const noop = await loadPage(browser, `${hostUrl}/noop.html`, throttle, { until: 'load', ours: /\/noop-sdk\.js$/ });
  const minimal = await loadPage(browser, `${hostUrl}/minimal.html`, throttle, { until: 'launcher', ours: /\/minimal-sdk\.js$/ });
  const sdk = await loadPage(browser, `${hostUrl}/sdk.html`, throttle, { until: 'launcher', ours: /\/sdk\.js$/, open: true });
  return {
    ...felt,
    bootOurs: sdk.ours,
    bootNoop: noop.ours,
    bootOverFloor: sdk.ours - noop.ours,
    bootMinimal: minimal.ours,
    bootSettled: sdk.oursSettled,
    longTasksBaseline: baseline.longTasks.length,
    longTasksSdk: sdk.longTasks.length,
    longTaskMsBaseline: sum(baseline.longTasks),
    longTaskMsSdk: sum(sdk.longTasks),
    clsBaseline: baseline.cls,
    clsSdk: sdk.cls,
    sdkRequestToLauncher: sdk.launcherAt - sdk.sdkRequestStart,
    launcherFromNavigation: sdk.launcherAt,
    heapAdded: (sdk.heap - baseline.heap) / 1024,
    clickToDialog: sdk.open.dialogAt - sdk.open.clickAt,
    openMessenger: sdk.open.messenger,
    openOurs: sdk.open.ours,
    // The counted tasks of 1 ms or more, to see where boot time goes (results.json only).
    bootTasks: sdk.tasks.map((t, _, all) => ({ name: t.name, ms: t.ms, at: t.at - all[0].at })),
  };
}

const sum = (values) => values.reduce((a, b) => a + b, 0);

/** One page in a fresh context, traced from navigation until it is ready plus a second of idle. */
async function loadPage(browser, url, throttle, { until, ours, open }) {
  const context = await browser.newContext();
  try {
    const { page } = await benchPage(context, throttle);
    await browser.startTracing(page, { categories: CATEGORIES });
    let traced = true;
    try {
      await page.goto(url, { waitUntil: 'load' });
      const launcherAt = until === 'launcher' ? await withTimeout(page.evaluate(() => window.__bench.until('launcherAt')), STEP_TIMEOUT, 'launcher') : null;
      await page.waitForTimeout(IDLE_MS);
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
      traced = false;
      const events = trace.traceEvents || trace;
      const page1 = await page.evaluate(() => {
        const b = window.__bench;
        const sdk = performance.getEntriesByType('resource').find((e) => /\/sdk\.js$/.test(e.name));
        const seen = b.since(0);
        return { longTasks: seen.longTasks, cls: seen.cls, sdkRequestStart: sdk ? sdk.startTime : null };
      });
      const heap = await page.evaluate(() => {
        window.gc();
        window.gc();
        return performance.memory.usedJSHeapSize;
      });
      // The issue's window ends when the launcher is visible; the whole trace (a second of idle
      // after it) also shows what boot left for later.
      const isOurs = (u) => ours.test(u);
      const settled = ours ? mainThreadTime(events, isOurs) : null;
      const untilLauncher = ours && launcherAt !== null ? mainThreadTime(events, isOurs, markTime(events, LAUNCHER_MARK) ?? Infinity) : settled;
      const result = {
        ...page1,
        launcherAt,
        heap,
        ours: untilLauncher && untilLauncher.total,
        oursSettled: settled && settled.total,
        tasks: settled && settled.tasks.filter((t) => t.ms >= 1),
      };
      if (open) result.open = await openMessenger(browser, page);
      return result;
    } finally {
      if (traced) await browser.stopTracing().catch(() => {});
    }
  } finally {
    await context.close();
  }
}

/** Clicks the launcher like a customer and traces until the dialog shows plus a second of idle. */
async function openMessenger(browser, page) {
  const box = await page.evaluate(() => {
    const r = document.querySelector('sangdam-widget').shadowRoot.querySelector('button.launcher').getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await browser.startTracing(page, { categories: CATEGORIES });
  let traced = true;
  try {
    await page.mouse.click(box.x, box.y);
    const dialogAt = await withTimeout(page.evaluate(() => window.__bench.until('dialogAt')), STEP_TIMEOUT, 'dialog');
    await page.waitForTimeout(IDLE_MS);
    const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
    traced = false;
    const clickAt = await page.evaluate(() => window.__bench.clickAt);
    return {
      clickAt,
      dialogAt,
      // messenger.js and the strings of the page's language, messenger.<language>.js
      messenger: mainThreadTime(events, (u) => /\/messenger(\.[a-z]{2})?\.js$/.test(u)).total,
      ours: mainThreadTime(events, (u) => /\/(sdk|messenger(\.[a-z]{2})?)\.js$/.test(u)).total,
    };
  } finally {
    if (traced) await browser.stopTracing().catch(() => {});
  }
}

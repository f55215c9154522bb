// What a page feels, measured without a trace: main-thread time (Chromium's TaskDuration metric)
// a script adds once the page has finished its own loading, until its launcher is on screen plus
// a second, then the first open of the messenger. No tracing runs, so nothing is added to the
// page's tasks by the observation; the probe only listens (probe.js).

import { readFileSync } from 'node:fs';

/** The page-side observer every benchmark page runs before its own scripts. */
export const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

const SETTLE_MS = 500;
const AFTER_MS = 1000;
const STEP_TIMEOUT = 15_000;
/**
 * How long the pointer rests on the launcher before the click. An assumption, not a measured
 * figure: a deliberate move onto a button and the press that follows take a few hundred ms; 200 ms
 * is a short dwell, so what a prefetch on pointerenter gains is not overstated.
 */
export const DWELL_MS = 200;

const withTimeout = (promise, ms, what) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms).unref())]);

/** Main-thread task time of the page so far, in ms. */
async function taskMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
}

/** Bytes received on the wire (headers and compressed bodies) by requests sent from now on. */
function countBytes(cdp) {
  const sent = new Set();
  let bytes = 0;
  let counting = false;
  cdp.on('Network.requestWillBeSent', (e) => counting && sent.add(e.requestId));
  cdp.on('Network.loadingFinished', (e) => sent.has(e.requestId) && (bytes += e.encodedDataLength));
  return {
    start() {
      counting = true;
    },
    read: () => bytes,
  };
}

/**
 * A page of `context` as every measured load gets it: the probe first, the cache off, the CPU
 * slowed `throttle` times; with its CDP session.
 */
export async function benchPage(context, throttle) {
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { page, cdp };
}

/**
 * Loads the late-embed page in a fresh context, lets it settle, adds the script `name`
 * (`noop`, `minimal`, `sdk` or a peer's, peers.mjs) and measures what it adds; with `open`, then
 * clicks the launcher. `launcher` names the launcher the probe waits for (probe.js LAUNCHERS),
 * ours by default.
 * @example await lateEmbed(browser, `${host}/late.html`, 'sdk', 4, { open: true })
 */
export async function lateEmbed(browser, url, name, throttle, { open = false, launcher } = {}) {
  const context = await browser.newContext();
  try {
    if (launcher) await context.addInitScript(`window.__benchLauncher = ${JSON.stringify(launcher)};`);
    const { page, cdp } = await benchPage(context, throttle);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const bootBytes = countBytes(cdp);
    bootBytes.start();
    const before = await taskMs(cdp);
    // The do-nothing script shows nothing: its window ends a second after it has arrived.
    const ready = page.evaluate((n) => (n === 'noop' ? window.__bench.untilResource('/noop-sdk.js') : window.__bench.until('launcherAt')), name);
    const from = await page.evaluate((n) => (window.__embed(n), performance.now()), name);
    const launcherAt = await withTimeout(ready, STEP_TIMEOUT, `${name}: launcher`);
    await page.waitForTimeout(AFTER_MS);
    const after = await taskMs(cdp);
    const seen = await page.evaluate((t) => window.__bench.since(t), from);
    const result = {
      added: after - before,
      toLauncher: launcherAt - from,
      longTasks: seen.longTasks.length,
      cls: seen.cls,
      bytes: bootBytes.read(),
    };
    if (open) result.open = await firstOpen(page, cdp);
    return result;
  } finally {
    await context.close();
  }
}

/**
 * Opens the messenger like a customer: the pointer moves onto the launcher, rests DWELL_MS, then
 * clicks. Times until the dialog is usable from the click and from the pointer's arrival, the main
 * thread added and the bytes downloaded from the pointer's arrival on (a prefetch on intent
 * included): everything the first open fetches.
 */
async function firstOpen(page, cdp) {
  const box = await page.evaluate(() => {
    const host = document.querySelector('sangdam-widget');
    const r = host.shadowRoot.querySelector('button.launcher').getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  const bytes = countBytes(cdp);
  bytes.start();
  const before = await taskMs(cdp);
  await page.mouse.move(box.x, box.y);
  await page.waitForTimeout(DWELL_MS);
  await page.mouse.click(box.x, box.y);
  const dialogAt = await withTimeout(page.evaluate(() => window.__bench.until('dialogAt')), STEP_TIMEOUT, 'dialog');
  const downloaded = bytes.read();
  const { clickAt, pointerAt } = await page.evaluate(() => ({ clickAt: window.__bench.clickAt, pointerAt: window.__bench.pointerAt }));
  await page.waitForTimeout(AFTER_MS);
  return { toDialog: dialogAt - clickAt, fromPointer: dialogAt - pointerAt, added: (await taskMs(cdp)) - before, bytes: downloaded };
}

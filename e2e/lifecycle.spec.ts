import { expect, test, widget } from './fixtures';
import { bootCall } from './pages';
import { PLUGIN_KEY } from './server';

/**
 * Counts what scripts add to the page: listeners, timers (by their delay, so a failure names the
 * one left) and sockets still alive.
 */
const INSTRUMENT = `<script>
(function () {
  var live = { listeners: new Map(), timeouts: new Map(), intervals: new Set(), sockets: new Set() };
  window.__live = live;
  [EventTarget.prototype].forEach(function (proto) {
    var add = proto.addEventListener, remove = proto.removeEventListener;
    proto.addEventListener = function (type, fn, opts) {
      var capture = typeof opts === 'boolean' ? opts : !!(opts && opts.capture);
      if (this === window || this === document || this === document.documentElement || this === document.body) {
        var key = type + (capture ? ':c' : '');
        var set = live.listeners.get(this) || new Map(); live.listeners.set(this, set);
        var fns = set.get(key) || new Set(); set.set(key, fns); fns.add(fn);
      }
      return add.call(this, type, fn, opts);
    };
    proto.removeEventListener = function (type, fn, opts) {
      var capture = typeof opts === 'boolean' ? opts : !!(opts && opts.capture);
      var set = live.listeners.get(this); var fns = set && set.get(type + (capture ? ':c' : ''));
      if (fns) fns.delete(fn);
      return remove.call(this, type, fn, opts);
    };
  });
  var st = window.setTimeout, ct = window.clearTimeout, si = window.setInterval, ci = window.clearInterval;
  window.setTimeout = function (fn, ms) { var args = [].slice.call(arguments, 2); var id = st(function () { live.timeouts.delete(id); typeof fn === 'function' && fn.apply(null, args); }, ms); live.timeouts.set(id, ms); return id; };
  window.clearTimeout = function (id) { live.timeouts.delete(id); return ct(id); };
  window.setInterval = function () { var id = si.apply(window, arguments); live.intervals.add(id); return id; };
  window.clearInterval = function (id) { live.intervals.delete(id); return ci(id); };
  var WS = window.WebSocket;
  window.WebSocket = function (url, protocols) {
    var ws = protocols ? new WS(url, protocols) : new WS(url);
    live.sockets.add(ws);
    ws.addEventListener('close', function () { live.sockets.delete(ws); });
    return ws;
  };
  window.WebSocket.prototype = WS.prototype;
  Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  window.__count = function () {
    var listeners = 0;
    live.listeners.forEach(function (set) { set.forEach(function (fns) { listeners += fns.size; }); });
    var openSockets = 0;
    live.sockets.forEach(function (ws) { if (ws.readyState < 2) openSockets++; });
    return { nodes: document.getElementsByTagName('*').length, listeners: listeners, timeouts: Array.from(live.timeouts.values()),
             intervals: live.intervals.size, sockets: openSockets, htmlOverflow: document.documentElement.style.overflow };
  };
})();
</script>`;

test('shutdown leaves no node, listener, timer or open socket behind, and boot works again', async ({ page, hostPage }) => {
  await hostPage({ head: INSTRUMENT, afterSnippet: '' });
  await page.waitForFunction(() => (window as unknown as { ChannelIO: { sangdam?: boolean } }).ChannelIO.sangdam === true);
  await page.waitForTimeout(200);
  const before = await page.evaluate(() => (window as unknown as { __count(): object }).__count());

  for (let round = 0; round < 2; round++) {
    // The custom launcher is wired when boot has answered: click only then.
    await page.evaluate(
      (options) =>
        new Promise((resolve) => (window as unknown as { ChannelIO(n: string, o: object, cb: () => void): void }).ChannelIO('boot', options, () => resolve(null))),
      { pluginKey: PLUGIN_KEY, customLauncherSelector: '#host-button', hideChannelButtonOnBoot: false },
    );
    await page.click('#host-button');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'New chat' }).click();
    await dialog.getByRole('textbox', { name: 'Message' }).fill(`lifecycle ${round}`);
    await dialog.getByRole('textbox', { name: 'Message' }).press('Enter');
    await expect(dialog.getByRole('log')).toContainText(`lifecycle ${round}`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __count(): { sockets: number } }).__count().sockets)).toBe(1);
    await page.evaluate(() => (window as unknown as { ChannelIO(n: string): void }).ChannelIO('shutdown'));
    // A render in flight at shutdown may still hold Preact's frame timer (35 ms) for a moment; a
    // timer, listener or socket that outlives a second is one the widget left behind.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __count(): object }).__count()), { timeout: 1000 })
      .toEqual(before);
    await expect(widget(page).host).toHaveCount(0);
  }
});

test('the launcher and the messenger work by keyboard alone, and focus returns to the launcher', async ({ page, hostPage }) => {
  await page.setViewportSize({ width: 1200, height: 800 });
  await hostPage();
  await expect(widget(page).launcher).toBeVisible();
  await page.focus('#host-button');
  await page.keyboard.press('Tab');
  await expect(widget(page).launcher).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveAttribute('aria-modal', 'true');
  expect(await dialog.evaluate((el) => el.contains(el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).activeElement : null))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(widget(page).launcher).toBeFocused();
  await expect(widget(page).launcher).toHaveAttribute('aria-expanded', 'false');
});

test('on a narrow screen the messenger is a full-screen modal that traps focus and locks page scroll', async ({ page, hostPage }) => {
  await page.setViewportSize({ width: 375, height: 700 });
  await hostPage({ body: '<main style="height:3000px"><button id="host-button">Host button</button></main>' });
  await page.evaluate(() => (document.documentElement.style.overflow = 'clip'));
  await widget(page).launcher.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  // The panel slides in; measure it once the opening animation has settled.
  await expect
    .poll(async () => {
      const box = (await dialog.boundingBox())!;
      return [box.x, box.y, box.width, box.height].map(Math.round);
    })
    .toEqual([0, 0, 375, 700]);
  expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('hidden');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => {
      const host = document.querySelector('sangdam-widget')!;
      return document.activeElement === host && !!host.shadowRoot!.activeElement?.closest('[role=dialog]');
    });
    expect(inside).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('clip');
});

test('boot options: custom launcher, hidden channel button, z-index and dark appearance', async ({ page, hostPage }) => {
  await hostPage({
    afterSnippet: bootCall({ customLauncherSelector: '.open-chat', zIndex: 1234, appearance: 'dark' }),
    body: '<a href="#" class="open-chat"><span>Talk to us</span></a>',
  });
  await expect(widget(page).host).toHaveAttribute('data-appearance', 'dark');
  await expect(widget(page).launcher).toBeHidden();
  expect(await widget(page).host.evaluate((el) => getComputedStyle(el).zIndex)).toBe('1234');
  await page.getByText('Talk to us').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { ChannelIO(...a: unknown[]): void };
    w.ChannelIO('setAppearance', 'light');
    w.ChannelIO('showChannelButton');
  });
  await expect(widget(page).host).toHaveAttribute('data-appearance', 'light');
  await expect(widget(page).launcher).toBeVisible();
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mainThreadTime, markTime } from '../bench/browser/attribute.mjs';
import { pageVariants } from '../bench/browser/hostPages.mjs';

const MAIN = { pid: 1, tid: 7 };
const OTHER = { pid: 1, tid: 8 };
const SDK = 'http://host.test/sdk.js';
const task = (name, ts, dur, data = {}, thread = MAIN) => ({ ...thread, ph: 'X', name, ts, dur, args: { data } });

const TRACE = [
  { ...MAIN, ph: 'M', name: 'thread_name', args: { name: 'CrRendererMain' } },
  { ...OTHER, ph: 'M', name: 'thread_name', args: { name: 'Compositor' } },
  task('EvaluateScript', 1000, 5000, { url: SDK }),
  task('v8.compile', 1100, 1000, { url: SDK }), // nested: counted once, inside the evaluation
  task('FunctionCall', 7000, 2000, { url: 'http://host.test/page.js' }),
  // A microtask checkpoint has no URL of its own: it is ours because a fetch inside it was sent from sdk.js.
  task('RunMicrotasks', 10000, 3000),
  { ...MAIN, ph: 'X', name: 'ResourceSendRequest', ts: 10500, dur: 1, args: { data: { url: 'http://api.test/boot', stackTrace: [{ url: SDK }] } } },
  task('RunMicrotasks', 14000, 4000),
  { ...MAIN, ph: 'X', name: 'UpdateLayoutTree', ts: 15000, dur: 100, args: { beginData: { stackTrace: [{ url: SDK }] } } },
  task('RunMicrotasks', 19000, 1000), // nothing of ours inside
  task('EvaluateScript', 1000, 9000, { url: SDK }, OTHER), // not the main thread
  { ...MAIN, ph: 'R', name: 'launcher-visible', ts: 12000, args: {} },
];

describe('main-thread time attributed to our scripts', () => {
  it('counts our top-level tasks once each, on the main thread only, and microtasks that sent our requests', () => {
    const { total, tasks } = mainThreadTime(TRACE, (url) => url === SDK);
    expect(total).toBe(12);
    expect(tasks.map((t) => [t.name, t.ms])).toEqual([['EvaluateScript', 5], ['RunMicrotasks', 3], ['RunMicrotasks', 4]]);
  });

  it('stops at a mark: only tasks that started by then count', () => {
    expect(mainThreadTime(TRACE, (url) => url === SDK, markTime(TRACE, 'launcher-visible')).total).toBe(8);
    expect(mainThreadTime(TRACE, (url) => url === SDK, 9000).total).toBe(5);
    expect(markTime(TRACE, 'missing')).toBeUndefined();
  });
});

describe('the benchmark host pages', () => {
  const html = (snippet) =>
    `<html><body><main>Shop</main>\n  <!-- Sangdam: the snippet -->\n  <script>\n    ${snippet}\n    ChannelIO('boot', { pluginKey: 'k' });\n  </script>\n</body></html>`;

  it.each([
    ['minified', '!function(){var e=document.createElement("script");e.async=!0,e.src="/sdk.js"}();'],
    ['readable', "(function(){ var s = document.createElement('script'); s.src = '/sdk.js'; })();"],
    ['relative', '!function(){var e=document.createElement("script");e.async=!0,e.src="./sdk.js"}();'],
  ])('derive the page without SDK, with it, with the do-nothing script and with the minimal widget from the %s snippet', (_, snippet) => {
    const pages = pageVariants(html(snippet), 'http://api.test');
    expect(pages.baseline).not.toMatch(/ChannelIO|sdk\.js/);
    expect(pages.sdk).toContain("ChannelIO('boot', { apiBase: 'http://api.test', pluginKey: 'k' })");
    expect(pages.noop).toMatch(/src\s*=\s*["']\/noop-sdk\.js["']/);
    expect(pages.noop).not.toMatch(/\/sdk\.js/);
    expect(pages.minimal).toMatch(/src\s*=\s*["']\/minimal-sdk\.js["']/);
  });

  it('derive a late-embed page: the page without SDK that adds any of the three scripts when asked', () => {
    const pages = pageVariants(html("(function(){ var s = document.createElement('script'); s.src = '/sdk.js'; })();"), 'http://api.test');
    expect(pages.late.replace(/<script>window\.__embed[\s\S]*?<\/script>/, '').replace(/\n<\/body>/, '</body>')).toBe(pages.baseline);
    const embeds = JSON.parse(/textContent=(\{[\s\S]*?\})\[name\]/.exec(pages.late)[1]);
    expect(Object.keys(embeds)).toEqual(['noop', 'minimal', 'sdk']);
    expect(embeds.sdk).toContain("apiBase: 'http://api.test'");
    expect(embeds.noop).toContain('/noop-sdk.js');
    expect(embeds.minimal).toContain('/minimal-sdk.js');
  });

  it('refuse a page whose snippet they cannot find', () => {
    expect(() => pageVariants('<html><body>no snippet</body></html>', 'http://api.test')).toThrow(/no longer has the snippet/);
  });
});

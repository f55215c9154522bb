import { describe, expect, it, vi } from 'vitest';
import { installGlobal } from './installGlobal';

/** Runs the real snippet source in the test window, as a host page would. */
async function runSnippet(w: Window & Record<string, unknown>) {
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(`${process.cwd()}/src/loader/snippet.js`, 'utf8');
  new Function('window', 'document', source.replace('__SDK_URL__', 'http://localhost/sdk.js'))(w, w.document);
}

function freshWindow() {
  const w = { document: { readyState: 'loading' }, addEventListener: vi.fn(), console } as unknown as Window & Record<string, unknown>;
  return w;
}

describe('the snippet and the queue', () => {
  it('queues calls made before sdk.js and replays them in order', async () => {
    const w = freshWindow();
    await runSnippet(w);
    const stub = w.ChannelIO as (...a: unknown[]) => void;
    stub('boot', { pluginKey: 'k' });
    stub('setPage', '/a');
    stub('showMessenger');
    const calls: unknown[][] = [];
    const later: (() => void)[] = [];
    expect(installGlobal(w, (...args) => calls.push(args), (run) => later.push(run))).toBe(true);
    // Not in the task that evaluates sdk.js: in one of its own.
    expect(calls).toEqual([]);
    expect(later).toHaveLength(1);
    later[0]();
    expect(calls).toEqual([['boot', { pluginKey: 'k' }], ['setPage', '/a'], ['showMessenger']]);
  });

  it('replays the queue first when the page calls before the replay task, and only once', async () => {
    const w = freshWindow();
    await runSnippet(w);
    (w.ChannelIO as (...a: unknown[]) => void)('boot', { pluginKey: 'k' });
    const calls: unknown[][] = [];
    const later: (() => void)[] = [];
    installGlobal(w, (...args) => calls.push(args), (run) => later.push(run));
    (w.ChannelIO as (...a: unknown[]) => void)('showMessenger');
    expect(calls).toEqual([['boot', { pluginKey: 'k' }], ['showMessenger']]);
    later[0]();
    expect(calls).toHaveLength(2);
  });

  it('replays on a timer by default', async () => {
    const w = freshWindow();
    await runSnippet(w);
    (w.ChannelIO as (...a: unknown[]) => void)('boot', { pluginKey: 'k' });
    const calls: unknown[][] = [];
    installGlobal(w, (...args) => calls.push(args));
    expect(calls).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([['boot', { pluginKey: 'k' }]]);
  });

  it('sends later calls through a kept reference to the stub to the real dispatcher', async () => {
    const w = freshWindow();
    await runSnippet(w);
    const kept = w.ChannelIO as (...a: unknown[]) => void;
    const calls: unknown[][] = [];
    installGlobal(w, (...args) => calls.push(args));
    kept('track', 'Purchase');
    (w.ChannelIO as (...a: unknown[]) => void)('hideMessenger');
    expect(calls).toEqual([['track', 'Purchase'], ['hideMessenger']]);
  });

  it('a second snippet keeps the first stub and its queue', async () => {
    const w = freshWindow();
    await runSnippet(w);
    const first = w.ChannelIO as (...a: unknown[]) => void;
    first('boot', { pluginKey: 'k' });
    await runSnippet(w);
    expect(w.ChannelIO).toBe(first);
    const calls: unknown[][] = [];
    installGlobal(w, (...args) => calls.push(args), (run) => run());
    expect(calls).toEqual([['boot', { pluginKey: 'k' }]]);
  });

  it('a second sdk.js leaves the live dispatcher in place', () => {
    const w = freshWindow();
    const first = vi.fn();
    installGlobal(w, first);
    const live = w.ChannelIO;
    const second = vi.fn();
    expect(installGlobal(w, second)).toBe(false);
    expect(w.ChannelIO).toBe(live);
    (w.ChannelIO as (...a: unknown[]) => void)('showMessenger');
    expect(first).toHaveBeenCalledWith('showMessenger');
    expect(second).not.toHaveBeenCalled();
  });

  it('returns what the dispatcher returns, so on… commands give back their unsubscribe', () => {
    const w = freshWindow();
    const off = () => {};
    installGlobal(w, () => off);
    expect((w.ChannelIO as (...a: unknown[]) => unknown)('onShowMessenger', () => {})).toBe(off);
  });

  it('the snippet inserts sdk.js once the document has loaded', async () => {
    const w = freshWindow();
    await runSnippet(w);
    expect(w.ChannelIOInitialized).toBeUndefined();
    expect((w.addEventListener as ReturnType<typeof vi.fn>).mock.calls.map((c) => c[0])).toEqual(['DOMContentLoaded', 'load']);
  });
});

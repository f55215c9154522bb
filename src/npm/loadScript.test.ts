// @vitest-environment-options { "settings": { "handleDisabledFileLoadingAsSuccess": true } }
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installGlobal } from '../loader/installGlobal';

type Entry = typeof import('../index');
type ChannelWindow = Window & { ChannelIO?: ((...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[] }; ChannelIOInitialized?: boolean };
const w = window as ChannelWindow;

/** The npm entry as a fresh import: its state (loaded script, bundled SDK) starts anew. */
async function entry(): Promise<Entry> {
  vi.resetModules();
  return import('../index');
}

const scripts = () => Array.from(document.querySelectorAll('script')).map((s) => s.getAttribute('src'));
const queued = () => Array.from(w.ChannelIO!.q!, (args) => Array.from(args));

beforeEach(() => {
  delete w.ChannelIO;
  delete w.ChannelIOInitialized;
  document.querySelectorAll('script').forEach((s) => s.remove());
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('loadScript', () => {
  it('installs the ChannelIO queue and inserts one async sdk.js from apiBase, with the nonce', async () => {
    const sdk = await entry();
    sdk.loadScript({ apiBase: 'https://chat.example.com/', nonce: 'n0nce' });
    expect(typeof w.ChannelIO).toBe('function');
    expect(w.ChannelIOInitialized).toBe(true);
    const script = document.querySelector('script')!;
    expect(script.getAttribute('src')).toBe('https://chat.example.com/sdk.js');
    expect(script.async).toBe(true);
    expect(script.nonce).toBe('n0nce');
    sdk.loadScript({ apiBase: 'https://other.example.com' });
    expect(scripts()).toEqual(['https://chat.example.com/sdk.js']);
  });

  it('calls back boot and the other result commands with the reason when sdk.js cannot load, queued or later', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const sdk = await entry();
    sdk.loadScript({ apiBase: 'https://chat.example.com/typo' });
    const early = vi.fn();
    sdk.boot({ pluginKey: 'k' }, early);
    const badge = vi.fn();
    sdk.onBadgeChanged(badge);
    expect(early).not.toHaveBeenCalled();
    document.querySelector('script')!.dispatchEvent(new Event('error'));
    expect(early).toHaveBeenCalledTimes(1);
    expect(early.mock.calls[0][0]).toBeInstanceOf(Error);
    expect(early.mock.calls[0][0].message).toMatch(/could not load the Sangdam SDK from https:\/\/chat.example.com\/typo\/sdk.js/);
    expect(early.mock.calls[0][1]).toBeNull();
    const late = vi.fn();
    sdk.updateUser({ language: 'ko' }, late);
    expect(late).toHaveBeenCalledTimes(1);
    expect(late.mock.calls[0][0]).toBeInstanceOf(Error);
    expect(badge).not.toHaveBeenCalled();
    expect(queued()).toEqual([]);
  });

  it('keeps the path of apiBase, for a server behind a path prefix', async () => {
    (await entry()).loadScript({ apiBase: 'https://example.com/chat' });
    expect(scripts()).toEqual(['https://example.com/chat/sdk.js']);
  });

  it('without apiBase logs one error naming apiBase, inserts nothing and throws nothing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const sdk = await entry();
    expect(() => sdk.loadScript()).not.toThrow();
    expect(() => sdk.loadScript({ apiBase: '  ' })).not.toThrow();
    expect(error).toHaveBeenCalledTimes(2);
    expect(String(error.mock.calls[0][1])).toMatch(/loadScript: apiBase is required/);
    expect(scripts()).toEqual([]);
    expect(w.ChannelIO).toBeUndefined();
  });

  it('leaves a ChannelIO already on the page alone, inserts nothing, and hands it the calls', async () => {
    const calls: unknown[][] = [];
    w.ChannelIO = (...args: unknown[]) => void calls.push(args);
    const existing = w.ChannelIO;
    const sdk = await entry();
    sdk.loadScript();
    expect(w.ChannelIO).toBe(existing);
    expect(scripts()).toEqual([]);
    sdk.boot({ pluginKey: 'k' });
    sdk.openWorkflow('w1');
    expect(calls).toEqual([['boot', { pluginKey: 'k' }], ['openWorkflow', 'w1']]);
  });

  it('after the bundled SDK started, warns and leaves it in charge', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sdk = await entry();
    sdk.resetPage();
    sdk.loadScript({ apiBase: 'https://chat.example.com' });
    expect(warn.mock.calls[0][1]).toMatch(/loadScript: the SDK bundled in this package already runs/);
    expect(scripts()).toEqual([]);
    expect(w.ChannelIO).toBeUndefined();
  });
});

describe('the exports after loadScript', () => {
  it('queue their calls on window.ChannelIO, which sdk.js then replays in order', async () => {
    const sdk = await entry();
    sdk.loadScript({ apiBase: 'https://chat.example.com' });
    const callback = () => {};
    sdk.boot({ pluginKey: 'k', memberId: 42 }, callback);
    sdk.setPage('/products/42', { productId: '42' });
    sdk.showMessenger();
    expect(queued()).toEqual([['boot', { pluginKey: 'k', memberId: 42 }, callback], ['setPage', '/products/42', { productId: '42' }], ['showMessenger']]);

    const dispatched: unknown[][] = [];
    installGlobal(w, (...args) => void dispatched.push(args), (run) => run());
    expect(dispatched.map((call) => call[0])).toEqual(['boot', 'setPage', 'showMessenger']);
    sdk.hideMessenger();
    expect(dispatched.at(-1)).toEqual(['hideMessenger']);
  });

  it('unsubscribe an on… callback queued before sdk.js arrived: it is taken out of the queue', async () => {
    const sdk = await entry();
    sdk.loadScript({ apiBase: 'https://chat.example.com' });
    const badge = vi.fn();
    const off = sdk.onBadgeChanged(badge);
    sdk.onUrlClicked(() => {});
    expect(queued().map((call) => call[0])).toEqual(['onBadgeChanged', 'onUrlClicked']);
    off();
    expect(queued().map((call) => call[0])).toEqual(['onUrlClicked']);
  });

  it('unsubscribe an on… callback through the unsubscribe sdk.js returned, and the callback stops', async () => {
    const sdk = await entry();
    sdk.loadScript({ apiBase: 'https://chat.example.com' });
    const listeners = new Set<(...a: unknown[]) => void>();
    installGlobal(w, (name, callback) => {
      if (name !== 'onBadgeChanged') return undefined;
      listeners.add(callback as () => void);
      return () => listeners.delete(callback as () => void);
    });
    const badge = vi.fn();
    const off = sdk.onBadgeChanged(badge);
    listeners.forEach((l) => l(3, 1));
    expect(badge).toHaveBeenCalledWith(3, 1);
    off();
    expect(listeners.size).toBe(0);
  });
});

describe('the exports without loadScript', () => {
  it('run the bundled SDK, which talks to the apiBase given to boot and leaves window.ChannelIO alone', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'unknown_plugin', message: 'no channel has this plugin key' } }), { status: 404 }));
    vi.stubGlobal('fetch', fetchMock);
    const sdk = await entry();
    const callback = vi.fn();
    sdk.boot({ pluginKey: 'key', apiBase: 'http://api.test', trackDefaultEvent: false }, callback);
    await vi.waitFor(() => expect(callback).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0]).toContain('http://api.test/api/widget/key/boot');
    expect(callback.mock.calls[0][0]).toBeInstanceOf(Error);
    expect(w.ChannelIO).toBeUndefined();
    expect(scripts()).toEqual([]);
    sdk.shutdown();
  });

  it('on… exports return an unsubscribe that stops the callback', async () => {
    const sdk = await entry();
    const shown = vi.fn();
    const off = sdk.onShowMessenger(shown);
    expect(typeof off).toBe('function');
    off();
    sdk.clearCallbacks();
    expect(shown).not.toHaveBeenCalled();
  });
});

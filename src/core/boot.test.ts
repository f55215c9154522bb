import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from './commands';
import { createSdk, type Dispatch } from './createSdk';
import { BOOT, json, startSdk, watchWarnings } from './test/harness';

let t: ReturnType<typeof startSdk>;
afterEach(() => {
  t.sdk('shutdown');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The promise wrapper real integrations write around boot, and the callback behind it. */
function bootPromise(sdk: Dispatch, option: Record<string, unknown> = {}) {
  const callback = vi.fn();
  const settled = new Promise<User>((resolve, reject) =>
    sdk('boot', { pluginKey: 'key', trackDefaultEvent: false, ...option }, (error: Error | null, user: User | null) => {
      callback(error, user);
      if (error) reject(error);
      else resolve(user!);
    }),
  );
  return { settled, callback };
}

describe('every boot callback is called exactly once', () => {
  it('resolves with the user in the loader’s shape: alert, unread, strings for memberId and avatarUrl, no name when none', async () => {
    t = startSdk();
    const boot = bootPromise(t.sdk);
    const user = await boot.settled;
    expect(user).toEqual({ ...BOOT.user, memberId: '', name: undefined, avatarUrl: '', alert: 2, unread: 2 });
    expect(user.name).toBeUndefined();
    await tick();
    expect(boot.callback).toHaveBeenCalledTimes(1);
  });

  const failures: [string, (t: ReturnType<typeof startSdk>) => void, string][] = [
    ['superseded by a later boot', (t) => bootPromise(t.sdk), 'boot: superseded by a later boot'],
    ['ended by shutdown before it finished', (t) => t.sdk('shutdown'), 'boot: shut down before it finished'],
    [
      'refused by the server (its message)',
      (t) => t.fetchMock.mockResolvedValueOnce(json(404, { error: { code: 'channel_not_found', message: 'pluginKey: no channel has this plugin key (key)' } })),
      'boot: pluginKey: no channel has this plugin key (key)',
    ],
    [
      'refused for its origin (the server’s message)',
      (t) => t.fetchMock.mockResolvedValueOnce(json(403, { error: { code: 'origin_not_allowed', message: 'origin: this origin (https://a.example) is not allowed for the channel key' } })),
      'boot: origin: this origin (https://a.example) is not allowed for the channel key',
    ],
    ['unable to reach the server', (t) => t.fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch')), 'boot: could not reach the Sangdam server at http://api.test'],
  ];
  for (const [why, act, message] of failures) {
    it(`rejects a boot ${why}: "${message}"`, async () => {
      vi.spyOn(console, 'error').mockImplementation(() => {});
      t = startSdk();
      const boot = bootPromise(t.sdk);
      const waiting = vi.fn();
      t.sdk('addTags', ['vip'], waiting);
      act(t);
      await expect(boot.settled).rejects.toThrow(message);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(boot.callback).toHaveBeenCalledTimes(1);
      // The commands that waited for it hear why, once too.
      expect(waiting).toHaveBeenCalledTimes(1);
      expect(waiting.mock.calls[0][0]).toBeInstanceOf(Error);
    });
  }

  it('calls back with an Error when the server takes the boot request and never answers, and a later boot works', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      t = startSdk();
      t.fetchMock.mockImplementationOnce((_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      );
      const boot = bootPromise(t.sdk);
      boot.settled.catch(() => {});
      await vi.advanceTimersByTimeAsync(29_000);
      expect(boot.callback).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(boot.callback).toHaveBeenCalledTimes(1);
      expect(boot.callback.mock.calls[0][0].message).toBe('boot: no answer from the Sangdam server at http://api.test within 30 s');
      const again = bootPromise(t.sdk);
      await vi.advanceTimersByTimeAsync(10);
      await expect(again.settled).resolves.toMatchObject({ id: 'u1' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('calls a superseded boot back once even when its answer arrives after the next boot began', async () => {
    t = startSdk();
    let answer: (r: Response) => void = () => {};
    t.fetchMock.mockImplementationOnce(() => new Promise<Response>((resolve) => (answer = resolve)));
    const first = bootPromise(t.sdk);
    await vi.waitFor(() => expect(t.fetchMock).toHaveBeenCalledTimes(1));
    const second = bootPromise(t.sdk);
    answer(json(200, BOOT));
    await expect(first.settled).rejects.toThrow('superseded');
    await expect(second.settled).resolves.toMatchObject({ id: 'u1' });
    await tick();
    expect(first.callback).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll('sangdam-widget')).toHaveLength(1);
  });
});

describe('an SDK without a default server', () => {
  it('calls boot back with an Error naming apiBase, and sends nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    t = startSdk({ apiBase: undefined });
    await expect(bootPromise(t.sdk).settled).rejects.toThrow('boot: option.apiBase is required');
    expect(t.fetchMock).not.toHaveBeenCalled();
  });

  it('boots against the apiBase the boot option names', async () => {
    t = startSdk({ apiBase: undefined });
    await bootPromise(t.sdk, { apiBase: 'https://chat.example.com/' }).settled;
    expect(String(t.fetchMock.mock.calls[0][0])).toBe('https://chat.example.com/api/widget/key/boot');
  });
});

describe('one widget per page', () => {
  it('boots nothing in a second SDK of the page while the first has booted, warns once and calls back with an Error', async () => {
    const warned = watchWarnings();
    t = startSdk();
    await bootPromise(t.sdk).settled;
    const second = createSdk(t.deps);
    for (let i = 0; i < 2; i++) {
      await expect(bootPromise(second).settled).rejects.toThrow('boot: another Sangdam SDK on this page has booted; this one stays off');
    }
    expect(t.fetchMock).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll('sangdam-widget')).toHaveLength(1);
    expect(warned()).toEqual(['boot: another Sangdam SDK on this page has booted; this one stays off']);
    // Once the first is shut down, the page is free for another.
    t.sdk('shutdown');
    await bootPromise(second).settled;
    expect(document.querySelectorAll('sangdam-widget')).toHaveLength(1);
    second('shutdown');
    expect((window as unknown as Record<symbol, unknown>)[Symbol.for('sangdam.widget')]).toBeUndefined();
  });

  it('frees the page when its boot fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    t = startSdk();
    t.fetchMock.mockResolvedValueOnce(json(404, { error: { code: 'channel_not_found', message: 'pluginKey: no channel has this plugin key (key)' } }));
    await expect(bootPromise(t.sdk).settled).rejects.toThrow();
    const second = createSdk(t.deps);
    await expect(bootPromise(second).settled).resolves.toMatchObject({ id: 'u1' });
    second('shutdown');
  });
});

const launcher = () => document.querySelector('sangdam-widget')!.shadowRoot!.querySelector('button.launcher') as HTMLButtonElement;

describe('chunks load on intent, not on page view', () => {
  it('starts loading the messenger when the launcher is pointed at or focused, and not before', async () => {
    const loadMessenger = vi.fn(async () => t.messenger.module);
    t = startSdk({ loadMessenger });
    await t.boot();
    await tick();
    expect(loadMessenger).not.toHaveBeenCalled();
    launcher().dispatchEvent(new Event('pointerenter'));
    expect(loadMessenger).toHaveBeenCalledTimes(1);
    launcher().dispatchEvent(new Event('focus'));
    await tick();
    expect(loadMessenger).toHaveBeenCalledTimes(1); // once: the load under way is reused
  });

  it('opens the messenger without the profile tools; the first chat loads them', async () => {
    const loadProfileTools = vi.fn(() => import('../profile/index'));
    t = startSdk({ loadProfileTools });
    await t.boot();
    t.sdk('showMessenger');
    await tick();
    expect(t.messenger.shown).toHaveLength(1);
    expect(loadProfileTools).not.toHaveBeenCalled();
    await t.messenger.state.bridge!.createChat('Hello');
    expect(loadProfileTools).toHaveBeenCalledTimes(1);
  });
});

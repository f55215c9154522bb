import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessengerModule } from './contract';
import { createSdk, type Dispatch, type SdkDeps } from './createSdk';
import { BOOT, FakeSocket, fakeMessenger, json } from './test/harness';

let fetchMock: ReturnType<typeof vi.fn>;
let loadRealtime: ReturnType<typeof vi.fn>;
let sdk: Dispatch;
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  localStorage.clear();
  FakeSocket.open = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  fetchMock = vi.fn(async (url: string) => (String(url).endsWith('/boot') ? json(200, BOOT) : new Response(null, { status: 204 })));
  vi.stubGlobal('fetch', fetchMock);
  loadRealtime = vi.fn(() => import('./realtime'));
  sdk = createSdk(deps());
});

const deps = (): SdkDeps => ({
  apiBase: 'http://api.test',
  loadMessenger: () => new Promise(() => {}),
  loadProfileTools: () => import('../profile/index'),
  loadPopup: () => import('../popup/index'),
  loadRealtime: loadRealtime as () => Promise<typeof import('./realtime')>,
  newId: () => 'id' + Math.random(),
});

afterEach(() => {
  sdk('shutdown');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('argument errors reach the callback and send nothing', () => {
  const cases: [string, unknown[], RegExp][] = [
    ['boot', [{}], /boot: option.pluginKey is required/],
    ['boot', ['key'], /boot: option must be an object/],
    ['boot', [{ pluginKey: '' }], /option.pluginKey must be a string of 1 to 64 characters/],
    ['boot', [{ pluginKey: 'k'.repeat(65) }], /option.pluginKey must be a string of 1 to 64 characters/],
    ['boot', [{ pluginKey: 'k', memberId: 'm', memberHash: 'f'.repeat(257) }], /option.memberHash must be a string of 1 to 256 characters/],
    ['boot', [{ pluginKey: 'k', language: 42 }], /option.language must be a language tag like 'en-US'/],
    ['boot', [{ pluginKey: 'k', zIndex: 'high' }], /option.zIndex must be a number/],
    ['boot', [{ pluginKey: 'k', apiBase: 'ftp://x' }], /option.apiBase must be an absolute http\(s\) URL/],
    ['boot', [{ pluginKey: 'k', profile: 'Mina' }], /option.profile must be an object/],
    ['boot', [{ pluginKey: 'k', memberId: { id: 1 } }], /option.memberId must be a string of 1 to 256 characters/],
    ['boot', [{ pluginKey: 'k', hideChannelButtonOnBoot: 'yes' }], /option.hideChannelButtonOnBoot must be true or false/],
    ['updateUser', [{ nickname: 'x' }], /updateUser: user.nickname is not a user field/],
    ['updateUser', [{ tags: ['ok', 3] }], /user.tags\[1\] must be a non-empty string/],
    ['updateUser', [{ language: ['de'] }], /user.language must be a language tag/],
    ['addTags', ['vip'], /addTags: tags must be an array of at most 30 strings/],
    ['removeTags', [['a'.repeat(51)]], /tags\[0\] must be a non-empty string of at most 50 characters/],
    ['updateProfile', [[]], /chatProfile must be an object/],
  ];
  for (const [name, args, message] of cases) {
    it(`${name}(${JSON.stringify(args)}) calls back with "${message.source}"`, () => {
      const callback = vi.fn();
      sdk(name, ...args, callback);
      expect(callback).toHaveBeenCalledTimes(1);
      const [error, result] = callback.mock.calls[0];
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toMatch(message);
      expect(result).toBeNull();
      expect(fetchMock).not.toHaveBeenCalled();
    });
  }

  it.each([
    ['track', [''], /track: eventName must be a string of 1 to 30 characters/],
    ['track', ['x'.repeat(31)], /eventName must be a string of 1 to 30/],
    ['track', ['Buy', 'not-an-object'], /track: properties must be an object/],
    ['setAppearance', ['blue'], /setAppearance: appearance must be one of 'light', 'dark', 'system' or null/],
    ['onBadgeChanged', ['nope'], /onBadgeChanged: callback must be a function/],
  ])('%s with bad arguments reports %s on the console and throws nothing', (name, args, message) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => sdk(name as string, ...(args as unknown[]))).not.toThrow();
    expect(String(error.mock.calls[0][1])).toMatch(message as RegExp);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('the dispatcher', () => {
  it('warns once about an unknown command and throws nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(sdk('explode', 1)).toBeUndefined();
    sdk('explode');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][1]).toMatch(/unknown command 'explode'/);
  });


  it('boots, calls back with the user and shows the launcher with the unread badge', async () => {
    const callback = vi.fn();
    const badge = vi.fn();
    sdk('onBadgeChanged', badge);
    sdk('boot', { pluginKey: 'key', trackDefaultEvent: false }, callback);
    await vi.waitFor(() => expect(callback).toHaveBeenCalled());
    expect(callback).toHaveBeenCalledWith(null, { ...BOOT.user, memberId: '', name: undefined, avatarUrl: '', alert: 2, unread: 2 });
    expect(fetchMock.mock.calls[0][0]).toBe('http://api.test/api/widget/key/boot');
    expect(badge).toHaveBeenCalledWith(2, 2);
    const host = document.querySelector('sangdam-widget')!;
    expect(host.shadowRoot!.querySelector('.launcher .badge')!.textContent).toBe('2');
    // Live updates wait for the visitor's first interaction (or the page to settle, live.test.ts).
    await new Promise((r) => setTimeout(r, 100));
    expect(FakeSocket.open).toHaveLength(0);
    window.dispatchEvent(new KeyboardEvent('keydown'));
    await vi.waitFor(() => expect(FakeSocket.open.map((s) => s.url)).toEqual(['ws://api.test/api/realtime']));
  });

  it('sends the page view inside the boot request, with UTM parameters unless told not to', async () => {
    history.replaceState(null, '', '/products/42?utm_source=news&utm_medium=mail&x=1');
    document.title = 'Linen shirt';
    try {
      sdk('boot', { pluginKey: 'key' });
      await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
      const body = JSON.parse(fetchMock.mock.calls[0][1].body);
      expect(body.pageView).toEqual({ url: `${location.origin}/products/42?utm_source=news&utm_medium=mail&x=1`, title: 'Linen shirt', utm_source: 'news', utm_medium: 'mail' });
      sdk('boot', { pluginKey: 'key', trackUtmSource: false });
      await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
      expect(Object.keys(JSON.parse(fetchMock.mock.calls[1][1].body).pageView)).toEqual(['url', 'title']);
      sdk('boot', { pluginKey: 'key', trackDefaultEvent: false });
      await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(3));
      expect(JSON.parse(fetchMock.mock.calls[2][1].body)).not.toHaveProperty('pageView');
      // One request per page view: nothing else was sent.
      expect(fetchMock.mock.calls.every(([url]) => String(url).endsWith('/boot'))).toBe(true);
    } finally {
      history.replaceState(null, '', '/');
    }
  });

  it('does nothing of its own in the task that called boot, and opens the socket once the messenger is in', async () => {
    let arrive: (module: MessengerModule) => void = () => {};
    sdk = createSdk({ ...deps(), loadMessenger: () => new Promise((resolve) => (arrive = resolve)) });
    const storage = vi.spyOn(Storage.prototype, 'getItem');
    const booted = vi.fn();
    sdk('boot', { pluginKey: 'key', trackDefaultEvent: false }, booted);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(storage).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(booted).toHaveBeenCalled());
    sdk('showMessenger');
    await tick();
    // The messenger's code first: the realtime chunk is asked for at the idle time after it is in.
    expect(loadRealtime).not.toHaveBeenCalled();
    arrive(fakeMessenger().module);
    await vi.waitFor(() => expect(loadRealtime).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(FakeSocket.open).toHaveLength(1));
  });

  it('opens no socket when shut down before the connection started, whatever the visitor does then', async () => {
    const booted = vi.fn();
    sdk('boot', { pluginKey: 'key', trackDefaultEvent: false }, booted);
    await vi.waitFor(() => expect(booted).toHaveBeenCalled());
    sdk('shutdown');
    window.dispatchEvent(new Event('pointerdown'));
    await new Promise((r) => setTimeout(r, 100));
    expect(FakeSocket.open).toHaveLength(0);
  });

  it('holds commands made while boot is under way and runs them after it', async () => {
    const callback = vi.fn();
    fetchMock.mockImplementation(async (url: string) => json(200, String(url).endsWith('/boot') ? BOOT : { user: { ...BOOT.user, tags: ['vip'] } }));
    sdk('boot', { pluginKey: 'key', trackDefaultEvent: false });
    sdk('addTags', ['vip'], callback);
    expect(fetchMock).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(callback).toHaveBeenCalled());
    expect(callback.mock.calls[0][1].tags).toEqual(['vip']);
    expect(JSON.parse(fetchMock.mock.calls[1][1].body)).toEqual({ add: ['vip'] });
  });

  it('calls back the commands that waited for a boot that failed', async () => {
    fetchMock.mockImplementation(async () => json(404, { error: { code: 'channel_not_found', message: 'pluginKey: no channel has this plugin key (wrong-key)' } }));
    const callback = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    sdk('boot', { pluginKey: 'wrong-key' });
    sdk('addTags', ['vip'], callback);
    await vi.waitFor(() => expect(callback).toHaveBeenCalled());
    expect(callback.mock.calls[0][0].message).toBe('boot failed: pluginKey: no channel has this plugin key (wrong-key)');
  });

  it('gives a failed boot to the callback with the server message', async () => {
    fetchMock.mockImplementation(async () => json(404, { error: { code: 'channel_not_found', message: 'no channel has plugin key x' } }));
    const callback = vi.fn();
    sdk('boot', { pluginKey: 'x' }, callback);
    await vi.waitFor(() => expect(callback).toHaveBeenCalled());
    expect(callback.mock.calls[0][0].message).toBe('boot: no channel has plugin key x');
    expect(document.querySelector('sangdam-widget')).toBeNull();
  });

  it('removes its element and socket on shutdown, boots again, and keeps on… callbacks across it', async () => {
    const shown = vi.fn();
    sdk('onShowMessenger', shown);
    const booted = vi.fn();
    sdk('boot', { pluginKey: 'key', trackDefaultEvent: false }, booted);
    await vi.waitFor(() => expect(booted).toHaveBeenCalledTimes(1));
    sdk('shutdown');
    expect(document.querySelector('sangdam-widget')).toBeNull();
    expect(FakeSocket.open).toHaveLength(0);
    sdk('boot', { pluginKey: 'key', trackDefaultEvent: false }, booted);
    await vi.waitFor(() => expect(booted).toHaveBeenCalledTimes(2));
    expect(document.querySelectorAll('sangdam-widget')).toHaveLength(1);
    sdk('showMessenger');
    expect(shown).toHaveBeenCalledTimes(1);
  });

  it('clearCallbacks removes every on… callback, and an unsubscribe removes one', async () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = sdk('onShowMessenger', a) as () => void;
    sdk('onShowMessenger', b);
    offA();
    sdk('boot', { pluginKey: 'key', trackDefaultEvent: false });
    await tick();
    await vi.waitFor(() => expect(document.querySelector('sangdam-widget')).not.toBeNull());
    sdk('showMessenger');
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
    sdk('hideMessenger');
    sdk('clearCallbacks');
    sdk('showMessenger');
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('a host callback that throws is reported, not thrown, and the others still run', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    sdk('onShowMessenger', () => {
      throw new Error('host bug');
    });
    sdk('onShowMessenger', after);
    sdk('boot', { pluginKey: 'key', trackDefaultEvent: false });
    await vi.waitFor(() => expect(document.querySelector('sangdam-widget')).not.toBeNull());
    expect(() => sdk('showMessenger')).not.toThrow();
    expect(after).toHaveBeenCalled();
    expect(String(error.mock.calls[0][1])).toMatch(/host bug/);
  });

  it('accepts the legacy aliases', async () => {
    const shown = vi.fn();
    const badge = vi.fn();
    sdk('onShow', shown);
    sdk('onChangeBadge', badge);
    sdk('boot', { pluginKey: 'key', trackDefaultEvent: false });
    await vi.waitFor(() => expect(badge).toHaveBeenCalled());
    sdk('show');
    expect(shown).toHaveBeenCalledTimes(1);
  });
});

describe('updateProfile', () => {
  const booted = async () => {
    const done = vi.fn();
    sdk('boot', { pluginKey: 'key', trackDefaultEvent: false }, done);
    await vi.waitFor(() => expect(done).toHaveBeenCalled());
    fetchMock.mockClear();
  };

  it.each([
    [{ orderId: 42 }, 'profile.orderId: must be a string of at most 1000 characters (String field)'],
    [{ shoeSize: 42 }, "profile.shoeSize: is not a field of this channel's chat profile"],
    [{ oldCode: 'X' }, "profile.oldCode: is not a field of this channel's chat profile"],
    [{ state: 'closed' }, 'state: is computed by Sangdam and read-only'],
    [{ giftWrap: 'yes' }, 'profile.giftWrap: must be true or false (Boolean field)'],
  ])('refuses %j with "%s" and sends nothing', async (profile, message) => {
    await booted();
    const callback = vi.fn();
    sdk('updateProfile', profile, callback);
    await vi.waitFor(() => expect(callback).toHaveBeenCalled());
    expect(callback.mock.calls[0][0].message).toBe(`updateProfile: ${message}`);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('keeps valid values for the next chat when no chat is open', async () => {
    await booted();
    const callback = vi.fn();
    sdk('updateProfile', { orderId: 'A-1009', giftWrap: true }, callback);
    await vi.waitFor(() => expect(callback).toHaveBeenCalled());
    expect(callback).toHaveBeenCalledWith(null, { 'profile.orderId': 'A-1009', 'profile.giftWrap': true });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

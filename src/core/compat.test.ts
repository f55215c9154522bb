import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket, json, managerReply, startSdk, watchWarnings } from './test/harness';

// Channel Talk's rule: what its SDK or its npm loader accepts never stops boot or a command.
let t: ReturnType<typeof startSdk>;
afterEach(() => {
  t.sdk('shutdown');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('boot options real integrations pass', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>, number][] = [
    ['boots an anonymous visitor when memberId is an empty string', { memberId: '' }, { memberId: undefined }, 0],
    ['boots an anonymous visitor when memberId and memberHash are null', { memberId: null, memberHash: null }, { memberId: undefined, memberHash: undefined }, 0],
    ['boots an anonymous visitor when memberId is undefined', { memberId: undefined }, { memberId: undefined }, 0],
    ['sends a numeric memberId as its decimal string', { memberId: 1042, memberHash: 'f00d' }, { memberId: '1042', memberHash: 'f00d' }, 0],
    ['drops a memberId that is not a finite number, with one warning', { memberId: NaN }, { memberId: undefined }, 1],
    ['drops an empty memberHash', { memberId: 'm1', memberHash: '' }, { memberId: 'm1', memberHash: undefined }, 0],
    ['drops undefined profile values as JSON would', { profile: { name: 'Mina', age: undefined } }, { profile: { name: 'Mina' } }, 0],
    ['boots without a profile when it is null', { profile: null }, { profile: undefined }, 0],
    ['keeps profile values that are lists of strings or numbers', { profile: { likes: ['linen', 'wool'], sizes: [95, 100] } }, { profile: { likes: ['linen', 'wool'], sizes: [95, 100] } }, 0],
    ['drops each profile value it cannot store, alone, with a warning', { profile: { name: 'Mina', bio: 'x'.repeat(1001), score: Infinity } }, { profile: { name: 'Mina' } }, 2],
    ['drops top-level options that are undefined', { language: undefined, zIndex: undefined, appearance: undefined, nonce: undefined }, { language: 'en' }, 0],
    ['sends both opt-outs for unsubscribe', { unsubscribe: true }, { unsubscribeEmail: true, unsubscribeTexting: true }, 0],
    ['lets unsubscribeTexting win over unsubscribe', { unsubscribe: true, unsubscribeTexting: false }, { unsubscribeEmail: true, unsubscribeTexting: false }, 0],
    ['sends unsubscribeEmail alone', { unsubscribeEmail: true }, { unsubscribeEmail: true, unsubscribeTexting: undefined }, 0],
    ['drops a customLauncherSelector that is not a CSS selector, with one warning', { customLauncherSelector: '##' }, {}, 1],
    ['treats boot options given as null as not given', { hideChannelButtonOnBoot: null, zIndex: null, customLauncherSelector: null, nonce: null }, {}, 0],
    ['accepts hidePopup without a word', { hidePopup: true }, {}, 0],
    ['accepts member, which means nothing here, with one warning', { member: true }, {}, 1],
    ['ignores an option it does not know, with one warning', { channelTalkOnly: 1 }, {}, 1],
  ];
  for (const [name, option, sent, warnings] of cases) {
    it(name, async () => {
      const warned = watchWarnings();
      t = startSdk();
      const [error, user] = await t.boot(option);
      expect(error).toBeNull();
      expect(user).toMatchObject({ id: 'u1' });
      const body = t.body('/boot');
      // `undefined` here: the key must not travel at all.
      for (const key of Object.keys(sent)) expect([key, body[key]]).toEqual([key, sent[key]]);
      expect(Object.keys(body).filter((key) => key in sent && sent[key] === undefined)).toEqual([]);
      expect(warned()).toHaveLength(warnings);
    });
  }

  it.each([
    ['en-US', 'en'], ['ko-KR', 'ko'], ['ja-JP', 'ja'], ['zh', 'en'], ['zh-Hant-TW', 'en'], ['KO', 'ko'], ['ko_KR', 'ko'], ['', 'en'],
  ])('boots with language %j as %j, and updateUser reads it the same', async (tag, language) => {
    t = startSdk();
    expect((await t.boot({ language: tag }))[0]).toBeNull();
    expect(t.body('/boot').language).toBe(language);
    t.sdk('updateUser', { language: tag });
    await vi.waitFor(() => expect(t.body('/user')).toEqual({ language }));
  });

  it('says what it dropped once per page, however often the page boots', async () => {
    const warned = watchWarnings();
    t = startSdk();
    await t.boot({ member: 'yes' });
    await t.boot({ member: 'yes' });
    expect(warned()).toEqual(['boot: option.member is not an option Sangdam knows; ignored']);
  });
});

describe('updateUser and track', () => {
  it('leaves the profile and tags as they are for profile: null and tags: null, says so, and calls back with the user', async () => {
    const warned = watchWarnings();
    t = startSdk();
    await t.boot();
    const callback = vi.fn();
    t.sdk('updateUser', { profile: null, tags: null, unsubscribeEmail: true }, callback);
    await vi.waitFor(() => expect(callback).toHaveBeenCalledTimes(1));
    expect(callback.mock.calls[0]).toEqual([null, expect.objectContaining({ id: 'u1', alert: 2, unread: 2 })]);
    expect(t.body('/user')).toEqual({ unsubscribeEmail: true });
    expect(warned()).toEqual([
      'updateUser: user.profile: null (a reset) is not supported; left unchanged',
      'updateUser: user.tags: null (a reset) is not supported; left unchanged',
    ]);
  });

  it('drops undefined values in profile, profileOnce and the top level as JSON would', async () => {
    t = startSdk();
    await t.boot();
    const callback = vi.fn();
    t.sdk('updateUser', { profile: { name: 'Mina', email: undefined, likes: ['linen'] }, profileOnce: { grade: undefined }, language: undefined, nickname: undefined }, callback);
    await vi.waitFor(() => expect(callback).toHaveBeenCalledWith(null, expect.objectContaining({ id: 'u1' })));
    await vi.waitFor(() => expect(t.body('/user')).toEqual({ profile: { name: 'Mina', likes: ['linen'] }, profileOnce: {} }));
  });

  it('sends the event properties it can store, and drops the others with a warning each', async () => {
    const warned = watchWarnings();
    t = startSdk();
    await t.boot();
    t.sdk('track', 'Purchase', { price: 42, coupon: undefined, items: ['a'], nested: { a: 1 } });
    await vi.waitFor(() => expect(t.body('/events')).toEqual({ name: 'Purchase', properties: { price: 42 } }));
    expect(warned()).toEqual([
      'track: properties.items is not a value Sangdam can store; left out',
      'track: properties.nested is not a value Sangdam can store; left out',
    ]);
  });
});

describe('pages and chats', () => {
  const startChat = async () => {
    t.sdk('showMessenger');
    await vi.waitFor(() => expect(t.messenger.state.bridge).toBeDefined());
    await t.messenger.state.bridge!.createChat('Hello');
    return t.body('/chats').profile['source.page'];
  };

  it('creates a chat with the client ids it is given, so an outbox resending after a reload makes no second chat', async () => {
    t = startSdk();
    await t.boot();
    t.sdk('showMessenger');
    await vi.waitFor(() => expect(t.messenger.state.bridge).toBeDefined());
    await t.messenger.state.bridge!.createChat('Hello', { chat: 'chat-key-1', message: 'message-key-1' });
    expect(t.body('/chats')).toMatchObject({ clientId: 'chat-key-1', message: { text: 'Hello', clientId: 'message-key-1' } });
  });

  it('writes an updateProfile made from onChatCreated to the chat that just started, before the messenger shows it', async () => {
    t = startSdk();
    await t.boot();
    const answer = t.fetchMock.getMockImplementation()!;
    t.fetchMock.mockImplementation(async (url: string, init?: RequestInit) =>
      String(url).endsWith('/profile') ? json(200, { chat: { ...managerReply('', 1).chat, profile: JSON.parse(String(init!.body)).profile } }) : answer(url, init),
    );
    const written = new Promise<[Error | null, unknown]>((resolve) =>
      t.sdk('onChatCreated', () => t.sdk('updateProfile', { orderId: 'A-1009' }, (e: Error | null, p: unknown) => resolve([e, p]))),
    );
    t.sdk('showMessenger');
    await vi.waitFor(() => expect(t.messenger.state.bridge).toBeDefined());
    await t.messenger.state.bridge!.createChat('Hello');
    expect((await written)[0]).toBeNull();
    await vi.waitFor(() => expect(t.body('/chats/chat1/profile')).toEqual({ profile: { 'profile.orderId': 'A-1009' } }));
  });

  it('writes to the new chat what an updateProfile kept while the chat was being created', async () => {
    t = startSdk();
    await t.boot();
    const answer = t.fetchMock.getMockImplementation()!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    t.fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
      if (String(url).endsWith('/chats')) await held;
      if (String(url).endsWith('/profile')) return json(200, { chat: { ...managerReply('', 1).chat, profile: JSON.parse(String(init!.body)).profile } });
      return answer(url, init);
    });
    t.sdk('showMessenger');
    await vi.waitFor(() => expect(t.messenger.state.bridge).toBeDefined());
    const created = t.messenger.state.bridge!.createChat('Hello');
    await vi.waitFor(() => expect(t.body('/chats')).toBeDefined());
    const kept = vi.fn();
    t.sdk('updateProfile', { orderId: 'LATE-1' }, kept);
    await vi.waitFor(() => expect(kept).toHaveBeenCalledWith(null, { 'profile.orderId': 'LATE-1' }));
    expect(t.body('/chats').profile).not.toHaveProperty('profile.orderId');
    release();
    await created;
    await vi.waitFor(() => expect(t.body('/chats/chat1/profile')).toEqual({ profile: { 'profile.orderId': 'LATE-1' } }));
  });

  it('resolves a relative setPage against the location, so source.page is an absolute URL', async () => {
    t = startSdk();
    await t.boot();
    t.sdk('setPage', '/products/42?color=blue');
    expect(await startChat()).toBe(`${location.origin}/products/42?color=blue`);
  });

  it('keeps the page it had when setPage gets no http(s) URL, with one warning', async () => {
    const warned = watchWarnings();
    t = startSdk();
    await t.boot();
    t.sdk('setPage', 'https://shop.example/cart');
    t.sdk('setPage', 'javascript:void(0)');
    expect(await startChat()).toBe('https://shop.example/cart');
    expect(warned()).toEqual(["setPage: page 'javascript:void(0)' is not an http(s) URL of at most 2048 characters; the page stays as it was"]);
  });

  it('keeps the chat-profile values of a setPage whose page is too long or not a string, and the page it had', async () => {
    const warned = watchWarnings();
    t = startSdk();
    await t.boot();
    t.sdk('setPage', 'https://shop.example/cart');
    t.sdk('setPage', 'https://shop.example/' + 'a'.repeat(2048), { orderId: 'A-1009' });
    expect(await startChat()).toBe('https://shop.example/cart');
    expect(t.body('/chats').profile).toMatchObject({ 'profile.orderId': 'A-1009' });
    t.sdk('setPage', 42);
    expect(warned()).toHaveLength(2);
  });

  it.each([
    [42, { chatId: '42' }],
    ['chat9', { chatId: 'chat9' }],
    ['', { newChat: true }],
    [null, { newChat: true }],
    [undefined, { message: 'Hi' }],
    // No chat has these ids: the messenger opens its home, as for any unknown id.
    ['c'.repeat(150), { chatId: 'c'.repeat(100) }],
    [{}, { chatId: '[object Object]' }],
  ])('openChat(%j) asks the messenger for %j', async (chatId, request) => {
    t = startSdk();
    await t.boot();
    t.sdk('openChat', chatId, chatId === undefined ? 'Hi' : null);
    await vi.waitFor(() => expect(t.messenger.shown).toEqual([request]));
  });

  it('opens the messenger for openWorkflow and says once that Sangdam has no workflows', async () => {
    const warned = watchWarnings();
    t = startSdk();
    await t.boot();
    t.sdk('openWorkflow', 'wf-1');
    t.sdk('hideMessenger');
    t.sdk('openWorkflow', 'wf-2');
    await vi.waitFor(() => expect(t.messenger.shown).toHaveLength(2));
    expect(warned()).toEqual(['openWorkflow: Sangdam has no workflows; opening the messenger']);
  });
});

describe('commands before boot', () => {
  it('answers them with one console line and no Error or stack; a callback still gets an Error', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    t = startSdk();
    const callback = vi.fn();
    t.sdk('showMessenger');
    t.sdk('updateUser', { profile: { grade: 'vip' } }, callback);
    await t.boot();
    t.sdk('shutdown');
    t.sdk('track', 'Purchase');
    expect(warn.mock.calls).toEqual([
      ['[Sangdam]', 'showMessenger: call boot first'],
      ['[Sangdam]', 'updateUser: call boot first'],
      ['[Sangdam]', 'track: call boot first'],
    ]);
    expect(error).not.toHaveBeenCalled();
    expect(callback.mock.calls[0][0]).toEqual(new Error('updateUser: call boot first'));
    expect(t.fetchMock.mock.calls.map(([url]) => String(url))).toEqual(['http://api.test/api/widget/key/boot']);
  });
});

describe('previews of new messages', () => {
  const card = () => document.querySelector('sangdam-widget')?.shadowRoot?.querySelector<HTMLElement>('.pop');
  const reply = async (text: string) => {
    // The visitor's first interaction with the page opens the live connection.
    window.dispatchEvent(new Event('pointerdown'));
    await vi.waitFor(() => expect(FakeSocket.open).toHaveLength(1), { timeout: 3000 });
    FakeSocket.open[0].ready();
    FakeSocket.open[0].event(managerReply(text));
  };

  it('shows a manager reply beside the launcher while the messenger is closed, and hides it when it opens', async () => {
    t = startSdk();
    await t.boot();
    await reply('Your order has shipped');
    await vi.waitFor(() => expect(card()?.hidden).toBe(false));
    expect(card()!.textContent).toContain('MinaYour order has shipped');
    t.sdk('showMessenger');
    await vi.waitFor(() => expect(card()!.hidden).toBe(true));
  });

  it('loads no preview with hidePopup', async () => {
    t = startSdk();
    await t.boot({ hidePopup: true });
    await reply('Your order has shipped');
    await new Promise((r) => setTimeout(r, 50));
    expect(t.deps.loadPopup).not.toHaveBeenCalled();
    expect(card()).toBeFalsy();
  });
});

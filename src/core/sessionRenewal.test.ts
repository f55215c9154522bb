import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOutbox } from '../messenger/services/createOutbox';
import type { Message } from '../shared/types';
import { BOOT, json, startSdk } from './test/harness';

let t: ReturnType<typeof startSdk>;
afterEach(() => {
  t.sdk('shutdown');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const stored = (clientId: string, text: string): Message => ({ id: 'm-' + clientId, chatId: 'chat1', author: 'customer', text, createdAt: 1, seq: 9, clientId });
const authOf = (init?: RequestInit) => (init?.headers as Record<string, string> | undefined)?.authorization;
const bodyOf = (init?: RequestInit) => JSON.parse(String(init?.body));

/** Boots, opens the messenger and returns the bridge the messenger chunk gets. */
async function booted(option: Record<string, unknown> = {}) {
  t = startSdk();
  await t.boot(option);
  t.sdk('showMessenger');
  await vi.waitFor(() => expect(t.messenger.state.bridge).toBeDefined());
  return t.messenger.state.bridge!;
}

describe('a session the server no longer knows', () => {
  it('is replaced by a fresh boot on a 401, and the outbox sends what waited, once, with the new token', async () => {
    const bridge = await booted({ memberId: 'customer-1001' });
    const sent: { auth?: string; clientId: string }[] = [];
    let boots = 0;
    t.fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/boot')) {
        boots++;
        return json(200, { ...BOOT, token: 'tok2' });
      }
      if (url.endsWith('/messages')) {
        const { clientId, text } = bodyOf(init);
        sent.push({ auth: authOf(init), clientId });
        if (authOf(init) === 'Bearer tok') return json(401, { error: { code: 'session_expired', message: 'token: the session expired' } });
        return json(201, { message: stored(clientId, text) });
      }
      return json(200, { user: BOOT.user });
    });
    const outbox = createOutbox(bridge.request, bridge.outboxKey, () => 'c-' + sent.length, bridge.createChat);
    const [first, second] = await Promise.all([outbox.send('chat1', 'Where is my order?'), outbox.send('chat1', 'It was due Monday')]);
    expect([first.text, second.text]).toEqual(['Where is my order?', 'It was due Monday']);
    // One renewal for the burst; each message retried with its own clientId, so none is stored twice.
    expect(boots).toBe(1);
    expect(sent.map((s) => s.auth)).toEqual(['Bearer tok', 'Bearer tok2', 'Bearer tok2']);
    expect(new Set(sent.map((s) => s.clientId)).size).toBe(2);
    expect(outbox.entries.value).toEqual([]);
    expect(localStorage.getItem(bridge.outboxKey)).toBeNull();
    // The fresh boot names the same member and carries no dead token; the new token is kept.
    const renewal = t.fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/boot')).pop()!;
    expect(bodyOf(renewal[1])).toMatchObject({ memberId: 'customer-1001' });
    expect(bodyOf(renewal[1]).token).toBeUndefined();
    expect(JSON.parse(localStorage.getItem('sangdam:key:session')!)).toEqual({ token: 'tok2' });
    outbox.stop();
  });

  it('creates a new chat from the outbox after a 401 with the same client ids, so its first message is stored once', async () => {
    const bridge = await booted();
    const creates: { auth?: string; clientId: string; message: { clientId: string } }[] = [];
    t.fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/boot')) return json(200, { ...BOOT, token: 'tok2' });
      if (url.endsWith('/chats') && init?.method === 'POST') {
        creates.push({ auth: authOf(init), ...bodyOf(init) });
        if (authOf(init) === 'Bearer tok') return json(401, { error: { code: 'session_expired', message: 'token: the session expired' } });
        const chat = { id: 'chat7', state: 'open', createdAt: 1, updatedAt: 1, lastMessage: null, unread: 0 };
        return json(201, { chat, message: { ...stored(bodyOf(init).message.clientId, 'Hello'), chatId: 'chat7' } });
      }
      return json(200, { user: BOOT.user });
    });
    let n = 0;
    const outbox = createOutbox(bridge.request, bridge.outboxKey, () => 'k' + ++n, bridge.createChat);
    const created = await outbox.start('Hello');
    expect(created.chat.id).toBe('chat7');
    expect(creates.map((c) => c.auth)).toEqual(['Bearer tok', 'Bearer tok2']);
    expect(creates[1].clientId).toBe(creates[0].clientId);
    expect(creates[1].message.clientId).toBe(creates[0].message.clientId);
    expect(localStorage.getItem(bridge.outboxKey)).toBeNull();
    outbox.stop();
  });

  it('gives the 401 to the caller when the fresh session is refused too, without booting in a loop', async () => {
    const bridge = await booted();
    t.fetchMock.mockClear();
    t.fetchMock.mockImplementation(async (url: string) =>
      url.endsWith('/boot') ? json(200, { ...BOOT, token: 'tok2' }) : json(401, { error: { code: 'invalid_token', message: 'token: unknown' } }),
    );
    await expect(bridge.request('GET', '/chats')).rejects.toMatchObject({ status: 401, code: 'invalid_token' });
    await expect(bridge.request('GET', '/chats')).rejects.toMatchObject({ status: 401 });
    expect(t.fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/boot'))).toHaveLength(1);
  });
});

describe('shutdown', () => {
  it('ends a member’s session on the server with a keepalive DELETE, and forgets the token', async () => {
    await booted({ memberId: 'customer-1001' });
    t.fetchMock.mockClear();
    t.sdk('shutdown');
    const [url, init] = t.fetchMock.mock.calls[0];
    expect(url).toBe('http://api.test/api/widget/key/session');
    expect(init).toMatchObject({ method: 'DELETE', keepalive: true, headers: { authorization: 'Bearer tok' } });
    expect(localStorage.getItem('sangdam:key:session')).toBeNull();
  });

  it('never lets a failed DELETE reach the page', async () => {
    await booted({ memberId: 'customer-1001' });
    const errors = vi.fn();
    window.addEventListener('unhandledrejection', errors);
    t.fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    expect(() => t.sdk('shutdown')).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 10));
    window.removeEventListener('unhandledrejection', errors);
    expect(errors).not.toHaveBeenCalled();
  });

  it('keeps a visitor’s session, and a boot replacing the session ends nothing', async () => {
    await booted();
    t.fetchMock.mockClear();
    t.sdk('shutdown');
    expect(t.fetchMock).not.toHaveBeenCalled();
    await t.boot({ memberId: 'customer-1001' });
    t.fetchMock.mockClear();
    await t.boot({ memberId: 'customer-1001' });
    expect(t.fetchMock.mock.calls.map(([, init]) => init?.method)).toEqual(['POST']);
  });
});

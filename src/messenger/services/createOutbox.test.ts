import { effect } from '../../browser/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../browser/apiClient';
import type { Message } from '../../shared/types';
import { createOutbox, type Outbox } from './createOutbox';

const KEY = 'sangdam:key:outbox:u1';
const stored = (body: { text: string; clientId: string }, chatId: string): Message => ({
  id: 'm-' + body.clientId, chatId, author: 'customer', text: body.text, clientId: body.clientId, createdAt: 1, seq: 1,
});
const offline = () => Object.assign(new Error('did not reach the server'), { status: 0, code: 'network', retryable: true });
const refused = () => Object.assign(new Error('text: must be a string of 1 to 5000 characters'), { status: 400, code: 'invalid_request', retryable: false });

const noChat = () => Promise.reject(new Error('no chat is created here'));

/** The entries of one chat, as the outbox shows them now. */
const listed = (outbox: Outbox, chatId: string) => outbox.entries.value.filter((e) => e.chatId === chatId);

let ids = 0;
const newId = () => `c${++ids}`;

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/**
 * The widget API's messages route over `fetch`: it refuses the first `refusals` calls with 429 and
 * `Retry-After: 2`, then stores each clientId once, as the server does.
 */
function rateLimitedServer(refusals: number) {
  const saved = new Map<string, Message>();
  const calls: { at: number; clientId: string }[] = [];
  const json = (status: number, data: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json', ...headers } });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { text: string; clientId: string };
    calls.push({ at: Date.now(), clientId: body.clientId });
    if (calls.length <= refusals) {
      return json(429, { error: { code: 'rate_limited', message: 'messages: at most 30 per minute from one visitor; retry in 2 s' } }, { 'retry-after': '2' });
    }
    const chatId = url.split('/chats/')[1].split('/')[0];
    if (!saved.has(body.clientId)) saved.set(body.clientId, stored(body, chatId));
    return json(201, { message: saved.get(body.clientId) });
  });
  return { saved, calls };
}

describe('the outbox', () => {
  it('keeps a message in localStorage until the server acknowledges it', async () => {
    let release!: () => void;
    const request = vi.fn((_m: string, path: string, body: { text: string; clientId: string }) =>
      new Promise<{ message: Message }>((resolve) => (release = () => resolve({ message: stored(body, path.split('/')[2]) }))));
    const outbox = createOutbox(request as never, KEY, newId, noChat);
    const acknowledged = outbox.send('chat1', 'hello');
    expect(JSON.parse(localStorage.getItem(KEY)!)).toMatchObject([{ chatId: 'chat1', text: 'hello', state: 'sending' }]);
    expect(listed(outbox, 'chat1')).toHaveLength(1);
    release();
    expect((await acknowledged).text).toBe('hello');
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(listed(outbox, 'chat1')).toEqual([]);
  });

  it('retries with the same clientId while the server is unreachable, in the order written', async () => {
    let down = true;
    const seen: string[] = [];
    const request = vi.fn(async (_m: string, path: string, body: { text: string; clientId: string }) => {
      seen.push(`${body.text}/${body.clientId}`);
      if (down) throw offline();
      return { message: stored(body, path.split('/')[2]) };
    });
    const outbox = createOutbox(request as never, KEY, newId, noChat);
    const first = outbox.send('chat1', 'one');
    const second = outbox.send('chat1', 'two');
    await vi.advanceTimersByTimeAsync(3500);
    expect(seen.every((s) => s.startsWith('one/'))).toBe(true);
    down = false;
    outbox.kick();
    await expect(first).resolves.toMatchObject({ text: 'one' });
    await expect(second).resolves.toMatchObject({ text: 'two' });
    const clientIdsOfOne = new Set(seen.filter((s) => s.startsWith('one/')));
    expect(clientIdsOfOne.size).toBe(1);
    expect(seen.at(-1)).toMatch(/^two\//);
  });

  it('resumes the messages a previous page left behind', async () => {
    localStorage.setItem(KEY, JSON.stringify([{ clientId: 'old1', chatId: 'chat9', text: 'from before the reload', createdAt: 1, state: 'sending' }]));
    const request = vi.fn(async (_m: string, path: string, body: { text: string; clientId: string }) => ({ message: stored(body, path.split('/')[2]) }));
    createOutbox(request as never, KEY, newId, noChat);
    await vi.advanceTimersByTimeAsync(0);
    expect(request).toHaveBeenCalledWith('POST', '/chats/chat9/messages', { text: 'from before the reload', clientId: 'old1' });
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('marks a refused message as failed with the reason, and discard removes it', async () => {
    const outbox = createOutbox((async () => { throw refused(); }) as never, KEY, newId, noChat);
    const states: string[][] = [];
    const stop = effect(() => void states.push(outbox.entries.value.map((e) => e.state)));
    await expect(outbox.send('chat1', 'x')).rejects.toThrow('text: must be a string');
    const [entry] = listed(outbox, 'chat1');
    expect(entry).toMatchObject({ state: 'failed', error: 'text: must be a string of 1 to 5000 characters' });
    outbox.discard(entry.clientId);
    expect(listed(outbox, 'chat1')).toEqual([]);
    stop();
    expect(states).toEqual([[], ['sending'], ['failed'], []]);
  });

  it('waits the Retry-After of a 429 before sending again, even when kicked, and the server stores the message once', async () => {
    const server = rateLimitedServer(1);
    const request = createApiClient('https://chat.example/api/widget/KEY', () => 'tok', new AbortController().signal);
    const outbox = createOutbox(request, KEY, newId, noChat);
    const started = Date.now();
    const acknowledged = outbox.send('chat1', 'hello');
    await vi.advanceTimersByTimeAsync(500);
    outbox.kick(); // the connection came back: no reason to ignore what the server said
    await vi.advanceTimersByTimeAsync(1499);
    expect(server.calls).toHaveLength(1);
    expect(listed(outbox, 'chat1')).toMatchObject([{ text: 'hello', state: 'sending' }]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(acknowledged).resolves.toMatchObject({ text: 'hello' });
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1].at - started).toBeGreaterThanOrEqual(2000);
    expect(server.calls[1].clientId).toBe(server.calls[0].clientId);
    expect([...server.saved.values()].map((m) => m.text)).toEqual(['hello']);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('leaves no timer behind when stopped during a wait the server asked for', async () => {
    rateLimitedServer(1);
    const request = createApiClient('https://chat.example/api/widget/KEY', () => 'tok', new AbortController().signal);
    const outbox = createOutbox(request, KEY, newId, noChat);
    void outbox.send('chat1', 'hello');
    await vi.advanceTimersByTimeAsync(10);
    expect(vi.getTimerCount()).toBe(1);
    outbox.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(listed(outbox, 'chat1')).toMatchObject([{ text: 'hello', state: 'sending' }]);
  });
});

describe('the first message of a new chat', () => {
  const created = (text: string, ids: { chat: string; message: string }) => ({
    chat: { id: 'chat-of-' + ids.chat }, message: stored({ text, clientId: ids.message }, 'chat-of-' + ids.chat),
  });

  it('waits in the outbox under chat id "" until its chat is created with it', async () => {
    let answer!: () => void;
    const createChat = vi.fn((text: string, ids: { chat: string; message: string }) =>
      new Promise((resolve) => (answer = () => resolve(created(text, ids)))));
    const outbox = createOutbox(vi.fn() as never, KEY, newId, createChat as never);
    const started = outbox.start('My parcel never came');
    const [entry] = JSON.parse(localStorage.getItem(KEY)!);
    expect(entry).toMatchObject({ chatId: '', text: 'My parcel never came', state: 'sending' });
    expect(createChat).toHaveBeenCalledWith('My parcel never came', { chat: entry.newChat, message: entry.clientId });
    expect(listed(outbox, '')).toHaveLength(1);
    answer();
    expect((await started).chat.id).toBe('chat-of-' + entry.newChat);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('is sent again after a reload with the same client ids, so the server makes one chat', async () => {
    const before = { clientId: 'm1', chatId: '', newChat: 'k1', text: 'from before the reload', createdAt: 1, state: 'sending' };
    localStorage.setItem(KEY, JSON.stringify([before]));
    const createChat = vi.fn(async (text: string, ids: { chat: string; message: string }) => created(text, ids));
    createOutbox(vi.fn() as never, KEY, newId, createChat as never);
    await vi.advanceTimersByTimeAsync(0);
    expect(createChat).toHaveBeenCalledExactlyOnceWith('from before the reload', { chat: 'k1', message: 'm1' });
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('is retried while the server cannot be reached, before the messages written after it', async () => {
    const createChat = vi.fn().mockRejectedValueOnce(offline()).mockImplementation(async (text, ids) => created(text, ids));
    const request = vi.fn(async (_m: string, path: string, body: { text: string; clientId: string }) => ({ message: stored(body, path.split('/')[2]) }));
    const outbox = createOutbox(request as never, KEY, newId, createChat);
    const started = outbox.start('first');
    const later = outbox.send('chat1', 'elsewhere');
    await vi.advanceTimersByTimeAsync(999);
    expect(request).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await expect(started).resolves.toMatchObject({ message: { text: 'first' } });
    await expect(later).resolves.toMatchObject({ text: 'elsewhere' });
    expect(createChat.mock.calls[1]).toEqual(createChat.mock.calls[0]);
  });
});

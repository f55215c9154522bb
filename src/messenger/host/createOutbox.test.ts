import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../shared/types';
import { createOutbox } from './createOutbox';

const KEY = 'sangdam:key:outbox:u1';
const stored = (body: { text: string; clientId: string }, chatId: string): Message => ({
  id: 'm-' + body.clientId, chatId, author: 'customer', text: body.text, clientId: body.clientId, createdAt: 1, seq: 1,
});
const offline = () => Object.assign(new Error('did not reach the server'), { status: 0, code: 'network', retryable: true });
const refused = () => Object.assign(new Error('text: must be a string of 1 to 5000 characters'), { status: 400, code: 'invalid_request', retryable: false });

let ids = 0;
const newId = () => `c${++ids}`;

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('the outbox', () => {
  it('keeps a message in localStorage until the server acknowledges it', async () => {
    let release!: () => void;
    const request = vi.fn((_m: string, path: string, body: { text: string; clientId: string }) =>
      new Promise<{ message: Message }>((resolve) => (release = () => resolve({ message: stored(body, path.split('/')[2]) }))));
    const outbox = createOutbox(request as never, KEY, newId, () => {});
    const acknowledged = outbox.send('chat1', 'hello');
    expect(JSON.parse(localStorage.getItem(KEY)!)).toMatchObject([{ chatId: 'chat1', text: 'hello', state: 'sending' }]);
    expect(outbox.list('chat1')).toHaveLength(1);
    release();
    expect((await acknowledged).text).toBe('hello');
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(outbox.list('chat1')).toEqual([]);
  });

  it('retries with the same clientId while the server is unreachable, in the order written', async () => {
    let down = true;
    const seen: string[] = [];
    const request = vi.fn(async (_m: string, path: string, body: { text: string; clientId: string }) => {
      seen.push(`${body.text}/${body.clientId}`);
      if (down) throw offline();
      return { message: stored(body, path.split('/')[2]) };
    });
    const outbox = createOutbox(request as never, KEY, newId, () => {});
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
    createOutbox(request as never, KEY, newId, () => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(request).toHaveBeenCalledWith('POST', '/chats/chat9/messages', { text: 'from before the reload', clientId: 'old1' });
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('marks a refused message as failed with the reason, and discard removes it', async () => {
    const changes: string[] = [];
    const outbox = createOutbox((async () => { throw refused(); }) as never, KEY, newId, (chatId) => changes.push(chatId));
    await expect(outbox.send('chat1', 'x')).rejects.toThrow('text: must be a string');
    const [entry] = outbox.list('chat1');
    expect(entry).toMatchObject({ state: 'failed', error: 'text: must be a string of 1 to 5000 characters' });
    outbox.discard(entry.clientId);
    expect(outbox.list('chat1')).toEqual([]);
    expect(changes.length).toBeGreaterThanOrEqual(3);
  });
});

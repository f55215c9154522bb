import { afterEach, describe, expect, it } from 'vitest';
import { calls, chat, FakeSocket, message } from '../test/fakeServer';
import { $$, cleanup, flush, start, ui } from '../test/harness';

afterEach(cleanup);

/** The unread badge of each row, by the customer's name. */
const unreadBadges = () =>
  Object.fromEntries($$('.chat-item').map((row) => [row.querySelector('.ci-name')?.textContent, row.querySelector('.badge.unread')?.textContent ?? null]));

describe('unread counts in the list', () => {
  it("shows the server's count per chat, adds live customer messages once, and marks a chat read when it is opened", async () => {
    const last = message('c1', 'customer', 'two unread');
    const c1 = chat('c1', { lastMessage: last, updatedAt: last.createdAt, unread: 2 });
    const c2 = chat('c2', { unread: 0 });
    start({
      'GET /profile-fields': { fields: [], builtIns: [] },
      'GET /chats': { chats: [c1, c2] },
      'GET /chats/c1': { chat: c1, messages: [last] },
      'POST /chats/c1/read': { status: 204 },
    });
    await flush();
    expect(unreadBadges()).toEqual({ 'Customer c1': '2 unread', 'Customer c2': null });

    const socket = FakeSocket.last();
    socket.open();
    socket.receive({ type: 'ready', cursor: 1 });
    const say = (id: string, m: ReturnType<typeof message>, seq: number) =>
      socket.receive({ type: 'event', event: { seq, type: 'message', chat: chat(id, { updatedAt: m.createdAt, lastMessage: m }), message: m } });
    // The page already counted this one.
    say('c1', last, 100);
    const fresh = message('c2', 'customer', 'hello?');
    say('c2', fresh, 101);
    say('c2', message('c2', 'manager', 'hi!'), 102);
    say('c2', fresh, 101);
    await flush();
    expect(unreadBadges()).toEqual({ 'Customer c1': '2 unread', 'Customer c2': '1 unread' });

    location.hash = '#/inbox/c1';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await flush();
    expect(calls(ui.fetch).map((call) => call.route)).toContain('POST /chats/c1/read');
    expect(unreadBadges()).toEqual({ 'Customer c1': null, 'Customer c2': '1 unread' });

    // A message in the chat being read is read at once.
    say('c1', message('c1', 'customer', 'are you there?'), 103);
    await flush();
    expect(unreadBadges()).toEqual({ 'Customer c1': null, 'Customer c2': '1 unread' });
    expect(calls(ui.fetch).filter((call) => call.route === 'POST /chats/c1/read')).toHaveLength(2);
  });
});

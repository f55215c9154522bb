import { afterEach, describe, expect, it } from 'vitest';
import { chat, FakeSocket, message } from '../test/fakeServer';
import { $, cleanup, flush, start } from '../test/harness';

afterEach(cleanup);

const me = { id: 'm1', name: 'Hana', email: 'hana@shop.test', role: 'agent', avatarUrl: null, createdAt: 1 };

describe('what is new', () => {
  it("counts customer messages in the manager's and unassigned chats in the title, until the chat is opened", async () => {
    const mine = chat('c1', { assigneeId: 'm1' });
    const free = chat('c2');
    const theirs = chat('c3', { assigneeId: 'm2' });
    start({
      'GET /profile-fields': { fields: [], builtIns: [] },
      'GET /session': { manager: me, role: 'agent', kind: 'session' },
      'GET /chats': { chats: [mine, free, theirs] },
      'GET /chats/c1': { chat: mine, messages: [] },
    });
    await flush();
    const base = document.title;
    const socket = FakeSocket.last();
    socket.open();
    socket.receive({ type: 'ready', cursor: 1 });
    let seq = 10;
    const say = (c: typeof mine, text: string, author: 'customer' | 'manager' = 'customer') => {
      const m = message(c.id, author, text);
      socket.receive({ type: 'event', event: { seq: ++seq, type: 'message', chat: { ...c, updatedAt: m.createdAt, lastMessage: m }, message: m } });
    };
    say(theirs, 'not yours');
    say(mine, 'hello?');
    say(free, 'anyone?');
    say(free, 'still there?');
    say(mine, 'an answer', 'manager');
    await flush();
    expect(document.title).toBe(`(2) ${base}`);
    location.hash = '#/inbox/c1';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await flush();
    expect(document.title).toBe(`(1) ${base}`);
    expect($('.top input[role=switch]')?.closest('label')?.textContent).toContain('Notifications and sound');
  });
});

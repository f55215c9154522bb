import { afterEach, describe, expect, it } from 'vitest';
import { chat, FakeSocket, message } from '../test/fakeServer';
import { $, cleanup, flush, start, type } from '../test/harness';

afterEach(cleanup);

describe('typing', () => {
  it("shows that the open chat's customer is writing, until their message arrives, and says when the manager writes", async () => {
    const c1 = chat('c1', { lastMessage: message('c1', 'customer', 'Hi') });
    start({ 'GET /profile-fields': { fields: [], builtIns: [] }, 'GET /chats': { chats: [c1] }, 'GET /chats/c1': { chat: c1, messages: [c1.lastMessage] } }, { hash: '#/inbox/c1' });
    await flush();
    const socket = FakeSocket.last();
    socket.open();
    socket.receive({ type: 'ready', cursor: 1 });
    socket.receive({ type: 'typing', chatId: 'c1', author: 'customer' });
    await flush();
    expect($('.typing')?.textContent).toBe('Customer c1 is typing…');
    expect($('.typing')?.getAttribute('aria-live')).toBe('polite');
    const m = message('c1', 'customer', 'Where is it?');
    socket.receive({ type: 'event', event: { seq: 5, type: 'message', chat: { ...c1, updatedAt: m.createdAt, lastMessage: m }, message: m } });
    await flush();
    expect($('.typing')?.textContent).toBe('');

    type($<HTMLTextAreaElement>('#reply')!, 'On');
    type($<HTMLTextAreaElement>('#reply')!, 'On it');
    await flush();
    expect((socket.sent as { type: string }[]).filter((frame) => frame.type === 'typing')).toEqual([{ type: 'typing', chatId: 'c1' }]);
  });
});

import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bootVisitor,
  clientId,
  visitorWithChat,
  manager,
  MANAGER_TOKEN,
  removeDir,
  Socket,
  startServer,
  widget,
  type TestServer,
} from './helpers.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

describe('customer stream', () => {
  it("delivers a manager's reply live with the chat's unread count", async () => {
    const { token, chatId, cursor } = await visitorWithChat(server);
    const socket = await Socket.open(server);
    const ready = await socket.hello({ token, since: cursor });
    expect(ready.events).toEqual([]);
    expect(ready.cursor).toBeGreaterThanOrEqual(cursor);
    const sent = await manager(server)('POST', `/chats/${chatId}/messages`, { body: { text: 'Hi there', authorName: 'Sora' } });
    const frame = await socket.next();
    expect(frame).toEqual({
      type: 'event',
      event: {
        seq: expect.any(Number),
        type: 'message',
        chat: expect.objectContaining({ id: chatId, state: 'opened', lastMessage: sent.body.message }),
        message: sent.body.message,
        unread: 1,
      },
    });
    socket.close();
  });

  it('replays exactly the missed events of this customer after `since`, then says ready', async () => {
    const { token, chatId, cursor } = await visitorWithChat(server);
    const other = await visitorWithChat(server);
    const api = manager(server);
    const first = await api('POST', `/chats/${chatId}/messages`, { body: { text: 'one' } });
    await api('POST', `/chats/${other.chatId}/messages`, { body: { text: 'not yours' } });
    const second = await api('POST', `/chats/${chatId}/messages`, { body: { text: 'two' } });
    await api('POST', `/chats/${chatId}/close`);

    const socket = await Socket.open(server);
    const { events, cursor: readyCursor } = await socket.hello({ token, since: cursor });
    expect(events.map((e) => [e.type, e.message?.text ?? e.chat.state])).toEqual([
      ['message', 'one'],
      ['message', 'two'],
      ['chat', 'closed'],
    ]);
    expect(events[0].message.id).toBe(first.body.message.id);
    expect(events[1].message.id).toBe(second.body.message.id);
    expect(events.map((e) => e.unread)).toEqual([1, 2, 2]);
    expect(readyCursor).toBeGreaterThanOrEqual(events[2].seq);
    await socket.silence();

    const partial = await Socket.open(server);
    const resumed = await partial.hello({ token, since: events[0].seq });
    expect(resumed.events.map((e) => e.seq)).toEqual([events[1].seq, events[2].seq]);
    socket.close();
    partial.close();
  });

  it('records one event for a message sent twice with the same clientId', async () => {
    const { token, chatId, cursor } = await visitorWithChat(server);
    const body = { text: 'twice?', clientId: clientId('m') };
    await widget(server)('POST', `/chats/${chatId}/messages`, { token, body });
    await widget(server)('POST', `/chats/${chatId}/messages`, { token, body });
    const socket = await Socket.open(server);
    const { events } = await socket.hello({ token, since: cursor });
    expect(events.map((e) => e.message?.text)).toEqual(['twice?']);
    socket.close();
  });

  it("tells the customer's other tabs that a chat was read", async () => {
    const { token, chatId, cursor } = await visitorWithChat(server);
    await manager(server)('POST', `/chats/${chatId}/messages`, { body: { text: 'ping' } });
    const tab = await Socket.open(server);
    const { events } = await tab.hello({ token, since: cursor });
    expect(events.at(-1).unread).toBe(1);
    await widget(server)('POST', `/chats/${chatId}/read`, { token });
    const frame = await tab.next();
    expect(frame.event).toMatchObject({ type: 'chat', chat: { id: chatId }, unread: 0 });
    tab.close();
  });

  it('loses and duplicates nothing while events are written during the replay', async () => {
    const { token, chatId, cursor } = await visitorWithChat(server);
    const api = manager(server);
    for (let i = 0; i < 30; i++) await api('POST', `/chats/${chatId}/messages`, { body: { text: `before ${i}` } });
    const socket = await Socket.open(server);
    socket.send({ type: 'hello', token, since: cursor });
    const writes = Array.from({ length: 30 }, (_, i) =>
      api('POST', `/chats/${chatId}/messages`, { body: { text: `during ${i}` } }),
    );
    await Promise.all(writes);
    const texts: string[] = [];
    const seqs: number[] = [];
    while (texts.length < 60) {
      const frame = await socket.next();
      if (frame.type !== 'event') continue;
      texts.push(frame.event.message.text);
      seqs.push(frame.event.seq);
    }
    expect(new Set(texts).size).toBe(60);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    await socket.silence();
    socket.close();
  });

  it('answers ping with pong', async () => {
    const { token, cursor } = await visitorWithChat(server);
    const socket = await Socket.open(server);
    await socket.hello({ token, since: cursor });
    socket.send({ type: 'ping' });
    expect(await socket.next()).toEqual({ type: 'pong' });
    socket.send({ type: 'shout' });
    expect(await socket.next()).toMatchObject({ type: 'error', code: 'bad_frame' });
    socket.close();
  });
});

describe('manager stream', () => {
  it("receives every customer's events, with who the customer is", async () => {
    const socket = await Socket.open(server);
    const { cursor } = await socket.hello({ managerToken: MANAGER_TOKEN, since: 1e12 });
    const { chatId, userId } = await visitorWithChat(server);
    const created = await socket.next();
    expect(created.event).toMatchObject({ type: 'chat', chat: { id: chatId, user: { id: userId } } });
    expect(created.event.seq).toBeGreaterThan(cursor);
    const message = await socket.next();
    expect(message.event).toMatchObject({ type: 'message', message: { text: 'Hello', author: 'customer' } });
    expect(message.event).not.toHaveProperty('unread');
    socket.close();
  });
});

describe('refusals', () => {
  it('closes with 4401 after an error frame when the token is wrong', async () => {
    for (const hello of [{ token: 'nope', since: 0 }, { managerToken: 'nope', since: 0 }]) {
      const socket = await Socket.open(server);
      socket.send({ type: 'hello', ...hello });
      expect(await socket.next()).toMatchObject({ type: 'error', code: 'unauthorized' });
      expect((await socket.closed).code).toBe(4401);
    }
  });

  it('closes with 4400 when the first frame is not a valid hello', async () => {
    for (const frame of ['not json', { type: 'ping' }, { type: 'hello', token: 'x', since: -1 }]) {
      const socket = await Socket.open(server);
      socket.send(frame);
      expect(await socket.next()).toMatchObject({ type: 'error', code: 'bad_frame' });
      expect((await socket.closed).code).toBe(4400);
    }
  });

  it('refuses an upgrade on any other path', async () => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/api/elsewhere`);
    const status = await new Promise((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode)));
    expect(status).toBe(404);
  });

  it('closes a socket that says nothing, and one that stops answering pings', async () => {
    const quick = await startServer({ helloTimeoutMs: 100, heartbeatMs: 100 });
    const silent = await Socket.open(quick);
    expect(await silent.next()).toMatchObject({ type: 'error', code: 'hello_timeout' });
    expect((await silent.closed).code).toBe(4408);

    const { token } = await bootVisitor(quick);
    const ws = new WebSocket(`${quick.url.replace(/^http/, 'ws')}/api/realtime`, { autoPong: false });
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(JSON.stringify({ type: 'hello', token, since: 0 }));
    const code = await new Promise((resolve) => ws.on('close', resolve));
    expect(code).toBe(1006);
    await quick.close();
    await removeDir(quick.dataDir);
  });

  it("refuses a customer socket from an origin the channel does not allow", async () => {
    const guarded = await startServer({ allowedOrigins: ['https://shop.example'] });
    const { token } = await bootVisitor(guarded);
    const evil = await Socket.open(guarded, { origin: 'https://evil.example' });
    evil.send({ type: 'hello', token, since: 0 });
    expect(await evil.next()).toMatchObject({ type: 'error', code: 'origin_not_allowed' });
    expect((await evil.closed).code).toBe(4403);
    const good = await Socket.open(guarded, { origin: 'https://shop.example' });
    expect((await good.hello({ token, since: 0 })).events).toEqual([]);
    good.close();
    await guarded.close();
    await removeDir(guarded.dataDir);
  });
});

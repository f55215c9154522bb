import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootVisitor, clientId, manager, removeDir, startServer, widget, type TestServer } from './helpers.ts';

let server: TestServer;
let api: ReturnType<typeof widget>;

beforeAll(async () => {
  server = await startServer();
  api = widget(server);
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

describe('chats', () => {
  it('creates a chat with its first message and the page it started from', async () => {
    const { token } = await bootVisitor(server);
    const reply = await api('POST', '/chats', {
      token,
      body: {
        clientId: clientId(),
        message: { text: 'Is this in stock?', clientId: clientId('m') },
        profile: { 'source.page': 'https://shop.example/p/42', productId: 'LS-042' },
      },
    });
    expect(reply.status).toBe(201);
    const { chat, message } = reply.body;
    expect(message).toMatchObject({ chatId: chat.id, author: 'customer', text: 'Is this in stock?' });
    expect(message.seq).toEqual(expect.any(Number));
    expect(chat).toMatchObject({ state: 'opened', unread: 0, lastMessage: message });
    expect(chat.profile).toMatchObject({
      state: 'opened',
      'source.page': 'https://shop.example/p/42',
      'profile.productId': 'LS-042',
      firstOpenedAt: chat.createdAt,
      openedAt: chat.createdAt,
    });
  });

  it('returns the same chat and message when creation is retried with the same clientIds', async () => {
    const { token } = await bootVisitor(server);
    const body = { clientId: clientId(), message: { text: 'Hi', clientId: clientId('m') } };
    const first = await api('POST', '/chats', { token, body });
    const retry = await api('POST', '/chats', { token, body });
    expect(retry.status).toBe(200);
    expect(retry.body.chat.id).toBe(first.body.chat.id);
    expect(retry.body.message).toEqual(first.body.message);
    const read = await api('GET', `/chats/${first.body.chat.id}`, { token });
    expect(read.body.messages).toHaveLength(1);
  });

  it('stores a message once when it is sent twice with the same clientId', async () => {
    const { token } = await bootVisitor(server);
    const chat = (await api('POST', '/chats', { token, body: { clientId: clientId() } })).body.chat;
    const body = { text: 'Only once', clientId: clientId('m') };
    const first = await api('POST', `/chats/${chat.id}/messages`, { token, body });
    const retry = await api('POST', `/chats/${chat.id}/messages`, { token, body });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body.message).toEqual(first.body.message);
    const read = await api('GET', `/chats/${chat.id}`, { token });
    expect(read.body.messages.map((m: any) => m.text)).toEqual(['Only once']);
  });

  it("shows a customer only their own chats and hides another customer's chat as 404", async () => {
    const alice = await bootVisitor(server);
    const bob = await bootVisitor(server);
    const chat = (await api('POST', '/chats', { token: alice.token, body: { clientId: clientId() } })).body.chat;
    const list = await api('GET', '/chats', { token: bob.token });
    expect(list.body.chats.map((c: any) => c.id)).not.toContain(chat.id);
    for (const [method, path, body] of [
      ['GET', `/chats/${chat.id}`, undefined],
      ['POST', `/chats/${chat.id}/messages`, { text: 'hi', clientId: clientId() }],
      ['POST', `/chats/${chat.id}/read`, undefined],
    ] as const) {
      const reply = await api(method, path, { token: bob.token, body });
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('chat_not_found');
    }
    const missing = await api('GET', '/chats/does-not-exist', { token: bob.token });
    expect(missing.body).toEqual(
      (await api('GET', `/chats/${chat.id}`, { token: bob.token })).body,
    );
  });

  it('lists chats by latest activity, newest first, with messages oldest first', async () => {
    const { token } = await bootVisitor(server);
    const older = (await api('POST', '/chats', { token, body: { clientId: clientId() } })).body.chat;
    const newer = (await api('POST', '/chats', { token, body: { clientId: clientId() } })).body.chat;
    let list = await api('GET', '/chats', { token });
    expect(list.body.chats.map((c: any) => c.id)).toEqual([newer.id, older.id]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await api('POST', `/chats/${older.id}/messages`, { token, body: { text: 'one', clientId: clientId() } });
    await api('POST', `/chats/${older.id}/messages`, { token, body: { text: 'two', clientId: clientId() } });
    list = await api('GET', '/chats', { token });
    expect(list.body.chats.map((c: any) => c.id)).toEqual([older.id, newer.id]);
    const read = await api('GET', `/chats/${older.id}`, { token });
    expect(read.body.messages.map((m: any) => m.text)).toEqual(['one', 'two']);
  });

  it('clears the unread count when the customer reads the chat', async () => {
    const { token } = await bootVisitor(server);
    const chat = (await api('POST', '/chats', { token, body: { clientId: clientId() } })).body.chat;
    await manager(server)('POST', `/chats/${chat.id}/messages`, { body: { text: 'a' } });
    await manager(server)('POST', `/chats/${chat.id}/messages`, { body: { text: 'b' } });
    expect((await api('GET', `/chats/${chat.id}`, { token })).body.chat.unread).toBe(2);
    const read = await api('POST', `/chats/${chat.id}/read`, { token });
    expect(read.status).toBe(200);
    expect(read.body.chat.unread).toBe(0);
    expect((await api('GET', '/chats', { token })).body.chats[0].unread).toBe(0);
  });

  it('reopens a closed chat when the customer writes in it', async () => {
    const { token } = await bootVisitor(server);
    const chat = (await api('POST', '/chats', { token, body: { clientId: clientId() } })).body.chat;
    const closed = await manager(server)('POST', `/chats/${chat.id}/close`);
    expect(closed.body.chat.profile.closedAt).toEqual(expect.any(Number));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await api('POST', `/chats/${chat.id}/messages`, { token, body: { text: 'Still there?', clientId: clientId() } });
    const read = await api('GET', `/chats/${chat.id}`, { token });
    expect(read.body.chat.state).toBe('opened');
    expect(read.body.chat.profile.state).toBe('opened');
    expect(read.body.chat.profile.closedAt).toBeUndefined();
    expect(read.body.chat.profile.openedAt).toBeGreaterThan(chat.profile.openedAt);
    expect(read.body.chat.profile.firstOpenedAt).toBe(chat.profile.firstOpenedAt);
  });

  it("does not show the manager's notes (priority, tags, description) to the customer", async () => {
    const { token } = await bootVisitor(server);
    const chat = (await api('POST', '/chats', { token, body: { clientId: clientId() } })).body.chat;
    await manager(server)('PATCH', `/chats/${chat.id}`, {
      body: { priority: 'high', tags: ['complaint'], description: 'asked for a refund twice' },
    });
    const read = await api('GET', `/chats/${chat.id}`, { token });
    expect(read.body.chat.profile).not.toHaveProperty('description');
    expect(read.body.chat.profile).not.toHaveProperty('tags');
    expect(read.body.chat.profile).not.toHaveProperty('priority');
  });
});

describe('user', () => {
  it('updates language and profile, sets profileOnce keys only once, and replaces tags', async () => {
    const { token } = await bootVisitor(server);
    const first = await api('PATCH', '/user', {
      token,
      body: { language: 'ja', profile: { name: 'Yui', email: 'yui@example.com' }, profileOnce: { firstSeen: 'ad' }, tags: ['vip', 'vip', 'jp'] },
    });
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ language: 'ja', name: 'Yui', tags: ['vip', 'jp'] });
    const second = await api('PATCH', '/user', {
      token,
      body: { profile: { email: null }, profileOnce: { firstSeen: 'search', city: 'Osaka' }, tags: ['new'], unsubscribeEmail: true },
    });
    expect(second.body.user.profile).toEqual({ name: 'Yui', firstSeen: 'ad', city: 'Osaka' });
    expect(second.body.user.tags).toEqual(['new']);
    expect(second.body.user.unsubscribeEmail).toBe(true);
  });

  it('adds and removes tags', async () => {
    const { token } = await bootVisitor(server);
    await api('POST', '/user/tags', { token, body: { add: ['a', 'b'] } });
    const reply = await api('POST', '/user/tags', { token, body: { add: ['c'], remove: ['a'] } });
    expect(reply.body.user.tags).toEqual(['b', 'c']);
  });

  it('records a tracked event and answers 204', async () => {
    const { token } = await bootVisitor(server);
    const reply = await api('POST', '/events', { token, body: { name: 'PageView', properties: { url: 'https://x.example/' } } });
    expect(reply.status).toBe(204);
    const long = await api('POST', '/events', { token, body: { name: 'x'.repeat(31) } });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toBe('name: must be a string of 1 to 30 characters');
  });
});

import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/sqlite/migrations.ts';
import { clientId, manager, MANAGER_TOKEN, eventCursor, removeDir, Socket, startServer, visitorWithChat, widget, type TestServer } from '../helpers.ts';

let server: TestServer;
let api: ReturnType<typeof manager>;

beforeAll(async () => {
  server = await startServer();
  api = manager(server);
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

const texts = async (chatId: string) =>
  (await api('GET', `/chats/${chatId}`)).body.messages.map((m: any) => `${m.author}: ${m.text}`);

describe('clientIds are scoped by author side', () => {
  it("stores a manager's reply even when the customer posted first under the same clientId", async () => {
    const { token, chatId } = await visitorWithChat(server);
    const guessed = 'integration-42';
    const squat = await widget(server)('POST', `/chats/${chatId}/messages`, { token, body: { text: 'squatting', clientId: guessed } });
    expect(squat.status).toBe(201);
    const reply = await api('POST', `/chats/${chatId}/messages`, { body: { text: 'Your order shipped', clientId: guessed } });
    expect(reply.status).toBe(201);
    expect(reply.body.message).toMatchObject({ author: 'manager', text: 'Your order shipped', clientId: guessed });
    expect(await texts(chatId)).toEqual(['customer: Hello', 'customer: squatting', 'manager: Your order shipped']);
  });

  it("stores a customer's message even when a manager used the same clientId first", async () => {
    const { token, chatId } = await visitorWithChat(server);
    await api('POST', `/chats/${chatId}/messages`, { body: { text: 'How can I help?', clientId: 'same-key' } });
    const sent = await widget(server)('POST', `/chats/${chatId}/messages`, { token, body: { text: 'My parcel', clientId: 'same-key' } });
    expect(sent.status).toBe(201);
    expect(sent.body.message).toMatchObject({ author: 'customer', text: 'My parcel', clientId: 'same-key' });
    expect(await texts(chatId)).toEqual(['customer: Hello', 'manager: How can I help?', 'customer: My parcel']);
  });

  it('still stores a retry once on each side', async () => {
    const { token, chatId } = await visitorWithChat(server);
    const body = { text: 'once', clientId: clientId() };
    expect((await api('POST', `/chats/${chatId}/messages`, { body })).status).toBe(201);
    expect((await api('POST', `/chats/${chatId}/messages`, { body })).status).toBe(200);
    expect((await widget(server)('POST', `/chats/${chatId}/messages`, { token, body })).status).toBe(201);
    expect((await widget(server)('POST', `/chats/${chatId}/messages`, { token, body })).status).toBe(200);
    expect(await texts(chatId)).toEqual(['customer: Hello', 'manager: once', 'customer: once']);
  });
});

describe("each side sees only its own messages' clientIds", () => {
  it("never shows the customer a manager's clientId: thread, list, realtime", async () => {
    const { token, chatId, cursor } = await visitorWithChat(server);
    const socket = await Socket.open(server);
    await socket.hello({ token, since: cursor });
    await api('POST', `/chats/${chatId}/messages`, { body: { text: 'next id is secret', clientId: 'mgr-7' } });
    const event = (await socket.next()).event;
    socket.close();
    expect(event.message.text).toBe('next id is secret');
    expect(event.message).not.toHaveProperty('clientId');
    expect(event.chat.lastMessage).not.toHaveProperty('clientId');
    const thread = (await widget(server)('GET', `/chats/${chatId}`, { token })).body;
    expect(thread.messages[0].clientId).toEqual(expect.any(String)); // the customer's own
    expect(thread.messages[1]).not.toHaveProperty('clientId');
    expect(thread.chat.lastMessage).not.toHaveProperty('clientId');
    const list = (await widget(server)('GET', '/chats', { token })).body;
    expect(JSON.stringify(list)).not.toContain('mgr-7');
  });

  it("never shows a manager the customer's clientId: thread, list, realtime", async () => {
    const { token, chatId } = await visitorWithChat(server);
    const socket = await Socket.open(server);
    await socket.hello({ managerToken: MANAGER_TOKEN, since: await eventCursor(server, token) });
    await widget(server)('POST', `/chats/${chatId}/messages`, { token, body: { text: 'mine', clientId: 'cust-9' } });
    const event = (await socket.next()).event;
    socket.close();
    expect(event.message.text).toBe('mine');
    expect(event.message).not.toHaveProperty('clientId');
    expect(event.chat.lastMessage).not.toHaveProperty('clientId');
    const thread = (await api('GET', `/chats/${chatId}`)).body;
    expect(JSON.stringify(thread)).not.toContain('cust-9');
    expect(JSON.stringify((await api('GET', '/chats')).body)).not.toContain('cust-9');
    const sent = await api('POST', `/chats/${chatId}/messages`, { body: { text: 'ok', clientId: 'mgr-own' } });
    expect(sent.body.message.clientId).toBe('mgr-own'); // its own, to match its pending copy
    expect((await api('GET', `/chats/${chatId}`)).body.messages.at(-1).clientId).toBe('mgr-own');
  });
});

describe('migration 7', () => {
  it('keeps every message and survey of an older database, also after a migration that adds a user column', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 5);
    db.exec(`ALTER TABLE users ADD COLUMN email TEXT`); // what another migration may add first
    db.exec(`
      INSERT INTO channels (id, name, color, plugin_key, created_at) VALUES ('ch', 'Shop', '#000', 'key', 1);
      INSERT INTO users (id, channel_id, language, created_at, updated_at) VALUES ('u', 'ch', 'en', 1, 1);
      INSERT INTO chats (id, channel_id, user_id, state, client_id, created_at, updated_at, activity_at)
        VALUES ('c', 'ch', 'u', 'opened', 'k', 1, 1, 1);
      INSERT INTO messages (id, chat_id, seq, author, text, client_id, created_at) VALUES
        ('m1', 'c', 1, 'customer', 'hi', 'x', 1), ('m2', 'c', 2, 'bot', 'survey', NULL, 2);
      INSERT INTO csat_surveys (message_id, chat_id, token, created_at) VALUES ('m2', 'c', 't', 2);
    `);
    migrate(db);
    expect(db.prepare('SELECT id, author, client_id FROM messages ORDER BY seq').all()).toEqual([
      { id: 'm1', author: 'customer', client_id: 'x' },
      { id: 'm2', author: 'bot', client_id: null },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.prepare(`INSERT INTO messages (id, chat_id, seq, author, text, client_id, created_at)
      VALUES ('m3', 'c', 3, 'manager', 'reply', 'x', 3)`).run();
    expect(() => db.prepare(`INSERT INTO messages (id, chat_id, seq, author, text, client_id, created_at)
      VALUES ('m4', 'c', 4, 'customer', 'again', 'x', 4)`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare('DELETE FROM messages WHERE id = ?').run('m2')).toThrow(/FOREIGN KEY/);
  });
});

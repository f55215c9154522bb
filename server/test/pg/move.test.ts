import { describe, expect, it } from 'vitest';
import { moveFromSqlite } from '../../src/store/pg/moveFromSqlite.ts';
import { call, clientId, manager, MANAGER_TOKEN, removeDir, startServer, visitorWithChat, widget } from '../helpers.ts';
import { freshDatabase, PG_URL } from './pgDatabase.ts';

describe.skipIf(!PG_URL)('moving a SQLite installation into PostgreSQL', () => {
  it('carries chats, messages, search, cursors and survey links over, and refuses a database that has data', async () => {
    const sqlite = await startServer();
    const { token, chatId, cursor } = await visitorWithChat(sqlite);
    await widget(sqlite)('POST', `/chats/${chatId}/messages`, { token, body: { text: '환불 받을 수 있나요?', clientId: clientId('m') } });
    await manager(sqlite)('PATCH', `/chats/${chatId}`, { body: { 'profile.productName': 'Linen Shirt', priority: 'high' } });
    await manager(sqlite)('POST', `/chats/${chatId}/messages`, { body: { text: 'Yes, within 30 days.' } });
    const before = await manager(sqlite)('GET', `/chats/${chatId}`);
    await sqlite.close();

    const database = await freshDatabase();
    try {
      const counts = await moveFromSqlite(sqlite.dataDir, { url: database.url });
      expect(counts).toMatchObject({ chats: 1, messages: 3 });
      await expect(moveFromSqlite(sqlite.dataDir, { url: database.url })).rejects.toThrow('DATABASE_URL: the database already holds data; move into an empty one');

      const pg = await startServer({ postgres: { url: database.url }, pluginKey: sqlite.pluginKey });
      try {
        const api = manager(pg);
        const after = await api('GET', `/chats/${chatId}`);
        expect(after.body.chat).toEqual(before.body.chat);
        expect(after.body.messages).toEqual(before.body.messages);
        expect(after.body.csatLink).toEqual(before.body.csatLink);
        for (const q of ['환불', 'linen']) {
          const found = await api('GET', `/chats?q=${encodeURIComponent(q)}`);
          expect(found.body.chats.map((c: { id: string }) => c.id), q).toEqual([chatId]);
        }
        // The customer's session and cursor still work; what is written next follows the log.
        const sent = await widget(pg)('POST', `/chats/${chatId}/messages`, { token, body: { text: 'Thanks!', clientId: clientId('m') } });
        expect(sent.status).toBe(201);
        const polled = await widget(pg)('GET', `/realtime?since=${cursor}`, { token });
        expect(polled.body.events.map((event: { seq: number; message?: { id: string } }) => event.message?.id)).toContain(sent.body.message.id);
        expect(polled.body.events.every((event: { seq: number }) => event.seq > cursor)).toBe(true);
        const me = await call(`${pg.url}/api/manager/session`, 'GET', { token: MANAGER_TOKEN });
        expect(me.status).toBe(200);
      } finally {
        await pg.close();
      }
    } finally {
      await database.drop();
      await removeDir(sqlite.dataDir);
    }
  });
});

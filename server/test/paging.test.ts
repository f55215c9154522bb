import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareChats } from '../../src/shared/paging.ts';
import { chatListSql } from '../src/store/sqlite/chatQueries.ts';
import { migrate } from '../src/store/sqlite/migrations.ts';
import { prepareStatements } from '../src/store/sqlite/statements.ts';
import { bootVisitor, clientId, manager, removeDir, startServer, widget, type TestServer } from './helpers.ts';

let server: TestServer;
let api: ReturnType<typeof manager>;
let visitor: { token: string };
const CHATS = 125;

const newChat = (token: string, text: string) =>
  widget(server)('POST', '/chats', { token, body: { clientId: clientId(), message: { text, clientId: clientId('m') } } });

beforeAll(async () => {
  server = await startServer();
  api = manager(server);
  visitor = await bootVisitor(server);
  for (let i = 0; i < CHATS; i++) await newChat(visitor.token, `chat ${i}`);
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

/** Every page of a list, following `next`; `between` runs after the first page. */
async function allPages(get: (cursor: string | null) => Promise<any>, between?: () => Promise<void>) {
  const pages: any[] = [];
  let cursor: string | null = null;
  do {
    const reply = await get(cursor);
    expect(reply.status).toBe(200);
    pages.push(reply.body);
    cursor = reply.body.next;
    if (pages.length === 1) await between?.();
  } while (cursor !== null);
  return pages;
}

describe('chat lists', () => {
  it('pages 120+ manager chats newest first without a gap or a duplicate while a new chat arrives', async () => {
    const before = (await api('GET', `/chats?limit=100`)).body.chats.length; // the first page only
    expect(before).toBe(100);
    let arrived = '';
    const pages = await allPages(
      (cursor) => api('GET', `/chats?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
      async () => {
        arrived = (await newChat(visitor.token, 'arrived between pages')).body.chat.id;
      },
    );
    expect(pages.map((page) => page.chats.length)).toEqual([50, 50, 25]);
    const listed = pages.flatMap((page) => page.chats);
    expect(new Set(listed.map((chat: any) => chat.id)).size).toBe(CHATS);
    expect(listed.map((chat: any) => chat.id)).not.toContain(arrived);
    expect([...listed].sort(compareChats)).toEqual(listed);
    const fresh = (await api('GET', '/chats?limit=1')).body;
    expect(fresh.chats[0].id).toBe(arrived);
  });

  it('gives the first 50 chats and a cursor when no limit or cursor is given', async () => {
    const reply = await api('GET', '/chats');
    expect(reply.body.chats).toHaveLength(50);
    expect(reply.body.next).toEqual(expect.any(String));
    const filtered = await api('GET', '/chats?state=closed');
    expect(filtered.body).toEqual({ chats: [], next: null });
  });

  it("pages the visitor's own chats in the widget the same way", async () => {
    const other = await bootVisitor(server);
    await newChat(other.token, 'not yours');
    const pages = await allPages((cursor) =>
      widget(server)('GET', `/chats?limit=40${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: visitor.token }),
    );
    const listed = pages.flatMap((page) => page.chats);
    expect(pages.map((page) => page.chats.length)).toEqual([40, 40, 40, 6]);
    expect(new Set(listed.map((chat: any) => chat.id)).size).toBe(CHATS + 1);
    expect(listed.map((chat: any) => chat.lastMessage.text)).not.toContain('not yours');
    expect([...listed].sort(compareChats)).toEqual(listed);
  });
});

describe('messages', () => {
  it('pages a chat from its newest messages, each page oldest first, while a message arrives', async () => {
    const { token } = await bootVisitor(server);
    const chat = (await newChat(token, 'm0')).body.chat;
    for (let i = 1; i < 120; i++) {
      await widget(server)('POST', `/chats/${chat.id}/messages`, { token, body: { text: `m${i}`, clientId: clientId() } });
    }
    const texts = Array.from({ length: 120 }, (_, i) => `m${i}`);
    // The message posted after the first page is newer than every page after it: none shows it.
    const read = async (get: (before: string | null) => Promise<any>) => {
      const pages = await allPages(get, async () => {
        await api('POST', `/chats/${chat.id}/messages`, { body: { text: 'late' } });
      });
      return { sizes: pages.map((page) => page.messages.length), texts: pages.reverse().flatMap((page) => page.messages.map((m: any) => m.text)) };
    };
    const q = (before: string | null) => (before ? `&before=${encodeURIComponent(before)}` : '');
    expect(await read((before) => api('GET', `/chats/${chat.id}?limit=50${q(before)}`))).toEqual({ sizes: [50, 50, 20], texts });
    expect(await read((before) => widget(server)('GET', `/chats/${chat.id}?limit=50${q(before)}`, { token }))).toEqual({
      sizes: [50, 50, 21],
      texts: [...texts, 'late'],
    });
  });

  it('numbers the messages of a chat 1, 2, 3… when the customer and the team write at once', async () => {
    const { token } = await bootVisitor(server);
    const chat = (await newChat(token, 'first')).body.chat;
    const sent = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 2 === 0
          ? widget(server)('POST', `/chats/${chat.id}/messages`, { token, body: { text: `c${i}`, clientId: clientId() } })
          : api('POST', `/chats/${chat.id}/messages`, { body: { text: `t${i}` } }),
      ),
    );
    expect(sent.map((reply) => reply.status)).toEqual(Array(30).fill(201));
    const stored = (await api('GET', `/chats/${chat.id}?limit=100`)).body.messages.map((m: { seq: number }) => m.seq);
    expect(stored).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(sent.map((reply) => reply.body.message.seq).sort((a: number, b: number) => a - b)).toEqual(stored.slice(1));
  });
});

describe('refusals', () => {
  const bad: [string, string][] = [
    ['limit=0', 'limit: must be an integer from 1 to 100'],
    ['limit=101', 'limit: must be an integer from 1 to 100'],
    ['limit=1.5', 'limit: must be an integer from 1 to 100'],
    ['limit=ten', 'limit: must be an integer from 1 to 100'],
    ['cursor=not-a-cursor', 'cursor: must be the `next` of a previous page, as given'],
    [`cursor=${Buffer.from('m12').toString('base64url')}`, 'cursor: must be the `next` of a previous page, as given'],
    ['limit=5&limit=6', 'limit: must be given once'],
  ];
  it.each(bad)('refuses a chat list with %s and names the parameter', async (query, message) => {
    for (const reply of [
      await api('GET', `/chats?${query}`),
      await widget(server)('GET', `/chats?${query}`, { token: visitor.token }),
    ]) {
      expect(reply.status).toBe(400);
      expect(reply.body.error).toEqual({ code: 'invalid_request', message });
    }
  });

  it("refuses a chat's messages with a bad before or limit", async () => {
    const chat = (await widget(server)('GET', '/chats?limit=1', { token: visitor.token })).body.chats[0];
    const chatCursor = (await api('GET', '/chats?limit=1')).body.next;
    for (const [query, message] of [
      ['before=zzz', 'before: must be the `next` of a previous page, as given'],
      [`before=${chatCursor}`, 'before: must be the `next` of a previous page, as given'],
      ['limit=500', 'limit: must be an integer from 1 to 100'],
      ['cursor=abc', 'query.cursor: is not a known field (expected before, limit)'],
    ]) {
      for (const reply of [
        await api('GET', `/chats/${chat.id}?${query}`),
        await widget(server)('GET', `/chats/${chat.id}?${query}`, { token: visitor.token }),
      ]) {
        expect(reply.status, query).toBe(400);
        expect(reply.body.error).toEqual({ code: 'invalid_request', message });
      }
    }
  });
});

describe('query plans', () => {
  const db = new Database(':memory:');
  migrate(db);
  const plan = (sql: string) =>
    db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ limit: 50, afterActivity: 1, afterId: 'x', userId: 'u', state: 'opened', chatId: 'c', before: 9 })
      .map((row: any) => row.detail as string);
  const outer = (details: string[]) => details.filter((detail) => / c\b| c USING/.test(detail) || /^(SCAN|SEARCH) c/.test(detail));

  it.each([
    [[], false, 'chats_activity'],
    [[], true, 'chats_activity'],
    [['userId'], true, 'chats_user_activity'],
    [['state'], true, 'chats_activity'],
  ] as const)('walks an index in order for filters %j (after a cursor: %s)', (keys, after, index) => {
    const details = plan(chatListSql(keys, after));
    expect(outer(details).join('\n')).toContain(`USING INDEX ${index}`);
    expect(details.join('\n')).not.toContain('TEMP B-TREE');
    if (after) expect(outer(details).join('\n')).toContain('(activity_at,id)<(?,?)');
  });

  it("reads a page of a chat's messages through (chat_id, seq)", () => {
    const details = plan(prepareStatements(db).listMessagesBefore.source);
    expect(details.join('\n')).toMatch(/SEARCH messages USING INDEX messages_chat_seq \(chat_id=\? AND seq<\?\)/);
    expect(details.join('\n')).not.toContain('TEMP B-TREE');
  });
});

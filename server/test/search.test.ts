import { beforeAll, describe, expect, it } from 'vitest';
import { bootVisitor, clientId, ON_POSTGRES, serverForFile, widget } from './helpers.ts';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { chatListQuery } from '../src/store/sqlite/chatQueries.ts';
import { migrate } from '../src/store/sqlite/migrations.ts';
import { indexText, matchQuery } from '../src/store/searchText.ts';

const file = serverForFile();

async function chatOf(text: string, { name, email, memberId, profile }: { name?: string; email?: string; memberId?: string; profile?: Record<string, unknown> } = {}) {
  const visitor = await bootVisitor(file.server);
  const user: Record<string, unknown> = {};
  if (name || email) user.profile = { ...(name ? { name } : {}), ...(email ? { email } : {}) };
  if (Object.keys(user).length) expect((await widget(file.server)('PATCH', '/user', { token: visitor.token, body: user })).status).toBe(200);
  if (memberId) {
    const booted = await widget(file.server)('POST', '/boot', { body: { language: 'en', memberId } });
    Object.assign(visitor, booted.body);
  }
  const reply = await widget(file.server)('POST', '/chats', {
    token: visitor.token,
    body: { clientId: clientId(), message: { text, clientId: clientId('m') }, ...(profile ? { profile } : {}) },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.chat.id as string;
}

const found = async (q: string, extra = '') => {
  const reply = await file.api('GET', `/chats?q=${encodeURIComponent(q)}${extra}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return (reply.body.chats as { id: string }[]).map((c) => c.id);
};

describe('the search terms', () => {
  it('cuts Korean and Japanese runs into pairs and keeps other words whole', () => {
    expect(indexText('환불요청 please', 'ORDER-42')).toBe('환불 불요 요청 please order 42');
    expect(indexText('配送が遅い')).toBe('配送 送が が遅 遅い');
    expect(matchQuery('환불')).toBe('"환불" *');
    expect(matchQuery('Linen 셔')).toBe('"linen" "셔" *');
    expect(matchQuery('!!!')).toBeNull();
  });
});

describe('GET /chats?q=', () => {
  let refund: string;
  let shipping: string;
  let linen: string;
  let named: string;
  beforeAll(async () => {
    refund = await chatOf('환불 요청합니다. 주문번호 1029');
    shipping = await chatOf('配送が遅いです');
    linen = await chatOf('Does this come in blue?', { profile: { 'profile.productName': 'Linen Shirt', 'profile.productId': 'SKU-7781' } });
    named = await chatOf('Hello', { name: 'Kim Minji', email: 'minji@mail.test' });
  });

  it('finds a word of a message, Korean and Japanese included, also by a part of it', async () => {
    expect(await found('환불')).toEqual([refund]);
    expect(await found('주문')).toEqual([refund]);
    expect(await found('配送')).toEqual([shipping]);
    expect(await found('遅い')).toEqual([shipping]);
    expect(await found('blu')).toEqual([linen]);
  });

  it("finds the product by name and id, the customer by name and email, and the chat by its id", async () => {
    expect(await found('linen shirt')).toEqual([linen]);
    expect(await found('SKU-7781')).toEqual([linen]);
    expect(await found('Minji')).toEqual([named]);
    expect(await found('minji@mail.test')).toEqual([named]);
    expect(await found(refund)).toEqual([refund]);
    expect(await found('nothing-like-this')).toEqual([]);
  });

  it('combines a search with the other filters', async () => {
    await file.api('POST', `/chats/${linen}/close`);
    expect(await found('linen', '&state=closed')).toEqual([linen]);
    expect(await found('linen', '&state=opened')).toEqual([]);
    expect(await found('hello', '&assignee=none')).toEqual([named]);
  });

  it('refuses a search without a letter or digit, or one too long', async () => {
    for (const [q, message] of [
      ['!!!', 'q: must hold a letter or digit'],
      ['x'.repeat(201), 'q: must be a string of 1 to 200 characters'],
    ]) {
      const reply = await file.api('GET', `/chats?q=${encodeURIComponent(q)}`);
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toBe(message);
    }
  });
});

describe('paging while new chats arrive', () => {
  it('shows every chat once across pages, however many start meanwhile', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++) ids.add(await chatOf(`paging ${i}`));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const reply = await file.api('GET', `/chats?q=paging&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...reply.body.chats.map((c: { id: string }) => c.id));
      cursor = reply.body.next;
      await chatOf('paging newcomer'); // lands above every cursor: never on a later page
    } while (cursor);
    expect(seen.filter((id) => ids.has(id)).sort()).toEqual([...ids].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('the two search plans', () => {
  // They are the SQLite store's: PostgreSQL searches with one plan.
  it.skipIf(ON_POSTGRES)('give the same pages, for common and rare words alike', async () => {
    for (let i = 0; i < 6; i++) await chatOf(`plans ${i % 2 ? 'common rare' : 'common'} 환불`);
    const db = new Database(join(file.server.dataDir, 'sangdam.db'), { readonly: true });
    try {
      const set = chatListQuery(db, { walkAbove: Infinity });
      const walk = chatListQuery(db, { walkAbove: -1 });
      for (const q of ['common', 'rare', '환불', 'plans com', 'nothing']) {
        for (const page of [{ limit: 2 }, { limit: 50 }]) {
          const ids = (plan: typeof set) => (plan({ q }, page) as { id: string }[]).map((row) => row.id);
          expect(ids(walk), `${q} ${page.limit}`).toEqual(ids(set));
        }
      }
      expect((set({ q: 'rare' }, { limit: 50 }) as unknown[]).length).toBe(3);
    } finally {
      db.close();
    }
  });
});

describe('migrating a database from before the search', () => {
  it('indexes the customers, products and messages it holds, and keeps the index in step afterwards', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 12);
    db.exec(`
      INSERT INTO channels (id, name, color, plugin_key, created_at) VALUES ('ch', 'Shop', '#000', 'key', 1);
      INSERT INTO users (id, channel_id, name, language, profile, created_at, updated_at) VALUES
        ('u1', 'ch', '김철수', 'ko', '{"email":"chul@mail.test"}', 1, 1), ('u2', 'ch', NULL, 'en', '{}', 1, 1);
      INSERT INTO chats (id, channel_id, user_id, state, profile, client_id, created_at, updated_at, activity_at) VALUES
        ('c1', 'ch', 'u1', 'opened', '{"profile.productName":"Linen Shirt"}', 'k1', 1, 1, 2),
        ('c2', 'ch', 'u2', 'opened', '{}', 'k2', 1, 1, 1);
      INSERT INTO messages (id, chat_id, seq, author, text, client_id, created_at) VALUES
        ('m1', 'c1', 1, 'customer', '환불 요청합니다', 'x', 1), ('m2', 'c2', 2, 'customer', 'where is my parcel', 'y', 2);
    `);
    migrate(db);
    const list = chatListQuery(db);
    const ids = (q: string) => (list({ q }, { limit: 50 }) as { id: string }[]).map((row) => row.id);
    expect(ids('김철수')).toEqual(['c1']);
    expect(ids('chul@mail.test')).toEqual(['c1']);
    expect(ids('linen')).toEqual(['c1']);
    expect(ids('환불')).toEqual(['c1']);
    expect(ids('parcel')).toEqual(['c2']);
    db.prepare(`UPDATE users SET name = 'Kim Chulsoo', search_body = 'kim chulsoo' WHERE id = 'u1'`).run();
    expect(ids('김철수')).toEqual([]);
    expect(ids('chulsoo')).toEqual(['c1']);
    db.close();
  });
});

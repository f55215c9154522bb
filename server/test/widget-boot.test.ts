import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootVisitor, clientId, manager, removeDir, startServer, widget, type TestServer } from './helpers.ts';
import { countRows, storedRows } from './storedRows.ts';

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

describe('boot', () => {
  it('creates an anonymous visitor with a session token, the channel and a cursor', async () => {
    const reply = await api('POST', '/boot', { body: { language: 'ko', profile: { name: 'Mina' } } });
    expect(reply.status).toBe(200);
    expect(reply.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(reply.body.user).toMatchObject({
      memberId: null,
      name: 'Mina',
      language: 'ko',
      profile: { name: 'Mina' },
      tags: [],
      unsubscribeEmail: false,
      unsubscribeTexting: false,
    });
    expect(reply.body.channel).toEqual({ id: expect.any(String), name: 'Sangdam demo', color: '#5b5bd6' });
    expect(reply.body.unread).toEqual({});
    expect(reply.body.cursor).toEqual(expect.any(Number));
  });

  it('records the page view sent with the boot in the same write, and refuses a malformed one whole', async () => {
    const pageView = { url: 'https://shop.example/products/42', title: '린넨 셔츠', utm_source: 'news' };
    const reply = await api('POST', '/boot', { body: { pageView } });
    expect(reply.status).toBe(200);
    const bad = await api('POST', '/boot', { body: { pageView: { url: { nested: true } } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^pageView\.url: /);

    const rows = await storedRows(server, `SELECT user_id AS "userId", name, properties FROM events_track WHERE name = 'PageView'`);
    const users = await countRows(server, 'SELECT COUNT(*) AS n FROM users');
    expect(rows).toEqual([{ userId: reply.body.user.id, name: 'PageView', properties: JSON.stringify(pageView) }]);
    const again = await api('POST', '/boot', { body: {} });
    expect(again.status).toBe(200);
    // The refused boot created no visitor: only the good boot's and this one's exist beyond earlier tests'.
    expect(await countRows(server, 'SELECT COUNT(*) AS n FROM users')).toBe(users + 1);
  });

  it('returns the same visitor and token when booted again with its token', async () => {
    const first = await bootVisitor(server);
    const again = await api('POST', '/boot', { body: { token: first.token } });
    expect(again.status).toBe(200);
    expect(again.body.user.id).toBe(first.user.id);
    expect(again.body.token).toBe(first.token);
  });

  it('creates a new visitor when the token is unknown', async () => {
    const first = await bootVisitor(server);
    const reply = await api('POST', '/boot', { body: { token: 'not-a-real-token' } });
    expect(reply.status).toBe(200);
    expect(reply.body.user.id).not.toBe(first.user.id);
  });

  it('reports unread counts per chat', async () => {
    const visitor = await bootVisitor(server);
    const created = await api('POST', '/chats', { token: visitor.token, body: { clientId: clientId() } });
    const chatId = created.body.chat.id;
    await manager(server)('POST', `/chats/${chatId}/messages`, { body: { text: 'Hello!' } });
    const reply = await api('POST', '/boot', { body: { token: visitor.token } });
    expect(reply.body.unread).toEqual({ [chatId]: 1 });
  });

  it('reads any BCP 47 tag as the closest language, English when none is close', async () => {
    for (const [tag, language] of [['en-US', 'en'], ['ko-KR', 'ko'], ['ja-JP', 'ja'], ['zh-Hant-TW', 'en'], ['KO', 'ko']]) {
      const reply = await api('POST', '/boot', { body: { language: tag } });
      expect(reply.status, tag).toBe(200);
      expect(reply.body.user.language, tag).toBe(language);
    }
    const { token } = await bootVisitor(server);
    const updated = await api('PATCH', '/user', { token, body: { language: 'ja-JP' } });
    expect(updated.body.user.language).toBe('ja');
  });

  it('applies the opt-outs sent with the boot', async () => {
    const reply = await api('POST', '/boot', { body: { unsubscribeEmail: true, unsubscribeTexting: false } });
    expect(reply.body.user).toMatchObject({ unsubscribeEmail: true, unsubscribeTexting: false });
    const again = await api('POST', '/boot', { body: { token: reply.body.token, unsubscribeTexting: true } });
    expect(again.body.user).toMatchObject({ unsubscribeEmail: true, unsubscribeTexting: true });
    const bad = await api('POST', '/boot', { body: { unsubscribeEmail: 'yes' } });
    expect(bad.body.error.message).toBe('unsubscribeEmail: must be true or false');
  });

  it('stores profile values that are lists of strings or numbers, and returns them', async () => {
    const profile = { name: 'Mina', likes: ['linen', 'wool'], sizes: [95, 100], none: [] };
    const reply = await api('POST', '/boot', { body: { profile } });
    expect(reply.status).toBe(200);
    expect(reply.body.user.profile).toEqual(profile);
    const updated = await api('PATCH', '/user', { token: reply.body.token, body: { profile: { likes: ['silk'] }, profileOnce: { sizes: [1], grades: ['A'] } } });
    expect(updated.body.user.profile).toEqual({ ...profile, likes: ['silk'], grades: ['A'] });
    const again = await api('POST', '/boot', { body: { token: reply.body.token } });
    expect(again.body.user.profile).toEqual({ ...profile, likes: ['silk'], grades: ['A'] });
  });

  it('keeps every change when one customer writes profile values and tags at once', async () => {
    const { token } = await bootVisitor(server);
    const writes = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? api('PATCH', '/user', { token, body: { profile: { [`key${i}`]: `value${i}` } } })
        : api('POST', '/user/tags', { token, body: { add: [`tag${i}`] } }),
    );
    expect((await Promise.all(writes)).map((reply) => reply.status)).toEqual(Array(20).fill(200));
    const user = (await api('POST', '/boot', { body: { token } })).body.user;
    expect(Object.keys(user.profile).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `key${i * 2}`).sort());
    expect([...user.tags].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `tag${i * 2 + 1}`).sort());
  });

  it('refuses an unknown plugin key with 404 channel_not_found', async () => {
    const reply = await widget(server, 'no-such-key')('POST', '/boot', { body: {} });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('channel_not_found');
  });
});

describe('members', () => {
  const secret = 'member-secret-for-tests';
  let members: TestServer;
  let memberApi: ReturnType<typeof widget>;
  const hash = (memberId: string) => createHmac('sha256', secret).update(memberId).digest('hex');

  beforeAll(async () => {
    members = await startServer({ memberSecret: secret });
    memberApi = widget(members);
  });
  afterAll(async () => {
    await members.close();
    await removeDir(members.dataDir);
  });

  it('refuses a memberId whose memberHash is wrong or missing with 401', async () => {
    const wrong = await memberApi('POST', '/boot', { body: { memberId: 'alice', memberHash: hash('bob') } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toEqual({ code: 'member_hash_mismatch', message: expect.stringContaining('memberHash') });
    const missing = await memberApi('POST', '/boot', { body: { memberId: 'alice' } });
    expect(missing.status).toBe(401);
    expect(missing.body.error.message).toMatch(/^memberHash: required/);
  });

  it('boots the same member from two browsers when the hash is right', async () => {
    const first = await memberApi('POST', '/boot', { body: { memberId: 'alice', memberHash: hash('alice') } });
    expect(first.status).toBe(200);
    expect(first.body.user.memberId).toBe('alice');
    const second = await memberApi('POST', '/boot', { body: { memberId: 'alice', memberHash: hash('alice') } });
    expect(second.body.user.id).toBe(first.body.user.id);
    expect(second.body.token).not.toBe(first.body.token);
  });

  it("does not let a visitor's token unlock a member", async () => {
    const visitor = await bootVisitor(members);
    const reply = await memberApi('POST', '/boot', {
      body: { token: visitor.token, memberId: 'carol', memberHash: hash('carol') },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.user.memberId).toBe('carol');
    expect(reply.body.token).not.toBe(visitor.token);
    const asVisitor = await memberApi('POST', '/boot', { body: { token: visitor.token } });
    expect(asVisitor.body.user.id).toBe(visitor.user.id);
    expect(asVisitor.body.user.memberId).toBeNull();
  });

  it("gives a fresh visitor when a member's token boots without memberId (after logout)", async () => {
    const member = await memberApi('POST', '/boot', { body: { memberId: 'dave', memberHash: hash('dave') } });
    const after = await memberApi('POST', '/boot', { body: { token: member.body.token } });
    expect(after.body.user.memberId).toBeNull();
    expect(after.body.user.id).not.toBe(member.body.user.id);
  });
});

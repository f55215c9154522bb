import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashToken } from '../../src/domain/crypto.ts';
import { purgeExpiredSessions } from '../../src/domain/sessions.ts';
import { PgStore } from '../../src/store/pg/PgStore.ts';
import { PgTx } from '../../src/store/pg/PgTx.ts';
import { SqliteStore } from '../../src/store/sqlite/SqliteStore.ts';
import { SqliteTx } from '../../src/store/sqlite/SqliteTx.ts';
import { ON_POSTGRES, postgresOf, removeDir, Socket, startServer, tempDir, widget, type TestServer } from '../helpers.ts';
import { storedRows } from '../storedRows.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let now: number;
let server: TestServer;
let api: ReturnType<typeof widget>;

beforeEach(async () => {
  now = Date.UTC(2026, 11, 1);
  server = await startServer({ clock: () => now, visitorSessionMs: 10 * DAY, memberSessionMs: 2 * DAY });
  api = widget(server);
});
afterEach(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

/** When the session of a token was last used, as stored; undefined once it is gone. */
const lastUsed = async (token: string): Promise<number | undefined> =>
  (await storedRows<{ last_used_at: number }>(server, 'SELECT last_used_at FROM sessions WHERE token_hash = ?', hashToken(token)))[0]?.last_used_at;

describe('customer sessions', () => {
  it('end after their idle time: an expired token gets 401 session_expired, an unknown one 401 invalid_token', async () => {
    const visitor = (await api('POST', '/boot', { body: {} })).body;
    const member = (await api('POST', '/boot', { body: { memberId: 'customer-1001' } })).body;
    now += 3 * DAY; // past the member's 2 days, within the visitor's 10
    expect((await api('GET', '/chats', { token: visitor.token })).status).toBe(200);
    const expired = await api('GET', '/chats', { token: member.token });
    expect(expired.status).toBe(401);
    expect(expired.body.error).toEqual({ code: 'session_expired', message: expect.stringContaining('token:') });
    const unknown = await api('GET', '/chats', { token: 'no-such-token' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('invalid_token');
  });

  it('slide with use, writing the last use at most once an hour', async () => {
    const { token } = (await api('POST', '/boot', { body: {} })).body;
    const started = now;
    now += 30 * 60 * 1000;
    await api('GET', '/chats', { token });
    expect(await lastUsed(token)).toBe(started); // within the hour: no write
    now += 31 * 60 * 1000;
    await api('GET', '/chats', { token });
    expect(await lastUsed(token)).toBe(now);
    // Used every 9 days, a visitor's 10-day session never ends.
    for (let i = 0; i < 4; i++) {
      now += 9 * DAY;
      expect((await api('GET', '/chats', { token })).status).toBe(200);
    }
    now += 11 * DAY;
    expect((await api('GET', '/chats', { token })).body.error.code).toBe('session_expired');
  });

  it('reuses the session when a boot presents a live token, and starts one when it presents an expired token', async () => {
    const first = (await api('POST', '/boot', { body: {} })).body;
    for (let i = 0; i < 3; i++) {
      const again = (await api('POST', '/boot', { body: { token: first.token } })).body;
      expect(again.token).toBe(first.token);
    }
    now += 11 * DAY;
    const after = (await api('POST', '/boot', { body: { token: first.token } })).body;
    expect(after.token).not.toBe(first.token);
    expect(after.user.id).not.toBe(first.user.id);
  });

  it('end with DELETE /session: the token opens nothing after, and its sockets close with 4401', async () => {
    const { token, cursor } = (await api('POST', '/boot', { body: { memberId: 'customer-2002' } })).body;
    const socket = await Socket.open(server);
    await socket.hello({ token, since: cursor });
    const ended = await api('DELETE', '/session', { token });
    expect(ended.status).toBe(204);
    expect((await socket.closed).code).toBe(4401);
    const after = await api('GET', '/chats', { token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('invalid_token');
    expect((await api('DELETE', '/session', { token })).status).toBe(401);
    expect((await api('DELETE', '/session', {})).status).toBe(401);
  });
});

describe('the purge', () => {
  it('deletes expired sessions of each kind in batches of at most 500, and keeps live ones', async () => {
    const dataDir = await tempDir();
    const clock = Date.UTC(2026, 11, 1);
    // The store of the suite's kind, and the class of its units of work, whose purges are counted.
    const store = ON_POSTGRES ? await PgStore.open({ url: (await postgresOf(dataDir)).url, clock: () => clock }) : SqliteStore.open(dataDir, () => clock);
    const Tx = ON_POSTGRES ? PgTx : SqliteTx;
    try {
      await store.transaction(async (tx) => {
        await tx.insertChannel({ id: 'ch', name: 'c', color: '#000', pluginKey: 'key-12345', memberSecret: null, allowedOrigins: [], language: 'en', createdAt: 0 });
        for (const [id, memberId] of [['visitor', null], ['member', 'm1']] as const) {
          await tx.insertUser({
            id, channelId: 'ch', memberId, memberVerified: false, name: null, language: 'en', profile: {}, tags: [],
            unsubscribeEmail: false, unsubscribeTexting: false, createdAt: 0, updatedAt: 0,
          });
        }
        for (let i = 0; i < 1200; i++) await tx.insertSession(`old-${i}`, 'visitor', clock - 11 * DAY);
        for (let i = 0; i < 5; i++) await tx.insertSession(`member-old-${i}`, 'member', clock - 3 * DAY);
        await tx.insertSession('visitor-live', 'visitor', clock - 3 * DAY);
        await tx.insertSession('member-live', 'member', clock - DAY);
      });
      const purge = vi.spyOn(Tx.prototype, 'purgeSessions');
      const deleted = await purgeExpiredSessions(store, { visitorMs: 10 * DAY, memberMs: 2 * DAY });
      const batches = await Promise.all(purge.mock.results.map((result) => result.value as Promise<number>));
      purge.mockRestore();
      expect(deleted).toBe(1205);
      expect(batches).toEqual([500, 500, 205]);
      const left = await store.transaction(async (tx) => [await tx.findSession('visitor-live'), await tx.findSession('member-live'), await tx.findSession('old-1')]);
      expect(left.map((s) => s && s.userId)).toEqual(['visitor', 'member', null]);
    } finally {
      await store.close();
      await removeDir(dataDir);
    }
  });
});

describe('the server', () => {
  it('purges expired sessions when it starts, and then every hour', async () => {
    const { token } = (await api('POST', '/boot', { body: {} })).body;
    await server.close();
    now += 11 * DAY;
    server = await startServer({ dataDir: server.dataDir, clock: () => now, visitorSessionMs: 10 * DAY, memberSessionMs: 2 * DAY });
    await vi.waitFor(async () => expect(await lastUsed(token)).toBeUndefined());
  });
});

describe('configuration', () => {
  it('reads VISITOR_SESSION_DAYS and MEMBER_SESSION_DAYS, and refuses a value that is not a positive number', async () => {
    const { loadConfig, ConfigError } = await import('../../src/config.ts');
    const { config } = loadConfig({ VISITOR_SESSION_DAYS: '1', MEMBER_SESSION_DAYS: '0.5' });
    expect(config.visitorSessionMs).toBe(DAY);
    expect(config.memberSessionMs).toBe(DAY / 2);
    expect(loadConfig({}).config.visitorSessionMs).toBeUndefined();
    for (const bad of ['0', '-1', 'week']) {
      expect(() => loadConfig({ MEMBER_SESSION_DAYS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ MEMBER_SESSION_DAYS: bad })).toThrow(/MEMBER_SESSION_DAYS: must be a positive number of days/);
    }
  });
});

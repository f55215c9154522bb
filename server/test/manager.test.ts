import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managerRoutes } from '../src/http/managerRoutes.ts';
import { SqliteStore } from '../src/store/sqlite/SqliteStore.ts';
import { bootVisitor, call, clientId, manager, MANAGER_TOKEN, removeDir, startServer, tempDir, widget, type TestServer } from './helpers.ts';
import { storedRows, writeRows } from './storedRows.ts';

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

/** A visitor with a chat holding one customer message. */
async function customerChat(text = 'Where is my order?', name?: string) {
  const visitor = await bootVisitor(server);
  if (name) await widget(server)('PATCH', '/user', { token: visitor.token, body: { profile: { name } } });
  const reply = await widget(server)('POST', '/chats', {
    token: visitor.token,
    body: { clientId: clientId(), message: { text, clientId: clientId('m') } },
  });
  return { ...visitor, chat: reply.body.chat, message: reply.body.message };
}

describe('authorisation', () => {
  /** Every route the manager plugin registers, as it registers them, with `:params` filled in. */
  async function registeredRoutes(): Promise<[string, string][]> {
    const app = Fastify();
    const routes: [string, string][] = [];
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push([method, route.url.replace(/\/:[^/]+/g, '/x')]);
    });
    const dataDir = await tempDir();
    const store = SqliteStore.open(dataDir);
    await app.register(managerRoutes(store, MANAGER_TOKEN, 'channel'), { prefix: '/api/manager' });
    await app.ready();
    await app.close();
    await store.close();
    await removeDir(dataDir);
    return routes;
  }

  /** Paths no route has, and methods a path does not take: they must not reveal that either. */
  const UNKNOWN: [string, string][] = [
    ['GET', '/api/manager'],
    ['GET', '/api/manager/'],
    ['GET', '/api/manager/no-such-route'],
    ['GET', '/api/manager/chats/x/nothing'],
    ['DELETE', '/api/manager/chats'],
    ['POST', '/api/manager/export'],
  ];

  it('refuses every manager route, known or not, without the token or with a wrong one, with 401 JSON', async () => {
    const routes = [...(await registeredRoutes()), ...UNKNOWN];
    expect(routes.map(([method, path]) => `${method} ${path}`)).toEqual(
      expect.arrayContaining([
        'GET /api/manager/chats',
        'POST /api/manager/chats/x/close',
        'PUT /api/manager/display-settings',
        'GET /api/manager/csat-stats',
        'GET /api/manager/export',
      ]),
    );
    // Signing in is the one route a token cannot be asked for; it refuses wrong passwords itself.
    expect(routes).toContainEqual(['POST', '/api/manager/session']);
    for (const [method, path] of routes.filter(([method, path]) => `${method} ${path}` !== 'POST /api/manager/session')) {
      const body = method === 'GET' || method === 'HEAD' ? undefined : {};
      for (const token of [undefined, 'wrong', MANAGER_TOKEN.slice(0, -1)]) {
        const what = `${method} ${path} with token ${token}`;
        const reply = await call(`${server.url}${path}`, method, { token, body });
        expect(reply.status, what).toBe(401);
        if (method === 'HEAD') continue;
        expect(reply.headers.get('content-type'), what).toMatch(/^application\/json/);
        expect(reply.body.error, what).toEqual({ code: 'unauthorized', message: expect.stringContaining('authorization') });
      }
    }
  });

  it('does not accept a customer session token', async () => {
    const { token } = await bootVisitor(server);
    expect((await api('GET', '/chats', { token })).status).toBe(401);
  });
});

describe('chats', () => {
  it('lists chats newest first in the exact Chat shape with who the customer is', async () => {
    const older = await customerChat('first', 'Jisoo');
    const newer = await customerChat('second');
    const reply = await api('GET', '/chats');
    expect(reply.status).toBe(200);
    const ids = reply.body.chats.map((chat: any) => chat.id);
    expect(ids.indexOf(newer.chat.id)).toBeLessThan(ids.indexOf(older.chat.id));
    const chat = reply.body.chats.find((c: any) => c.id === older.chat.id);
    expect(Object.keys(chat).sort()).toEqual(
      ['assigneeId', 'createdAt', 'id', 'lastMessage', 'profile', 'state', 'updatedAt', 'user', 'userId'].sort(),
    );
    expect(chat).toMatchObject({
      state: 'opened',
      userId: older.user.id,
      user: { id: older.user.id, name: 'Jisoo', memberId: null },
      lastMessage: { id: older.message.id, chatId: chat.id, author: 'customer', text: 'first' },
    });
    expect(chat.profile).toEqual({
      state: 'opened',
      priority: 'medium',
      tags: [],
      contactMediumType: 'native',
      firstOpenedAt: chat.createdAt,
      openedAt: chat.createdAt,
    });
  });

  it("reads one chat with its messages oldest first, without the customer's clientIds", async () => {
    const { chat, token } = await customerChat('one');
    await widget(server)('POST', `/chats/${chat.id}/messages`, { token, body: { text: 'two', clientId: clientId() } });
    const reply = await api('GET', `/chats/${chat.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body.chat.id).toBe(chat.id);
    expect(reply.body.messages.map((m: any) => m.text)).toEqual(['one', 'two']);
    for (const message of reply.body.messages) {
      expect(message).toEqual({
        id: expect.any(String),
        chatId: chat.id,
        author: 'customer',
        text: expect.any(String),
        createdAt: expect.any(Number),
        seq: expect.any(Number),
      });
    }
    expect(reply.body.next).toBeNull();
  });

  it("reads one chat with its customer's own profile, lists included", async () => {
    const { chat, token } = await customerChat('profiled');
    await widget(server)('PATCH', '/user', { token, body: { profile: { name: 'Mina', likes: ['linen', 'wool'], sizes: [95, 100] } } });
    const reply = await api('GET', `/chats/${chat.id}`);
    expect(reply.body.customerProfile).toEqual({ name: 'Mina', likes: ['linen', 'wool'], sizes: [95, 100] });
  });

  it('answers as a manager, with a display name', async () => {
    const { chat, token } = await customerChat();
    const reply = await api('POST', `/chats/${chat.id}/messages`, { body: { text: 'On its way!', authorName: 'Sora' } });
    expect(reply.status).toBe(201);
    expect(reply.body.message).toEqual({
      id: expect.any(String),
      chatId: chat.id,
      author: 'manager',
      authorName: 'Sora',
      text: 'On its way!',
      createdAt: expect.any(Number),
      seq: expect.any(Number),
    });
    const seen = await widget(server)('GET', `/chats/${chat.id}`, { token });
    expect(seen.body.messages.at(-1)).toEqual(reply.body.message);
    expect(seen.body.chat.unread).toBe(1);
  });

  it('closes and reopens a chat, keeping the profile timestamps right', async () => {
    const { chat } = await customerChat();
    const closed = await api('POST', `/chats/${chat.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.chat.state).toBe('closed');
    expect(closed.body.chat.profile).toMatchObject({ state: 'closed', closedAt: expect.any(Number) });
    expect((await api('GET', '/chats?state=closed')).body.chats.map((c: any) => c.id)).toContain(chat.id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const opened = await api('POST', `/chats/${chat.id}/open`);
    expect(opened.body.chat.state).toBe('opened');
    expect(opened.body.chat.profile.closedAt).toBeUndefined();
    expect(opened.body.chat.profile.openedAt).toBeGreaterThan(chat.profile.openedAt);
    expect(opened.body.chat.profile.firstOpenedAt).toBe(chat.profile.firstOpenedAt);
  });

  it('edits priority, tags and description, and null clears them', async () => {
    const { chat } = await customerChat();
    const edited = await api('PATCH', `/chats/${chat.id}`, {
      body: { priority: 'high', tags: ['refund', 'vip'], description: 'Wants a refund' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.chat.profile).toMatchObject({ priority: 'high', tags: ['refund', 'vip'], description: 'Wants a refund' });
    const cleared = await api('PATCH', `/chats/${chat.id}`, { body: { priority: null, description: null, tags: [] } });
    expect(cleared.body.chat.profile.priority).toBe('medium');
    expect(cleared.body.chat.profile.tags).toEqual([]);
    expect(cleared.body.chat.profile).not.toHaveProperty('description');
  });

  it('filters by state, tag and csat', async () => {
    const tagged = await customerChat();
    const closed = await customerChat();
    const plain = await customerChat();
    await api('PATCH', `/chats/${tagged.chat.id}`, { body: { tags: ['complaint'] } });
    await api('POST', `/chats/${closed.chat.id}/close`);
    // The score written where a survey answer stores it, without a survey: the filter is tested here.
    const [{ profile }] = await storedRows(server, 'SELECT profile FROM chats WHERE id = ?', plain.chat.id);
    await writeRows(server, 'UPDATE chats SET profile = ? WHERE id = ?', JSON.stringify({ ...JSON.parse(profile), 'profile.csat': 5 }), plain.chat.id);
    const ids = async (query: string) => (await api('GET', `/chats?${query}`)).body.chats.map((c: any) => c.id);
    expect(await ids('tag=complaint')).toEqual([tagged.chat.id]);
    expect(await ids('state=closed')).toContain(closed.chat.id);
    expect(await ids('state=closed')).not.toContain(tagged.chat.id);
    expect(await ids('state=opened&tag=complaint')).toEqual([tagged.chat.id]);
    expect(await ids('csat=5')).toEqual([plain.chat.id]);
    expect(await ids('csat=3')).toEqual([]);
    expect((await ids('state=&tag=&csat=')).length).toBeGreaterThanOrEqual(3);
  });

  it('answers 404 for an unknown chat on every chat route', async () => {
    for (const [method, path, body] of [
      ['GET', '/chats/nope', undefined],
      ['POST', '/chats/nope/messages', { text: 'hi' }],
      ['POST', '/chats/nope/close', undefined],
      ['POST', '/chats/nope/open', undefined],
      ['PATCH', '/chats/nope', { priority: 'low' }],
    ] as const) {
      const reply = await api(method, path, { body });
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body.error.code).toBe('chat_not_found');
    }
  });
});

describe('refusals', () => {
  it('names the refused filter or field', async () => {
    const { chat } = await customerChat();
    const cases: [string, string, unknown, string][] = [
      ['GET', '/chats?state=archived', undefined, 'state: must be one of opened, closed, snoozed'],
      ['GET', '/chats?csat=9', undefined, 'csat: must be an integer from 1 to 5'],
      ['GET', '/chats?sort=asc', undefined, 'query.sort: is not a known field (expected state, tag, csat, product, sourcePage, field, value, from, to, q, assignee, limit, cursor)'],
      ['PATCH', `/chats/${chat.id}`, { priority: 'urgent' }, 'priority: must be one of high, medium, low or null'],
      ['PATCH', `/chats/${chat.id}`, { tags: 'vip' }, 'tags: must be an array of strings'],
      ['PATCH', `/chats/${chat.id}`, { state: 'closed' }, 'state: is computed by Sangdam and read-only'],
      ['PATCH', `/chats/${chat.id}`, { color: 'red' }, 'color: is not a known field (expected priority, tags, description, assigneeId or a custom profile. key)'],
      ['POST', `/chats/${chat.id}/messages`, { text: '   ' }, 'text: must not be only spaces'],
    ];
    for (const [method, path, body, message] of cases) {
      const reply = await api(method, path, { body });
      expect(reply.status, message).toBe(400);
      expect(reply.body.error).toEqual({ code: 'invalid_request', message });
    }
  });

  it('refuses a body over 256 KB with 413 JSON', async () => {
    const { chat } = await customerChat();
    const reply = await api('PATCH', `/chats/${chat.id}`, { body: { description: 'x'.repeat(300 * 1024) } });
    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe('body_too_large');
  });
});

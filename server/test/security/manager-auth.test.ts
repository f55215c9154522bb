/**
 * Every Manager API route, read from the server's own route table (so a route added later is
 * covered without touching this file), refuses a request without the manager token or with a
 * wrong one: 401 in the documented shape, and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, manager, removeDir, startServer, visitorWithChat, type TestServer } from '../helpers.ts';

let server: TestServer;
let chatId: string;

beforeAll(async () => {
  server = await startServer();
  ({ chatId } = await visitorWithChat(server));
  await manager(server)('POST', '/profile-fields', { body: { key: 'orderNo', type: 'String' } });
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

/** What a manager can see: every chat with its messages, the fields and the settings. */
async function snapshot() {
  const api = manager(server);
  const chats = (await api('GET', '/chats')).body;
  const detail = (await api('GET', `/chats/${chatId}`)).body;
  const fields = (await api('GET', '/profile-fields')).body;
  const csat = (await api('GET', '/csat-settings')).body;
  return JSON.stringify({ chats, detail, fields, csat });
}

/** A concrete URL for a pattern: ids of a real chat and field, so a missing check could act. */
const concrete = (url: string) =>
  url
    .replace(/^\/api\/manager/, '')
    .replace(':id', chatId)
    .replace(':key', 'orderNo')
    .replace(/:[A-Za-z]+/g, 'x');

describe('the Manager API without the right token', () => {
  it('has its routes in the route table', () => {
    const routes = server.routes.filter((r) => r.url.startsWith('/api/manager') && r.method !== 'HEAD' && r.method !== 'OPTIONS');
    expect(routes.length).toBeGreaterThan(10);
    expect(routes).toContainEqual({ method: 'GET', url: '/api/manager/chats' });
  });

  for (const [label, headers] of [
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer not-the-manager-token-0123456789' }],
    ['a malformed header', { authorization: 'Basic bWFuYWdlcg==' }],
  ] as const) {
    it(`refuses every route with ${label}: 401 { error }, nothing changed`, async () => {
      const before = await snapshot();
      const routes = server.routes.filter((r) => r.url.startsWith('/api/manager') && r.method !== 'HEAD' && r.method !== 'OPTIONS');
      // Signing in takes no token (it checks an email and password: team.test.ts).
      for (const { method, url } of routes.filter((r) => !(r.method === 'POST' && r.url === '/api/manager/session'))) {
        const body = method === 'GET' || method === 'DELETE' ? undefined : { text: 'x', clientId: 'c', priority: 'high', key: 'k', type: 'String', enabled: true };
        const reply = await call(`${server.url}/api/manager${concrete(url)}`, method, { headers, body });
        expect(reply.status, `${method} ${url}`).toBe(401);
        expect(reply.body, `${method} ${url}`).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
      }
      expect(await snapshot()).toBe(before);
    });
  }
});

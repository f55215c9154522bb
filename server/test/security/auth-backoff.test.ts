/**
 * Failed manager authentication backs off per client address, over HTTP and over the realtime
 * hello alike: a guesser waits longer after each failure, a right token resets the count, and
 * another address is never held back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MANAGER_TOKEN, removeDir, Socket, startServer, type Reply, type TestServer } from '../helpers.ts';
import { callFrom, sleep } from './limitHelpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  if (server) await removeDir(server.dataDir);
  server = undefined;
});

const start = async () =>
  (server = await startServer({ rateLimits: { managerAuth: { failures: 3, firstWaitSeconds: 1, maxWaitSeconds: 4 } } }));

const chats = (s: TestServer, from: string, token: string) => callFrom(from, `${s.url}/api/manager/chats`, 'GET', { token });
const WRONG = 'not-the-manager-token-000000000000';

function expectWaiting(reply: Reply, seconds: number): void {
  expect(reply.status).toBe(429);
  expect(reply.headers.get('retry-after')).toBe(String(seconds));
  expect(reply.body.error).toEqual({
    code: 'rate_limited',
    message: `authorization: too many failed attempts from this address; retry in ${seconds} s`,
  });
}

describe('manager API', () => {
  it('refuses every attempt from an address after 3 wrong tokens, the right one too, and recovers after the wait', async () => {
    const s = await start();
    for (let i = 0; i < 3; i++) expect((await chats(s, '127.0.0.1', WRONG)).status).toBe(401);
    expectWaiting(await chats(s, '127.0.0.1', MANAGER_TOKEN), 1);
    // The right token from another address is not affected.
    expect((await chats(s, '127.0.0.2', MANAGER_TOKEN)).status).toBe(200);
    await sleep(1100);
    expect((await chats(s, '127.0.0.1', MANAGER_TOKEN)).status).toBe(200);
    // The success reset the count: one more mistake is just a mistake.
    expect((await chats(s, '127.0.0.1', WRONG)).status).toBe(401);
    expect((await chats(s, '127.0.0.1', MANAGER_TOKEN)).status).toBe(200);
  });

  it('doubles the wait after each further failure', async () => {
    const s = await start();
    for (let i = 0; i < 3; i++) expect((await chats(s, '127.0.0.3', WRONG)).status).toBe(401);
    expectWaiting(await chats(s, '127.0.0.3', WRONG), 1);
    await sleep(1100);
    expect((await chats(s, '127.0.0.3', WRONG)).status).toBe(401);
    expectWaiting(await chats(s, '127.0.0.3', MANAGER_TOKEN), 2);
  });

  it('does not count a request that sends no token at all', async () => {
    const s = await start();
    for (let i = 0; i < 5; i++) expect((await callFrom('127.0.0.4', `${s.url}/api/manager/chats`, 'GET')).status).toBe(401);
    expect((await chats(s, '127.0.0.4', MANAGER_TOKEN)).status).toBe(200);
  });
});

describe('realtime manager hello', () => {
  const hello = async (s: TestServer, managerToken: string) => {
    const socket = await Socket.open(s);
    socket.send({ type: 'hello', managerToken, since: 0 });
    return { frame: await socket.next(), closed: await socket.closed };
  };

  it('backs off wrong manager tokens in hellos, counted with the HTTP ones', async () => {
    const s = await start();
    expect((await chats(s, '127.0.0.1', WRONG)).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await hello(s, WRONG)).closed.code).toBe(4401);
    const refused = await hello(s, MANAGER_TOKEN);
    expect(refused.frame).toEqual({
      type: 'error',
      code: 'rate_limited',
      message: 'managerToken: too many failed attempts from this address; retry in 1 s',
    });
    expect(refused.closed).toEqual({ code: 4429, reason: 'rate_limited' });
    await sleep(1100);
    const socket = await Socket.open(s);
    expect((await socket.hello({ managerToken: MANAGER_TOKEN, since: 0 })).cursor).toBeGreaterThanOrEqual(0);
    socket.close();
  });
});

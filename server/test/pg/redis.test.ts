/**
 * Redis between instances: the bus (events carried after commit, typing, ended sessions), and
 * the limit counters every instance shares, against a real Redis and a real PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BusHandlers } from '../../src/cluster/Bus.ts';
import type { ServerConfig } from '../../src/config.ts';
import { connectRedis, openRedisBus } from '../../src/cluster/redis.ts';
import type { EventRecord } from '../../src/domain/types.ts';
import { MemoryCounters } from '../../src/limits/counterStore.ts';
import { RedisCounters } from '../../src/limits/redisCounters.ts';
import { call, clientId, MANAGER_TOKEN, removeDir, Socket, startServer, tempDir, visitorWithChat, widget, type TestServer } from '../helpers.ts';
import { freshDatabase, PG_URL } from './pgDatabase.ts';
import { cutSubscribers, REDIS_URL } from './redisServer.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds (polling), failing after `ms`. */
async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

function recorder() {
  const heard = { committed: [] as (readonly EventRecord[] | undefined)[], seqs: [] as (number | undefined)[], connected: 0, typing: [] as unknown[], ended: [] as unknown[] };
  const handlers: BusHandlers = {
    committed: (events, seq) => {
      heard.committed.push(events);
      heard.seqs.push(seq);
    },
    connected: () => void heard.connected++,
    typing: (typing) => void heard.typing.push(typing),
    sessionEnded: (kind, tokenHash) => void heard.ended.push({ kind, tokenHash }),
  };
  return { heard, handlers };
}

const event = (seq: number, text = 'hello'): EventRecord => ({
  seq,
  channelId: 'ch',
  userId: 'u',
  chatId: 'c',
  type: 'message',
  payload: { text } as never,
  createdAt: 1,
});

describe.skipIf(!REDIS_URL)('the Redis bus', () => {
  const prefix = `sangdam:test-${randomUUID()}:`;
  const options = (self: string) => ({ url: REDIS_URL, prefix, self, onError: (error: unknown) => { throw error; } });

  it('carries a commit to the other instances after it, and not back to its sender', async () => {
    const a = recorder();
    const b = recorder();
    const busA = await openRedisBus(options('a'), a.handlers);
    const busB = await openRedisBus(options('b'), b.handlers);
    try {
      expect(a.heard.connected).toBeGreaterThan(0);
      busA.announce([event(1), event(2)]);
      await until(() => b.heard.committed.length === 1);
      expect(b.heard.committed[0]).toEqual([event(1), event(2)]);
      // A batch too large to carry rings the bell only: the others read it from the log.
      busA.announce([event(3, 'x'.repeat(300 * 1024))]);
      await until(() => b.heard.committed.length === 2);
      expect(b.heard.committed[1]).toBeUndefined();
      busA.typing({ chatId: 'c', userId: 'u', author: 'manager', name: 'Olivia' });
      busB.sessionEnded('customer', 'hash-of-a-token');
      await until(() => b.heard.typing.length === 1 && a.heard.ended.length === 1);
      expect(b.heard.typing).toEqual([{ chatId: 'c', userId: 'u', author: 'manager', name: 'Olivia' }]);
      expect(a.heard.ended).toEqual([{ kind: 'customer', tokenHash: 'hash-of-a-token' }]);
      await sleep(100);
      expect(a.heard.committed).toEqual([]); // its own announcements are not heard back
      expect(a.heard.typing).toEqual([]);
      expect(b.heard.ended).toEqual([]);
    } finally {
      await busA.close();
      await busB.close();
    }
  });

  it('tells the feed to read the log when its subscription is cut and comes back', async () => {
    const b = recorder();
    const busA = await openRedisBus(options('a'), recorder().handlers);
    const busB = await openRedisBus(options('b'), b.handlers);
    try {
      const before = b.heard.connected;
      await cutSubscribers();
      await until(() => b.heard.connected > before, 5000);
      // Told only once subscribed again: what is announced from then on arrives, the first time.
      busA.announce([event(7)]);
      await until(() => b.heard.committed.length > 0, 1000);
      expect(b.heard.committed).toEqual([[event(7)]]);
    } finally {
      await busA.close();
      await busB.close();
    }
  });

  it('ignores what it cannot read, and never lets it reach the feed as events', async () => {
    const b = recorder();
    const errors: unknown[] = [];
    const busB = await openRedisBus({ ...options('b'), onError: (error) => void errors.push(error) }, b.handlers);
    const raw = await connectRedis(REDIS_URL, 'test-raw');
    try {
      const said = [
        'not json',
        'null',
        JSON.stringify({ from: 'a', events: [null] }),
        JSON.stringify({ from: 'a', events: [{ ...event(4), seq: '4' }] }),
        JSON.stringify({ from: 'a', events: [{ ...event(5), chatId: 5 }], seq: 5 }),
        JSON.stringify({ from: 'a', seq: -1 }),
      ];
      for (const text of said) await raw.publish(`${prefix}events`, text);
      await raw.publish(`${prefix}signals`, JSON.stringify({ from: 'a', typing: null, ended: 7 }));
      const busA = await openRedisBus(options('a'), recorder().handlers);
      busA.announce([event(6)]);
      await until(() => b.heard.committed.length === said.length + 1);
      await busA.close();
      // Each unreadable one only makes the feed read the log (up to a seq it could trust).
      expect(b.heard.committed.slice(0, -1)).toEqual(said.map(() => undefined));
      expect(b.heard.seqs.slice(0, -1)).toEqual([undefined, undefined, undefined, undefined, 5, undefined]);
      expect(b.heard.committed.at(-1)).toEqual([event(6)]);
      expect(b.heard.typing).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      raw.disconnect();
      await busB.close();
    }
  });

  it('keeps deployments apart: another prefix hears nothing', async () => {
    const other = recorder();
    const busA = await openRedisBus(options('a'), recorder().handlers);
    const elsewhere = await openRedisBus({ ...options('z'), prefix: `sangdam:test-${randomUUID()}:` }, other.handlers);
    try {
      busA.announce([event(1)]);
      busA.typing({ chatId: 'c', userId: 'u', author: 'customer' });
      await sleep(200);
      expect(other.heard.committed).toEqual([]);
      expect(other.heard.typing).toEqual([]);
    } finally {
      await busA.close();
      await elsewhere.close();
    }
  });
});

describe.skipIf(!REDIS_URL)('the Redis limit counters', () => {
  it('count in fixed windows shared by every client, and fall back to memory while Redis is away', async () => {
    const prefix = `sangdam:test-${randomUUID()}:limit:`;
    const outages: unknown[] = [];
    const redisA = await connectRedis(REDIS_URL, 'test-a');
    const redisB = await connectRedis(REDIS_URL, 'test-b');
    const a = new RedisCounters(redisA, prefix, new MemoryCounters(10), (error) => outages.push(error));
    const b = new RedisCounters(redisB, prefix, new MemoryCounters(10), (error) => outages.push(error));
    try {
      expect(await a.read('k')).toBeNull();
      expect((await a.add('k', 2, 60_000)).total).toBe(2);
      const count = await b.add('k', 3, 60_000);
      expect(count.total).toBe(5);
      expect(count.resetInMs).toBeGreaterThan(59_000);
      expect(count.resetInMs).toBeLessThanOrEqual(60_000);
      expect((await a.read('k'))!.total).toBe(5);
      // The window starts at the first add; later adds do not stretch it.
      expect((await a.add('short', 1, 150)).total).toBe(1);
      await sleep(100);
      expect((await a.add('short', 1, 150)).resetInMs).toBeLessThanOrEqual(60);
      await sleep(80);
      expect((await a.add('short', 1, 150)).total).toBe(1);
      await b.reset('k');
      expect(await a.read('k')).toBeNull();
      // A key left without an expiry (written by hand, or by a crash between commands) is
      // repaired by the next count rather than refusing forever.
      await redisA.set(`${prefix}stuck`, '40');
      expect(await a.read('stuck')).toBeNull();
      const repaired = await a.add('stuck', 1, 60_000);
      expect(repaired).toEqual({ total: 41, resetInMs: 60_000 });
      expect(await redisA.pttl(`${prefix}stuck`)).toBeGreaterThan(59_000);
      expect(outages).toEqual([]);

      redisB.disconnect();
      expect((await b.add('k', 1, 60_000)).total).toBe(1); // counted in memory
      expect((await b.add('k', 1, 60_000)).total).toBe(2);
      expect(outages).toHaveLength(1); // told once per outage
      expect((await a.read('k'))).toBeNull(); // Redis never saw them
    } finally {
      redisA.disconnect();
      redisB.disconnect();
    }
  });
});

describe.skipIf(!REDIS_URL || !PG_URL)('two instances on one PostgreSQL and one Redis', () => {
  const servers: TestServer[] = [];
  const databases: Awaited<ReturnType<typeof freshDatabase>>[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      await server.close();
      await removeDir(server.dataDir);
    }
    for (const database of databases.splice(0)) await database.drop();
  });

  /** Two instances of one deployment: one database, one Redis. */
  async function pair(rateLimits?: ServerConfig['rateLimits']) {
    const database = await freshDatabase();
    databases.push(database);
    const start = async () => {
      const server = await startServer({
        dataDir: await tempDir(),
        postgres: { url: database.url },
        redis: { url: REDIS_URL },
        bus: 'redis',
        ...(rateLimits ? { rateLimits } : {}),
      });
      servers.push(server);
      return server;
    };
    const first = await start();
    return [first, await start()] as const;
  }

  const ready = async (server: TestServer, hello: Record<string, unknown>) => {
    const socket = await Socket.open(server);
    await socket.hello(hello);
    return socket;
  };

  it('delivers replies sent to one instance to the customer socket on the other at once', async () => {
    const [a, b] = await pair();
    const visitor = await visitorWithChat(a);
    const socket = await ready(b, { token: visitor.token, since: visitor.cursor });
    // Each within 400 ms: carried by the bus. The once-a-second read of the log would bring all
    // five that fast about once in a hundred runs.
    for (let n = 1; n <= 5; n++) {
      const sent = Date.now();
      const reply = await call(`${a.url}/api/manager/chats/${visitor.chatId}/messages`, 'POST', { token: MANAGER_TOKEN, body: { text: `hi ${n} from a`, clientId: clientId() } });
      expect(reply.status).toBe(201);
      let frame = await socket.next();
      while (frame.type !== 'event' || !frame.event.message) frame = await socket.next();
      expect(frame.event.message.text).toBe(`hi ${n} from a`);
      expect(Date.now() - sent).toBeLessThan(400);
    }
    socket.close();
  });

  it('passes typing between instances, and closes a signed-out session’s sockets on every instance', async () => {
    const [a, b] = await pair();
    const visitor = await visitorWithChat(a);
    const manager = await ready(a, { managerToken: MANAGER_TOKEN });
    const customer = await ready(b, { token: visitor.token, since: visitor.cursor });
    customer.send({ type: 'typing', chatId: visitor.chatId });
    let frame = await manager.next();
    while (frame.type !== 'typing') frame = await manager.next();
    expect(frame).toEqual({ type: 'typing', chatId: visitor.chatId, author: 'customer' });

    const out = await widget(a)('DELETE', '/session', { token: visitor.token });
    expect(out.status).toBe(204);
    const closed = await Promise.race([customer.closed, sleep(3000).then(() => null)]);
    expect(closed?.code).toBe(4401);
    manager.close();
  });

  it('shares each limit between the instances: the allowance is one, whichever instance counts', async () => {
    const [a, b] = await pair({ message: { visitor: 4, ip: 100, windowSeconds: 60 } });
    const visitor = await visitorWithChat(a); // its first message is the chat's
    const send = (server: TestServer, text: string) =>
      widget(server)('POST', `/chats/${visitor.chatId}/messages`, { token: visitor.token, body: { text, clientId: clientId('m') } });
    expect((await send(b, 'one')).status).toBe(201);
    expect((await send(a, 'two')).status).toBe(201);
    expect((await send(b, 'three')).status).toBe(201);
    expect((await send(a, 'four')).status).toBe(201);
    const refused = await send(b, 'five');
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/^messages: at most 4 per minute from one visitor/);
    // Another deployment on the same Redis keeps its own allowance: the address above has used
    // four messages of this one's, which grants one, so the counts must not be shared.
    const [other] = await pair({ message: { visitor: 4, ip: 1, windowSeconds: 60 } });
    const stranger = await visitorWithChat(other);
    const mine = (text: string) => widget(other)('POST', `/chats/${stranger.chatId}/messages`, { token: stranger.token, body: { text, clientId: clientId('m') } });
    expect((await mine('mine')).status).toBe(201);
    const second = await mine('mine again');
    expect(second.status).toBe(429);
    expect(second.body.error.message).toMatch(/^messages: at most 1 per minute from one address/);
  });
});

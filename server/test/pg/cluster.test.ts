/**
 * Three instances of the compiled server on one PostgreSQL, started at the same moment, told of
 * each other's commits by Redis pub/sub (and, once more, by LISTEN/NOTIFY alone). Customers boot
 * on one instance, keep their socket on a second and send on a third; managers listen on every
 * instance; one instance holds its commits open so they finish out of start order; one is killed
 * with SIGKILL mid-stream and started again; the bus's subscriptions are cut once. Afterwards
 * every chat's stored metrics are compared with a recount from its messages.
 */
import postgres from 'postgres';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled, startProcess, type ServerProcess } from '../compiledServer.ts';
import { call, clientId, MANAGER_TOKEN, removeDir, tempDir } from '../helpers.ts';
import { measuredChat } from '../../src/domain/measureChat.ts';
import { METRIC_KEYS } from '../../src/domain/responseTimes.ts';
import { PgStore } from '../../src/store/pg/PgStore.ts';
import { freshDatabase, PG_URL } from './pgDatabase.ts';
import { cutSubscribers, REDIS_URL } from './redisServer.ts';

const CUSTOMERS = 9;
const MESSAGES = 12;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A socket that says hello, records every event seq, and can be reopened on another instance from its last seq. */
class Listener {
  seqs: number[] = [];
  private ws: WebSocket | null = null;
  constructor(private readonly hello: Record<string, unknown>) {}
  open(url: string): Promise<void> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/realtime`);
    this.ws = ws;
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.type === 'event') this.seqs.push(frame.event.seq);
    });
    ws.on('error', () => undefined);
    return new Promise((resolve, reject) => {
      ws.once('open', () => {
        ws.send(JSON.stringify({ type: 'hello', ...this.hello, since: this.seqs.at(-1) ?? this.hello.since ?? 0 }));
        const onReady = (data: WebSocket.RawData) => {
          if (JSON.parse(String(data)).type === 'ready') {
            ws.off('message', onReady);
            resolve();
          }
        };
        ws.on('message', onReady);
      });
      ws.once('error', reject);
    });
  }
  get isOpen() {
    return this.ws?.readyState === WebSocket.OPEN;
  }
  close() {
    this.ws?.terminate();
  }
}

const BUSES = [
  { bus: 'redis', skip: !PG_URL || !REDIS_URL },
  { bus: 'postgres', skip: !PG_URL },
] as const;

describe.each(BUSES)('three instances on one PostgreSQL, BUS=$bus', ({ bus, skip }) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let sql: postgres.Sql;
  const dirs: string[] = [];
  const instances: ServerProcess[] = [];
  const envOf = (i: number) => ({
    DATABASE_URL: database.url,
    BUS: bus,
    REDIS_URL: bus === 'redis' ? REDIS_URL : '',
    DATA_DIR: dirs[i],
    MANAGER_TOKEN,
    RATE_LIMITS: 'off',
    LOG_LEVEL: 'error',
    DRAIN_MS: '1000',
    // The second instance holds each commit open for up to 40 ms.
    SANGDAM_FAULT_HOLD_COMMIT_MS: i === 1 ? '40' : '',
  });

  beforeAll(async () => {
    ensureCompiled();
    database = await freshDatabase();
    sql = postgres(database.url, { max: 2, onnotice: () => undefined, types: { int8: { to: 20, from: [20], serialize: String, parse: Number } } as never });
    for (let i = 0; i < 3; i++) dirs.push(await tempDir());
  }, 60_000);
  afterAll(async () => {
    for (const instance of instances) instance.child.kill('SIGKILL');
    await sql?.end();
    await database?.drop();
    for (const dir of dirs) await removeDir(dir);
  });

  it.skipIf(skip)('stores and delivers every message exactly once, in order, across instances, a crash and a cut bus', async () => {
    instances.push(...(await Promise.all([0, 1, 2].map((i) => startProcess(envOf(i))))));
    const keys = instances.map((instance) => instance.output().match(/plugin key\s+(\S+)/)![1]);
    expect(new Set(keys).size).toBe(1);
    const [pluginKey] = keys;
    expect(await sql`SELECT id FROM channels`).toHaveLength(1);
    expect((await sql`SELECT id FROM migrations`).length).toBeGreaterThan(0);

    const url = (i: number) => instances[i % 3].url;
    const managers = [0, 1, 2].map(() => new Listener({ managerToken: MANAGER_TOKEN }));
    await Promise.all(managers.map((m, i) => m.open(url(i))));

    // A request to an instance that is down goes to the next one, with the same clientId.
    const request = async (i: number, path: string, method: string, body: unknown, token?: string) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await call(`${url(i + attempt)}${path}`, method, { body, token });
        } catch (error) {
          if (attempt >= 5) throw error;
          await sleep(100);
        }
      }
    };
    const customers = await Promise.all(
      Array.from({ length: CUSTOMERS }, async (_, k) => {
        const boot = await request(k, `/api/widget/${pluginKey}/boot`, 'POST', {});
        expect(boot.status).toBe(200);
        const created = await request(k + 2, `/api/widget/${pluginKey}/chats`, 'POST', { clientId: clientId(), message: { text: 'first', clientId: clientId('m') } }, boot.body.token);
        expect(created.status).toBe(201);
        const socket = new Listener({ token: boot.body.token, since: boot.body.cursor });
        await socket.open(url(k + 1));
        return { k, token: boot.body.token as string, userId: boot.body.user.id as string, chatId: created.body.chat.id as string, socket, sent: ['first'] };
      }),
    );

    let killed = false;
    let resumed = 0;
    const send = async (customer: (typeof customers)[number], n: number) => {
      const text = `message ${n} of customer ${customer.k}`;
      const id = clientId('m');
      const reply = await request(customer.k + 2, `/api/widget/${pluginKey}/chats/${customer.chatId}/messages`, 'POST', { text, clientId: id }, customer.token);
      expect([200, 201]).toContain(reply.status);
      customer.sent.push(text);
      if (n % 4 === 0) {
        const answer = await request(n, `/api/manager/chats/${customer.chatId}/messages`, 'POST', { text: `answer ${n}`, clientId: clientId('a') }, MANAGER_TOKEN);
        expect([200, 201]).toContain(answer.status);
      }
    };
    await Promise.all(
      customers.map(async (customer) => {
        for (let n = 1; n <= MESSAGES; n++) {
          await send(customer, n);
          if (n === 4 && customer.k === 0 && !killed) {
            killed = true;
            // Crash the third instance mid-stream, cut the bus's subscriptions, then restart it.
            instances[2].child.kill('SIGKILL');
            await instances[2].exited;
            if (bus === 'redis') await cutSubscribers();
            else await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()`;
            instances[2] = await startProcess(envOf(2));
            for (const listener of [...customers.map((c) => c.socket), ...managers]) {
              if (!listener.isOpen) {
                await listener.open(url(0));
                resumed++;
              }
            }
          }
        }
      }),
    );

    // Everything stored, once: each chat holds exactly what its customer sent, and the answers.
    for (const customer of customers) {
      const read = await call(`${url(0)}/api/manager/chats/${customer.chatId}?limit=100`, 'GET', { token: MANAGER_TOKEN });
      const texts = read.body.messages.filter((m: { author: string }) => m.author === 'customer').map((m: { text: string }) => m.text);
      expect(texts).toEqual(customer.sent);
    }
    const seqs = (await sql<{ seq: number }[]>`SELECT seq FROM events ORDER BY seq`).map((row) => row.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const last = seqs.at(-1)!;

    // Each socket: strictly increasing, and complete once it has caught up.
    const deadline = Date.now() + 10_000;
    const done = () => managers.every((m) => m.seqs.at(-1) === last);
    while (!done() && Date.now() < deadline) await sleep(50);
    for (const m of managers) {
      expect(m.seqs).toEqual([...m.seqs].sort((a, b) => a - b));
      expect(new Set(m.seqs).size).toBe(m.seqs.length);
      expect(m.seqs.at(-1)).toBe(last);
    }
    // Managers that stayed connected got every seq.
    expect(managers[0].seqs).toEqual(seqs.filter((seq) => seq >= managers[0].seqs[0]));
    for (const customer of customers) {
      const own = (await sql<{ seq: number }[]>`SELECT seq FROM events WHERE user_id = ${customer.userId} ORDER BY seq`).map((row) => row.seq);
      const from = customer.socket.seqs[0];
      expect(customer.socket.seqs, `customer ${customer.k}`).toEqual(own.filter((seq) => seq >= from));
    }

    // The metrics each chat keeps, as any instance shows them, equal a recount from its messages.
    const store = await PgStore.open({ url: database.url, poolSize: 2 });
    try {
      for (const customer of customers) {
        const shown = (await call(`${url(1)}/api/manager/chats/${customer.chatId}`, 'GET', { token: MANAGER_TOKEN })).body.chat.profile;
        const recounted = await store.transaction(async (tx) => {
          const detail = await tx.getChatDetail(customer.chatId);
          return (await measuredChat(tx, { ...detail!.chat, tally: undefined })).profile;
        });
        const metrics = (profile: Record<string, unknown>) => Object.fromEntries(METRIC_KEYS.map((key) => [key, profile[key]]));
        expect(metrics(shown), `customer ${customer.k}`).toEqual(metrics(recounted));
        expect(shown.waitingTime).toBeGreaterThanOrEqual(0);
      }
    } finally {
      await store.close();
    }
    const answers = customers.length * Math.floor(MESSAGES / 4);
    console.info(
      `cluster, BUS=${bus}: ${customers.length * (MESSAGES + 1)} customer messages, ${answers} answers, ${last} events, ` +
        `1 SIGKILL and restart, ${resumed} sockets resumed on another instance, subscriptions cut once`,
    );
    expect(resumed).toBeGreaterThan(0);
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord, NewEvent } from '../../src/domain/types.ts';
import { EventFeed } from '../../src/realtime/EventFeed.ts';
import { connect, migrate, underStartLock, type Sql } from '../../src/store/pg/connect.ts';
import { PgStore } from '../../src/store/pg/PgStore.ts';
import { PgUnits } from '../../src/store/pg/PgUnits.ts';
import { freshDatabase, PG_URL } from './pgDatabase.ts';

const event = (chatId: string): NewEvent =>
  ({ channelId: 'ch', userId: 'u', chatId, type: 'chat', payload: {} as EventRecord['payload'], createdAt: 0 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!PG_URL)('PostgreSQL units of work', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let sql: Sql;

  beforeAll(async () => {
    database = await freshDatabase();
    sql = connect({ url: database.url, poolSize: 10 });
    await migrate(sql);
  });
  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });

  it('migrates once and makes one demo channel when three instances start at the same moment', async () => {
    const empty = await freshDatabase();
    const pools = [0, 1, 2].map(() => connect({ url: empty.url, poolSize: 2 }));
    const starts = await Promise.all(
      pools.map((pool, i) =>
        underStartLock(pool, async () => {
          const applied = await migrate(pool);
          const [{ count }] = await pool<{ count: number }[]>`SELECT COUNT(*) AS count FROM channels`;
          if (count === 0) {
            await pool`INSERT INTO channels (id, name, color, plugin_key, created_at) VALUES (${`demo-${i}`}, 'Demo', '#333', ${`key-${i}`}, 0)`;
          }
          return applied;
        }),
      ),
    );
    const check = connect({ url: empty.url, poolSize: 1 });
    try {
      expect(starts.flat()).toEqual([1]);
      expect(await check`SELECT id FROM migrations`).toHaveLength(1);
      expect(await check`SELECT id FROM channels`).toHaveLength(1);
    } finally {
      await Promise.all([...pools, check].map((pool) => pool.end()));
      await empty.drop();
    }
  });

  it('stamps seqs in commit order with no gap a reader can see, while units finish out of start order, some having taken a seq early', async () => {
    const committed: number[][] = [];
    const units = new PgUnits(sql, { onCommit: (events) => committed.push(events.map((e) => e.seq)) });
    let running = true;
    const seen: { max: number; count: number }[] = [];
    const reader = (async () => {
      while (running) {
        const [row] = await sql<{ max: number | null; count: number }[]>`
          SELECT MAX(seq) AS max, COUNT(*) AS count FROM events`;
        seen.push({ max: row.max ?? 0, count: row.count });
        await sleep(2);
      }
    })();
    // The first unit holds its transaction open for 300 ms before it records anything.
    const work = Array.from({ length: 40 }, (_, i) =>
      units.run(async (unit) => {
        // Every fourth unit stores its first event before its work, as a boot that reads the log does.
        const early = i % 4 === 1;
        if (early) {
          unit.appendEvent(event(`c${i}`));
          await unit.settle();
        }
        await unit.sql`SELECT pg_sleep(${i === 0 ? 0.3 : Math.random() * 0.03})`;
        for (let n = early ? 1 : 0; n <= i % 3; n++) unit.appendEvent(event(`c${i}`));
        return i;
      }),
    );
    await Promise.all(work);
    running = false;
    await reader;

    const total = Array.from({ length: 40 }, (_, i) => (i % 3) + 1).reduce((a, b) => a + b, 0);
    const seqs = (await sql<{ seq: number }[]>`SELECT seq FROM events ORDER BY seq`).map((row) => row.seq);
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(typeof seqs[9]).toBe('number');
    // Whatever a reader saw, every seq up to the highest was already there.
    for (const view of seen) expect(view.count).toBe(view.max);
    // The slow unit started first and took its seq when it ended, after most of the others.
    const [slow] = await sql<{ seq: number }[]>`SELECT seq FROM events WHERE chat_id = 'c0'`;
    expect(slow.seq).toBeGreaterThan(total / 2);
    expect(committed.flat().sort((a, b) => a - b)).toEqual(seqs);
  });

  it('hands every commit on in seq order through the event feed, though commits resolve out of order', async () => {
    const [{ last: start }] = await sql<{ last: number }[]>`SELECT last FROM event_counter`;
    const emitted: number[] = [];
    const feed = new EventFeed(
      {
        read: async (after, upTo, limit) =>
          (await sql<{ seq: number }[]>`SELECT seq FROM events WHERE seq > ${after} AND seq <= ${upTo} ORDER BY seq LIMIT ${limit}`).map(
            (row) => ({ ...event('x'), seq: row.seq }) as EventRecord,
          ),
        latest: async () => (await sql<{ last: number }[]>`SELECT last FROM event_counter`)[0].last,
      },
      (events) => emitted.push(...events.map((e) => e.seq)),
      { after: start },
    );
    const units = new PgUnits(sql, { onCommit: (events) => feed.offer(events) });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        units.run(async (unit) => {
          await unit.sql`SELECT pg_sleep(${Math.random() * 0.02})`;
          unit.appendEvent(event(`f${i}`));
        }),
      ),
    );
    await feed.catchUp();
    expect(emitted).toEqual(Array.from({ length: 30 }, (_, i) => start + i + 1));
  });

  it('announces nothing and gives its seqs back when a unit fails after recording an event', async () => {
    const [{ last: before }] = await sql<{ last: number }[]>`SELECT last FROM event_counter`;
    const announced: unknown[] = [];
    const units = new PgUnits(sql, { onCommit: (events) => announced.push(events) });
    await expect(
      units.run(async (unit) => {
        unit.appendEvent(event('gone'));
        await unit.sql`INSERT INTO settings (key, value) VALUES ('rolled-back', 'x')`;
        throw new Error('the unit fails');
      }),
    ).rejects.toThrow('the unit fails');
    const [{ last: after }] = await sql<{ last: number }[]>`SELECT last FROM event_counter`;
    expect(after).toBe(before);
    expect(announced).toEqual([]);
    expect(await sql`SELECT key FROM settings WHERE key = 'rolled-back'`).toHaveLength(0);
  });

  it('reruns a unit that lost a race on an idempotency key, so both callers succeed with one row', async () => {
    const retried: string[] = [];
    const units = new PgUnits(sql, { onRetry: (code) => retried.push(code) });
    // Check, then insert: the way a unit keyed by a client id is written.
    const once = (key: string) =>
      units.run(async (unit) => {
        const [found] = await unit.sql<{ value: string }[]>`SELECT value FROM settings WHERE key = ${key}`;
        if (found) return found.value;
        await unit.sql`SELECT pg_sleep(0.05)`;
        await unit.sql`INSERT INTO settings (key, value) VALUES (${key}, 'stored')`;
        unit.appendEvent(event(key));
        return 'stored';
      });
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all([once(`k${round}`), once(`k${round}`), once(`k${round}`)]);
      expect(answers).toEqual(['stored', 'stored', 'stored']);
    }
    expect(retried.length).toBeGreaterThan(0);
    expect(retried.every((code) => code === '23505')).toBe(true);
    expect(await sql`SELECT key FROM settings WHERE key LIKE 'k%'`).toHaveLength(5);
  });

  it("takes the unit's time from the database clock", async () => {
    const units = new PgUnits(sql);
    const now = await units.run(async (unit) => unit.now);
    expect(typeof now).toBe('number');
    expect(Math.abs(now - Date.now())).toBeLessThan(5_000);
  });

  it('names one deployment per database: instances agree, a copy of the database is another', async () => {
    const original = await freshDatabase();
    const copied = `${original.name}c`;
    const stores: PgStore[] = [];
    try {
      stores.push(await PgStore.open({ url: original.url }), await PgStore.open({ url: original.url }));
      await stores[0].close();
      await stores[1].close();
      // A staging site restored from production's data carries its link key; it must not hear
      // production's bus or share its allowances.
      await sql.unsafe(`CREATE DATABASE ${copied} TEMPLATE ${original.name}`);
      const copy = new URL(original.url);
      copy.pathname = `/${copied}`;
      const [first, second] = stores.splice(0);
      const again = await PgStore.open({ url: original.url });
      const clone = await PgStore.open({ url: copy.href });
      stores.push(again, clone);
      expect(first.deploymentId).toBe(second.deploymentId);
      expect(again.deploymentId).toBe(first.deploymentId);
      expect(clone.deploymentId).not.toBe(first.deploymentId);
    } finally {
      for (const store of stores) await store.close();
      await sql.unsafe(`DROP DATABASE IF EXISTS ${copied} WITH (FORCE)`);
      await original.drop();
    }
  });
});

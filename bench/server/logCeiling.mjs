// The throughput ceiling of the commit-ordered event log on PostgreSQL: units of work that each
// append one event (its seq from the one counter row, held to COMMIT), run back to back by N
// concurrent writers through the compiled PgStore, for a few seconds each. What it shows is how
// many events per second one database can order, and how much waiting for the counter's lock
// costs as writers are added; a real unit does more work inside the lock's span than this one.
//
//   node bench/server/logCeiling.mjs [--seconds 3]   (BENCH_DATABASE_URL or TEST_DATABASE_URL)
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';

const WRITERS = [1, 4, 16, 64];

/** Units per second at each number of concurrent writers, on a fresh database dropped at the end. */
export async function measureLogCeiling({ url, seconds = 3, log = console.log }) {
  const { PgStore } = await import(new URL('../../server/dist/server/src/store/pg/PgStore.js', import.meta.url).href);
  const name = `sangdam_bench_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const store = await PgStore.open({ url: target.href, poolSize: Math.max(...WRITERS) + 2 });
  const rows = [];
  try {
    for (const writers of WRITERS) {
      let units = 0;
      const end = Date.now() + seconds * 1000;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          while (Date.now() < end) {
            await store.transaction(async (tx) => {
              await tx.appendEvent({ channelId: 'bench', userId: `u${w}`, chatId: `c${w}`, type: 'chat', payload: { unread: 0 }, createdAt: tx.now });
            });
            units++;
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      rows.push({ writers, unitsPerSecond: Math.round(units / elapsed), msPerUnit: Math.round(((elapsed * 1000 * writers) / units) * 100) / 100 });
      log(`log ceiling: ${writers} writers, ${rows.at(-1).unitsPerSecond} events/s`);
    }
    // Ordered and dense, as the feed needs it: no seq missing however many wrote at once.
    const check = postgres(target.href, { max: 1, onnotice: () => undefined });
    const [{ n, top }] = await check`SELECT count(*)::int AS n, COALESCE(max(seq), 0)::int AS top FROM events`;
    await check.end();
    if (n !== top) throw new Error(`log ceiling: ${top - n} seqs missing from the log`);
  } finally {
    await store.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('logCeiling: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server');
  const at = process.argv.indexOf('--seconds');
  const rows = await measureLogCeiling({ url, seconds: at === -1 ? 3 : Number(process.argv[at + 1]) });
  console.log(rows.map((r) => `${r.writers} writers: ${r.unitsPerSecond} events/s, ${r.msPerUnit} ms per unit`).join('\n'));
}

/**
 * A fresh PostgreSQL database per test file, on the server `TEST_DATABASE_URL` names (`.ci/run`
 * and `scripts/withServices.sh` start a throwaway one). Without it the PostgreSQL tests cannot
 * run: under CI that fails them, elsewhere they are skipped with the reason printed.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export const PG_URL = process.env.TEST_DATABASE_URL || '';

if (!PG_URL && process.env.CI === 'true') {
  throw new Error('TEST_DATABASE_URL is not set: the PostgreSQL tests must run in CI (see .ci/run)');
}
if (!PG_URL) console.warn('TEST_DATABASE_URL is not set: the PostgreSQL tests are skipped (scripts/withServices.sh starts a server)');

/** Creates an empty database; returns its URL and the function that drops it. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sangdam_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      const again = postgres(PG_URL, { max: 1, onnotice: () => undefined });
      await again.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

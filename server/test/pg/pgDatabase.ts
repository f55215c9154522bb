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

const admin = () => postgres(PG_URL, { max: 1, onnotice: () => undefined });

/** Creates an empty database; returns its URL, its name and the function that drops it. */
export async function freshDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `sangdam_test_${randomBytes(6).toString('hex')}`;
  const sql = admin();
  await sql.unsafe(`CREATE DATABASE ${name}`);
  await sql.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return { url: url.href, name, drop: () => dropDatabase(name) };
}

export async function dropDatabase(name: string): Promise<void> {
  if (!/^sangdam_test_[0-9a-f]+$/.test(name)) throw new Error(`${name}: not a test database`);
  const sql = admin();
  await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await sql.end();
}

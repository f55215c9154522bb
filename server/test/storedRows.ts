/**
 * What a test server stored, read with SQL both stores take (the tables and columns are the same,
 * see store/pg/schema.ts): for the facts only the database shows, such as a secret kept hashed or
 * a row never written. `?` marks each parameter, on either store.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { connect, type Sql } from '../src/store/pg/connect.ts';
import { DATABASE_FILE } from '../src/store/sqlite/SqliteStore.ts';
import { ON_POSTGRES, postgresOf } from './helpers.ts';

/** A test server, or the data directory of one (its SQLite file, or the database named there). */
type Stored = string | { dataDir: string };

const dataDirOf = (stored: Stored) => (typeof stored === 'string' ? stored : stored.dataDir);

/** PostgreSQL's `$1, $2, …` for the `?` of `text`, which here are all parameters. */
const numbered = (text: string) => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

/**
 * Runs `text` on a connection of its own, as the store's own connections read values: BIGINT
 * (times, seqs, counts) as numbers, like SQLite's integers.
 */
async function onPostgres<T>(stored: Stored, work: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = connect({ url: (await postgresOf(dataDirOf(stored))).url, poolSize: 1 });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

/** The rows of a query, read in a read-only transaction or connection. */
export async function storedRows<T = any>(stored: Stored, text: string, ...params: unknown[]): Promise<T[]> {
  if (ON_POSTGRES) {
    const rows = await onPostgres(stored, (sql) => sql.begin('read only', (tx) => tx.unsafe(numbered(text), params as any[])));
    return [...rows] as T[];
  }
  const db = new Database(join(dataDirOf(stored), DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(text).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The `n` of a `SELECT count(*) AS n …`. */
export const countRows = async (stored: Stored, text: string, ...params: unknown[]): Promise<number> =>
  (await storedRows<{ n: number }>(stored, text, ...params))[0].n;

/**
 * Runs one writing statement, to put the database in a state the server no longer makes (a row of
 * an older version); returns how many rows it changed.
 */
export async function writeRows(stored: Stored, text: string, ...params: unknown[]): Promise<number> {
  if (ON_POSTGRES) return onPostgres(stored, async (sql) => (await sql.unsafe(numbered(text), params as any[])).count);
  const db = new Database(join(dataDirOf(stored), DATABASE_FILE));
  try {
    return db.prepare(text).run(...params).changes;
  } finally {
    db.close();
  }
}

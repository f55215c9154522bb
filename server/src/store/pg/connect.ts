/** The PostgreSQL connection pool and the schema's migrations, run once under an advisory lock. */
import postgres from 'postgres';
import { PG_MIGRATIONS, type PgMigration } from './schema.ts';

export type Sql = postgres.Sql;

export interface PgOptions {
  /** `DATABASE_URL`: postgres://user:password@host:port/database */
  url: string;
  /** Connections per instance (default 10; env PG_POOL_SIZE). */
  poolSize?: number;
  /** A statement running longer is cancelled (default 30 s; env PG_STATEMENT_TIMEOUT_MS). */
  statementTimeoutMs?: number;
  /**
   * A transaction left idle this long is ended by the server, so a stuck unit of work cannot hold
   * a chat's lock for everyone (default 10 s; env PG_IDLE_TX_TIMEOUT_MS).
   */
  idleInTransactionTimeoutMs?: number;
}

/** int8 (times in ms, seqs, counts) read as numbers: they stay below 2^53. */
const int8 = { to: 20, from: [20], serialize: (value: number) => String(value), parse: (value: string) => Number(value) };

export function connect({ url, poolSize = 10, statementTimeoutMs = 30_000, idleInTransactionTimeoutMs = 10_000 }: PgOptions): Sql {
  return postgres(url, {
    max: poolSize,
    types: { int8 },
    onnotice: () => undefined,
    connection: {
      application_name: 'sangdam',
      statement_timeout: statementTimeoutMs,
      idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
    },
  }) as unknown as Sql;
}

/** The advisory lock key of starting instances ("sangdam" in ASCII). */
const START_LOCK = 0x73616e6764616d;

/**
 * Runs `work` while holding the start lock: instances that start together take turns, so the
 * schema's DDL runs once and the demo channel is created once.
 */
export async function underStartLock<T>(sql: Sql, work: () => Promise<T>): Promise<T> {
  const reserved = await sql.reserve();
  try {
    // Waiting behind another instance's migrations is no slow statement.
    await reserved`SET statement_timeout = 0`;
    await reserved`SELECT pg_advisory_lock(${START_LOCK})`;
    try {
      return await work();
    } finally {
      await reserved`SELECT pg_advisory_unlock(${START_LOCK})`;
      await reserved`RESET statement_timeout`;
    }
  } finally {
    reserved.release();
  }
}

/**
 * Brings the schema up to date, each migration in a transaction of its own; returns the ids it
 * applied. Run it under the start lock: two instances creating the same table at once would fail.
 */
export async function migrate(sql: Sql, migrations: readonly PgMigration[] = PG_MIGRATIONS): Promise<number[]> {
  await sql`CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`;
  const applied = new Set((await sql<{ id: number }[]>`SELECT id FROM migrations`).map((row) => row.id));
  const now: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    await sql.begin(async (tx) => {
      await tx.unsafe(migration.sql);
      await tx`INSERT INTO migrations (id, name, applied_at) VALUES (${migration.id}, ${migration.name}, ${Date.now()})`;
    });
    now.push(migration.id);
  }
  return now;
}

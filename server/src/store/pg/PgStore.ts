/**
 * The networked store: PostgreSQL shared by any number of instances. Units of work are
 * transactions of the pool (PgUnits.ts), run side by side; each sees PgTx's statements.
 * Unlike SQLite's, the survey-link key lives in the database (settings), since instances share
 * no disk: a copy of the database therefore opens the surveys whose links it can derive.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EventRecord } from '../../domain/types.ts';
import type { Clock, CommitListener, Store, StoreTx } from '../Store.ts';
import { chatQueries } from './chatQueries.ts';
import { connect, migrate, underStartLock, type PgOptions, type Sql } from './connect.ts';
import { LINK_KEY_SETTING } from './linkKey.ts';
import type { PgQueries } from './PgQueries.ts';
import { PgTx } from './PgTx.ts';
import { PgUnits } from './PgUnits.ts';
import { statsQueries } from './statsQueries.ts';

const queries: PgQueries = { ...chatQueries, ...statsQueries };

export interface PgStoreOptions extends PgOptions {
  /** A fixed clock for tests; unset, the database's (one clock for every instance). */
  clock?: Clock;
  /** The survey-link key; unset, the one stored in settings (made by the first instance to start). */
  linkKey?: Buffer;
  /** The LISTEN/NOTIFY channel each commit is announced on (openStore.ts); unset, none. */
  notifyChannel?: string;
  /** Fault injection for the cluster test (PgUnitsOptions.holdCommitMs). */
  holdCommitMs?: () => number;
}

export class PgStore implements Store {
  /** This process among the deployment's instances (what its announcements are signed with). */
  readonly instanceId = randomUUID();
  private readonly listeners = new Set<CommitListener>();
  private readonly units: PgUnits;
  /** Units of work still running, which close() waits for. */
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  /** Connects, brings the schema up to date and reads (or makes) the link key, under the start lock. */
  static async open({ clock, linkKey, notifyChannel, holdCommitMs, ...connection }: PgStoreOptions): Promise<PgStore> {
    const sql = connect(connection);
    try {
      const key = await underStartLock(sql, async () => {
        await migrate(sql);
        return linkKey ?? (await storedLinkKey(sql));
      });
      return new PgStore(sql, key, await databaseIdentity(sql), { clock, notifyChannel, holdCommitMs });
    } catch (error) {
      await sql.end();
      throw error;
    }
  }

  private constructor(
    private readonly sql: Sql,
    private readonly linkKey: Buffer,
    private readonly databaseIdentity: string,
    options: Pick<PgStoreOptions, 'clock' | 'notifyChannel' | 'holdCommitMs'>,
  ) {
    this.units = new PgUnits(sql, { ...options, instanceId: this.instanceId, onCommit: (events) => this.publish(events) });
  }

  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    const run = this.units.run((unit) => work(new PgTx(unit, this.linkKey, queries)));
    this.running.add(run);
    const forget = () => void this.running.delete(run);
    run.then(forget, forget);
    return run;
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Refuses new units, waits for the running ones, then ends the pool. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.running]);
    await this.sql.end();
  }

  /** Runs the app's start-up steps (token, first owner, demo channel) one instance at a time. */
  underStartLock<T>(work: () => Promise<T>): Promise<T> {
    return underStartLock(this.sql, work);
  }

  /**
   * Listens on `channel`: `onNotify` with each payload, `onListen` on each (re)connection, when
   * what was missed meanwhile must be read. Returns the stop.
   */
  async listen(channel: string, onNotify: (payload: string) => void, onListen: () => void): Promise<() => Promise<void>> {
    const { unlisten } = await this.sql.listen(channel, onNotify, onListen);
    return unlisten;
  }

  /** Notifies `channel` now, outside any unit of work (a payload under 8,000 bytes). */
  async notify(channel: string, payload: string): Promise<void> {
    await this.sql.notify(channel, payload);
  }

  /**
   * What names this deployment outside the database (its Redis keys and channels): the same for
   * every instance on this database, different for another, and revealing nothing of the key.
   * The link key alone would not do: a copy of the database (a staging site restored from a
   * production dump) carries it, so the database's own identity is mixed in.
   */
  get deploymentId(): string {
    return createHash('sha256')
      .update('sangdam deployment\0')
      .update(this.linkKey)
      .update(this.databaseIdentity)
      .digest('base64url')
      .slice(0, 16);
  }

  private publish(events: readonly EventRecord[]): void {
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (error) {
        console.error('commit listener failed', error);
      }
    }
  }
}

/**
 * The database's name and its cluster's system identifier (set by initdb, so a restored dump or
 * another server differs). A role not allowed to read the control data (some hosted services)
 * gets the name only; every instance connects as the same role, so all agree.
 */
async function databaseIdentity(sql: Sql): Promise<string> {
  const [{ name }] = await sql<{ name: string }[]>`SELECT current_database() AS name`;
  try {
    const [{ id }] = await sql<{ id: string }[]>`SELECT system_identifier::text AS id FROM pg_control_system()`;
    return `${id}/${name}`;
  } catch {
    return name;
  }
}

/** The installation's 32-byte link key from settings, made by the first instance that starts. */
async function storedLinkKey(sql: Sql): Promise<Buffer> {
  const made = randomBytes(32).toString('base64');
  await sql`INSERT INTO settings (key, value) VALUES (${LINK_KEY_SETTING}, ${made}) ON CONFLICT (key) DO NOTHING`;
  const [{ value }] = await sql<{ value: string }[]>`SELECT value FROM settings WHERE key = ${LINK_KEY_SETTING}`;
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`settings.${LINK_KEY_SETTING}: must hold the 32 bytes of the survey-link key in base64 (found ${key.length})`);
  return key;
}

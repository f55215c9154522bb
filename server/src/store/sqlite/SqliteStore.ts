/**
 * The embedded store: one better-sqlite3 connection on `<dataDir>/sangdam.db` in WAL mode, in a
 * data directory this process holds alone (see lockDataDir.ts).
 * Units of work are serialised through a promise queue, because the async Store interface lets a
 * caller await between statements and a second request must not write into the first one's
 * transaction (or read its uncommitted rows) on the shared connection.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { EventRecord } from '../../domain/types.ts';
import type { Clock, CommitListener, Store, StoreTx } from '../Store.ts';
import { startCheckpointer, type Checkpointer } from './checkpointer.ts';
import { createPrivateFile, LINK_KEY_FILE, readLinkKey, secureDataDir } from './dataDirFiles.ts';
import { LOCK_FILE, lockDataDir, type DataDirLock } from './lockDataDir.ts';
import { migrate } from './migrations.ts';
import { SqliteTx } from './SqliteTx.ts';
import { prepareStatements, type Statements } from './statements.ts';

/** The database's name in the data directory. */
export const DATABASE_FILE = 'sangdam.db';

/** Every file the server keeps in its data directory (the lock's and the database's journals included). */
const DATA_FILES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, LOCK_FILE, `${LOCK_FILE}-journal`, LINK_KEY_FILE];

/** The writer's own checkpoint, when the log reaches this many pages; see checkpointer.ts. */
const BACKSTOP_CHECKPOINT_PAGES = 4000;

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements: Statements;
  private readonly listeners = new Set<CommitListener>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  /**
   * Takes `dataDir` for this process (DataDirInUseError when another holds it), opens (creating
   * when needed) the database in it and applies pending migrations. `clock` gives each unit of
   * work its `now`.
   */
  static open(dataDir: string, clock: Clock = Date.now): SqliteStore {
    secureDataDir(dataDir, DATA_FILES);
    createPrivateFile(join(dataDir, LOCK_FILE));
    const lock = lockDataDir(dataDir);
    const file = join(dataDir, DATABASE_FILE);
    let db: Database.Database | undefined;
    try {
      const linkKey = readLinkKey(dataDir);
      createPrivateFile(file);
      db = new Database(file);
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL loses no committed write when the process crashes, only on power loss.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
      migrate(db);
      return new SqliteStore(db, clock, startCheckpointer(file), lock, linkKey);
    } catch (error) {
      db?.close();
      lock.release();
      throw error;
    }
  }

  private constructor(
    db: Database.Database,
    private readonly clock: Clock,
    private readonly checkpointer: Checkpointer,
    private readonly lock: DataDirLock,
    private readonly linkKey: Buffer,
  ) {
    this.db = db;
    this.statements = prepareStatements(db);
  }

  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.runTransaction(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.checkpointer.close();
    this.db.close();
    this.lock.release();
  }

  private async runTransaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('store is closed');
    const tx = new SqliteTx(this.statements, this.clock(), this.linkKey);
    this.db.exec('BEGIN IMMEDIATE');
    let result: T;
    try {
      result = await work(tx);
      this.db.exec('COMMIT');
      this.checkpointer.committed();
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    // Still inside the queue: listeners see commits one at a time, in seq order.
    if (tx.appended.length > 0) this.publish(tx.appended);
    return result;
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


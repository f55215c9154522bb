/**
 * One data directory serves one process. Live delivery runs through the process that commits
 * (store.onCommit → EventHub), so two servers on one folder would each push events only to their
 * own sockets, and customers and managers connected to the other would silently miss them.
 *
 * The lock is an SQLite write lock on `<dataDir>/sangdam.lock`, held by an open transaction for
 * the life of the store. It is an OS file lock (fcntl on Unix, LockFileEx on Windows), so the
 * system drops it when the process dies, `kill -9` included, and a stale file never blocks the
 * next start. The file also records who holds it, which a refused server reads (a held write
 * lock still lets others read) to say which process is in the way.
 */
import Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'sangdam.lock';

/** A second server was started on a data directory another process holds. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

export interface DataDirLock {
  /** Lets the next server take the directory. */
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  since: number;
}

/**
 * Takes the data directory for this process, or throws DataDirInUseError naming the holder.
 * @example const lock = lockDataDir('/var/lib/sangdam'); … lock.release();
 */
export function lockDataDir(dataDir: string): DataDirLock {
  // No busy wait: a held lock is an answer, not a moment to wait out.
  const db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    take(db, dataDir);
    db.exec(`CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, host TEXT NOT NULL, since INTEGER NOT NULL)`);
    db.prepare('INSERT OR REPLACE INTO holder (id, pid, host, since) VALUES (1, ?, ?, ?)').run(process.pid, hostname(), Date.now());
    db.exec('COMMIT');
    // Held from here on: a reserved lock, which readers pass and every other writer waits for.
    take(db, dataDir);
  } catch (error) {
    db.close();
    throw error;
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      db.close();
    },
  };
}

function take(db: Database.Database, dataDir: string): void {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    throw new DataDirInUseError(inUseMessage(dataDir, readHolder(db)));
  }
}

function readHolder(db: Database.Database): Holder | undefined {
  try {
    return db.prepare('SELECT pid, host, since FROM holder WHERE id = 1').get() as Holder | undefined;
  } catch {
    return undefined; // the holder has not written its name yet
  }
}

/** What a refused server prints: the directory, who holds it, why that matters, what to do. */
function inUseMessage(dataDir: string, holder: Holder | undefined): string {
  let who = 'another process';
  if (holder) {
    who = `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}, running since ${new Date(holder.since).toISOString()}`;
  }
  return (
    `DATA_DIR: ${dataDir} is in use by another Sangdam server (${who}). ` +
    'One data directory serves one process: two servers on one folder would split live delivery, ' +
    'each pushing new messages only to its own connections, so customers and managers would miss replies. ' +
    'Stop the other server, or set DATA_DIR to another directory.'
  );
}

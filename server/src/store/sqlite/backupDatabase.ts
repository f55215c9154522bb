/**
 * A consistent copy of the live database, safe while the server runs. The database is in WAL
 * mode: recent commits sit in `sangdam.db-wal` until a checkpoint copies them into `sangdam.db`,
 * so a file copy of `sangdam.db` misses them, and a copy taken during a checkpoint can be torn.
 * SQLite's online backup reads one snapshot through SQLite itself (database and log together)
 * and does not stop the server's writes: WAL readers never block the writer.
 */
import Database from 'better-sqlite3';
import { chmodSync, renameSync, rmSync, statSync } from 'node:fs';
import { FILE_MODE } from './dataDirFiles.ts';
import { dirname, join, resolve } from 'node:path';
import { LOCK_FILE } from './lockDataDir.ts';
import { DATABASE_FILE } from './SqliteStore.ts';

export interface BackupResult {
  /** The file written. */
  file: string;
  bytes: number;
  chats: number;
  messages: number;
}

/** The backup's name when the destination is a directory: `sangdam-20250131-041500.db` (UTC). */
export const backupName = (now: Date): string =>
  `sangdam-${now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.db`;

/**
 * Copies `<dataDir>/sangdam.db` to `destination` (a file, or a directory that gets a dated file).
 * The copy is written beside the destination and renamed into place once complete and checked,
 * so an existing backup of the same name is replaced only by a good one.
 * @example await backupDatabase('/var/lib/sangdam', '/var/backups/sangdam')
 */
export async function backupDatabase(dataDir: string, destination: string, now = new Date()): Promise<BackupResult> {
  const source = join(dataDir, DATABASE_FILE);
  if (!isFile(source)) throw new Error(`DATA_DIR: ${dataDir} holds no ${DATABASE_FILE}; set DATA_DIR to the server's data directory`);
  let file = resolve(destination);
  if (isDirectory(file)) file = join(file, backupName(now));
  const live = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, LOCK_FILE].map((name) => join(resolve(dataDir), name));
  if (live.includes(file)) throw new Error(`destination: ${file} is one of the server's live files; back up to another place`);
  if (!isDirectory(dirname(file))) throw new Error(`destination: the directory ${dirname(file)} does not exist`);

  const partial = `${file}.partial-${process.pid}`;
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // One step for the whole file: SQLite restarts a stepwise backup whenever another connection
    // writes between its steps, so under a busy server a 100-page stepping never finished. A step
    // reads one WAL snapshot and does not hold the server's writes back.
    await db.backup(partial, { progress: ({ totalPages }) => totalPages });
    const counts = checkCopy(partial);
    chmodSync(partial, FILE_MODE); // every conversation is in it, as in the live database
    renameSync(partial, file);
    return { file, bytes: statSync(file).size, ...counts };
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(partial + suffix, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

/** Makes the copy one self-contained file (no log beside it) and checks that it reads whole. */
function checkCopy(file: string): { chats: number; messages: number } {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed SQLite's check: ${String(check)}`);
    const count = (table: string) => (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { chats: count('chats'), messages: count('messages') };
  } finally {
    copy.close();
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

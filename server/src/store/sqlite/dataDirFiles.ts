/**
 * What the data directory holds is the customers' conversations and the key of their survey
 * links, so it is private to the server's user: the directory is 0700 and every file the server
 * creates in it 0600 — also when an earlier version created them wider. SQLite gives its `-wal`
 * and `-shm` files the mode of the database file, so creating that one 0600 covers them too.
 * (On Windows the modes mean little; the directory's ACL is what protects it there.)
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** The key survey-link tokens are derived from. It is kept beside the database, never in it. */
export const LINK_KEY_FILE = 'survey-links.key';

/** Leaves a mode as it is when this user may not change it (a directory owned by another user). */
function chmodOwn(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

/** Creates `dataDir` 0700 (or narrows it to 0700) and narrows the files already in it to 0600. */
export function secureDataDir(dataDir: string, files: readonly string[]): void {
  mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
  chmodOwn(dataDir, DIR_MODE);
  for (const name of files) {
    const path = join(dataDir, name);
    if (existsSync(path)) chmodOwn(path, FILE_MODE);
  }
}

/** Creates an empty file 0600 unless it exists, so what writes it later keeps that mode. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'a', FILE_MODE));
}

/**
 * The installation's survey-link key: 32 random bytes, made on first start. Call it with the
 * data directory's lock held, so two starts cannot both make one.
 */
export function readLinkKey(dataDir: string): Buffer {
  const path = join(dataDir, LINK_KEY_FILE);
  if (existsSync(path)) {
    const key = readFileSync(path);
    if (key.length !== 32) throw new Error(`${path}: must hold the 32 bytes of the survey-link key (found ${key.length}); restore it from a backup, or delete it (links already sent keep working; the console stops showing them)`);
    return key;
  }
  const key = randomBytes(32);
  const fd = openSync(path, 'wx', FILE_MODE);
  try {
    writeSync(fd, key);
  } finally {
    closeSync(fd);
  }
  return key;
}

import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/store/sqlite/SqliteStore.ts';
import { removeDir, tempDir } from './helpers.ts';

/** A setting as the database file alone holds it, without the write-ahead log beside it. */
function settingInDatabaseFile(dataDir: string, key: string): string | undefined {
  const copy = join(dataDir, 'file-only.db');
  copyFileSync(join(dataDir, 'sangdam.db'), copy);
  const db = new Database(copy, { readonly: true });
  try {
    return db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  } catch {
    return undefined; // not even the tables are in the file yet
  } finally {
    db.close();
  }
}

describe('WAL checkpoints', () => {
  it('copy a commit into the database file soon after it lands, long before the log fills', async () => {
    const dataDir = await tempDir();
    const store = SqliteStore.open(dataDir);
    await store.transaction((tx) => tx.setSetting('probe', 'committed'));
    const deadline = Date.now() + 5000;
    while (settingInDatabaseFile(dataDir, 'probe') !== 'committed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(settingInDatabaseFile(dataDir, 'probe')).toBe('committed');
    await store.close();
    await removeDir(dataDir);
  });
});

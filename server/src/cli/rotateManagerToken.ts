/**
 * Replaces the stored manager token and prints the new one, once:
 *   npm run rotate-manager-token
 * Reads DATA_DIR (or DATABASE_URL) like the server and may run while it does: a running server takes the new token
 * within seconds, and the old one stops working. Only the new token's hash is written. A server
 * started with MANAGER_TOKEN uses that instead, so the variable must be changed there.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readDataDir } from '../config.ts';
import { MANAGER_TOKEN_SETTING, newManagerToken } from '../domain/managerToken.ts';
import { DATABASE_FILE } from '../store/sqlite/SqliteStore.ts';
import { connect } from '../store/pg/connect.ts';

async function main(): Promise<number> {
  if (process.argv.length > 2) {
    console.error('Usage: npm run rotate-manager-token\nPrints a new manager token for the server in DATA_DIR (or DATABASE_URL); the old one stops working.');
    return 1;
  }
  if (process.env.DATABASE_URL) return rotateOnPostgres(process.env.DATABASE_URL);
  const file = join(readDataDir(process.env), DATABASE_FILE);
  if (!existsSync(file)) {
    console.error(`rotate-manager-token: no database at ${file}; start the server once with this DATA_DIR first`);
    return 1;
  }
  // Not through the store: it would wait for the data directory a running server holds.
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  const { token, hash } = newManagerToken();
  try {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(MANAGER_TOKEN_SETTING, hash);
  } finally {
    db.close();
  }
  printToken(token);
  return 0;
}

/** Every instance reads the stored hash again within seconds. */
async function rotateOnPostgres(url: string): Promise<number> {
  const sql = connect({ url, poolSize: 1 });
  const { token, hash } = newManagerToken();
  try {
    await sql`INSERT INTO settings (key, value) VALUES (${MANAGER_TOKEN_SETTING}, ${hash})
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
  } finally {
    await sql.end();
  }
  printToken(token);
  return 0;
}

function printToken(token: string): void {
  console.log(`New manager token (shown only now; only its hash is stored):\n  ${token}`);
  if (process.env.MANAGER_TOKEN) {
    console.log('MANAGER_TOKEN is set in this environment: a server started with it keeps using that value instead.');
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`rotate-manager-token failed: ${error.message}`);
    process.exitCode = 1;
  },
);

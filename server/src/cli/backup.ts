/**
 * Backs up the server's SQLite database, safely while the server runs:
 *   npm run backup -- /var/backups/sangdam            (a directory: a dated file inside it)
 *   npm run backup -- /var/backups/sangdam-latest.db  (a file: replaced only by a good copy)
 * Reads DATA_DIR like the server. A relative destination is taken from where npm was run.
 */
import { resolve } from 'node:path';
import { readDataDir } from '../config.ts';
import { backupDatabase } from '../store/sqlite/backupDatabase.ts';

const USAGE = `Usage: npm run backup -- <destination file or directory>
Copies DATA_DIR/sangdam.db with SQLite's online backup; safe while the server runs.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0].startsWith('-')) {
    console.error(USAGE);
    return 1;
  }
  // npm runs scripts in the package's folder; INIT_CWD is where the command was typed.
  const destination = resolve(process.env.INIT_CWD || process.cwd(), args[0]);
  const dataDir = readDataDir(process.env);
  const result = await backupDatabase(dataDir, destination);
  const size = (result.bytes / 1024 / 1024).toFixed(1);
  console.log(`Backed up ${dataDir} to ${result.file}: ${result.chats} chats, ${result.messages} messages, ${size} MB, check ok.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`backup failed: ${error.message}`);
    process.exit(1);
  },
);

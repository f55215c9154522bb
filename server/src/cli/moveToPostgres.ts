/**
 * Moves a SQLite installation into PostgreSQL, with the server stopped:
 *   DATA_DIR=/var/lib/sangdam DATABASE_URL=postgres://… npm run move-to-postgres
 * Reads DATA_DIR and DATABASE_URL like the server; the database must be empty. The SQLite files
 * are only read: keep them as the backup of the move.
 */
import { loadConfig } from '../config.ts';
import { moveFromSqlite } from '../store/pg/moveFromSqlite.ts';

async function main(): Promise<number> {
  const { config } = loadConfig(process.env);
  if (!config.postgres) {
    console.error('Set DATABASE_URL to the (empty) PostgreSQL database to move DATA_DIR into.');
    return 1;
  }
  const counts = await moveFromSqlite(config.dataDir, config.postgres);
  const summary = Object.entries(counts).filter(([, n]) => n > 0).map(([table, n]) => `${table} ${n}`).join(', ');
  console.log(`Moved ${config.dataDir} into PostgreSQL: ${summary || 'no rows'}.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`move failed: ${error.message}`);
    process.exit(1);
  },
);

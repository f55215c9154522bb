/**
 * Moves an installation's SQLite data into an empty PostgreSQL database: every table row for row
 * (the schemas have the same tables and columns), the search text of each message (which SQLite
 * keeps in its FTS5 index), the event counter at the log's last seq (so clients' cursors stay
 * valid), and the survey-link key (so links already sent keep opening their survey). It holds
 * the data directory's lock, so no server writes meanwhile, and refuses a database that holds
 * any channel. One transaction: a failure leaves the database as it was.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { indexText } from '../searchText.ts';
import { chatSearchBody, userSearchBody } from '../sqlite/searchBodies.ts';
import { readLinkKey } from '../sqlite/dataDirFiles.ts';
import { lockDataDir } from '../sqlite/lockDataDir.ts';
import { DATABASE_FILE } from '../sqlite/SqliteStore.ts';
import { connect, migrate, underStartLock, type PgOptions } from './connect.ts';
import { LINK_KEY_SETTING } from './linkKey.ts';

/** Parents before children, as the foreign keys need. */
const TABLES = [
  'settings', 'channels', 'users', 'sessions', 'managers', 'manager_tokens', 'chats', 'messages',
  'manager_reads', 'csat_surveys', 'csat_answers', 'csat_settings', 'operating_hours',
  'display_settings', 'channel_goals', 'profile_fields', 'saved_replies', 'events_track', 'events',
] as const;
const BATCH = 1000;

export type MoveCounts = Record<(typeof TABLES)[number], number>;

/** The search text a row's table keeps, made again as this version makes it. */
function searchBodyOf(table: string, row: Record<string, string | number | null>): string {
  if (table === 'messages') return indexText(row.text as string);
  if (table === 'chats') return chatSearchBody(JSON.parse(row.profile as string));
  return userSearchBody(row.name as string | null, row.member_id as string | null, JSON.parse(row.profile as string));
}

export async function moveFromSqlite(dataDir: string, target: PgOptions): Promise<MoveCounts> {
  const lock = lockDataDir(dataDir);
  const source = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  const sql = connect({ ...target, poolSize: 2 });
  try {
    return await underStartLock(sql, async () => {
      await migrate(sql);
      return sql.begin(async (tx) => {
        const [{ count }] = await tx<{ count: number }[]>`SELECT COUNT(*)::int AS count FROM channels`;
        if (count > 0) throw new Error('DATABASE_URL: the database already holds data; move into an empty one');
        const counts = {} as MoveCounts;
        for (const table of TABLES) {
          const targetColumns = new Set(
            (await tx<{ column_name: string }[]>`SELECT column_name FROM information_schema.columns WHERE table_name = ${table}`).map((c) => c.column_name),
          );
          const columns = (source.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter((c) => targetColumns.has(c));
          const withSearch = table === 'messages' || table === 'chats' || table === 'users';
          counts[table] = 0;
          const rows = source.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table}`).iterate() as Iterable<Record<string, string | number | null>>;
          let batch: Record<string, string | number | null>[] = [];
          const flush = async () => {
            if (batch.length === 0) return;
            const names = withSearch ? [...columns.filter((c) => c !== 'search_body'), 'search_body'] : columns;
            await tx`INSERT INTO ${tx(table)} ${tx(batch as Record<string, string | number | null>[], names)}`;
            counts[table] += batch.length;
            batch = [];
          };
          for (const row of rows) {
            if (withSearch) row.search_body = searchBodyOf(table, row);
            batch.push(row);
            if (batch.length >= BATCH) await flush();
          }
          await flush();
        }
        const last = (source.prepare('SELECT COALESCE(MAX(seq), 0) FROM events').pluck().get() as number) ?? 0;
        await tx`UPDATE event_counter SET last = ${last} WHERE id = 1`;
        await tx`SELECT setval(pg_get_serial_sequence('events_track', 'id'), GREATEST((SELECT MAX(id) FROM events_track), 1))`;
        const key = readLinkKey(dataDir).toString('base64');
        await tx`INSERT INTO settings (key, value) VALUES (${LINK_KEY_SETTING}, ${key})
          ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
        return counts;
      });
    });
  } finally {
    await sql.end();
    source.close();
    lock.release();
  }
}

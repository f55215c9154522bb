/**
 * Schema history. Each migration runs once, in its own transaction, and is recorded in
 * `migrations`; never edit a migration that has shipped — add the next one.
 */
import type Database from 'better-sqlite3';
import { hashToken } from '../../domain/crypto.ts';
import { indexText } from '../searchText.ts';
import { chatSearchBody, userSearchBody } from './searchBodies.ts';

/** Keeps `index` in step with `table`.search_body: the old terms out, the new ones in. */
const searchTriggers = (table: string, index: string) => `
  CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN
    INSERT INTO ${index} (rowid, body) VALUES (new.rowid, new.search_body);
  END;
  CREATE TRIGGER ${table}_search_update AFTER UPDATE OF search_body ON ${table}
  WHEN old.search_body IS NOT new.search_body BEGIN
    INSERT INTO ${index} (${index}, rowid, body) VALUES ('delete', old.rowid, old.search_body);
    INSERT INTO ${index} (rowid, body) VALUES (new.rowid, new.search_body);
  END;`;

interface Migration {
  id: number;
  name: string;
  sql: string;
  /**
   * The migration rebuilds a table that others reference: foreign keys are off while it runs (they
   * cannot change inside a transaction) and checked before it commits, SQLite's documented way.
   */
  rebuildsTable?: true;
  /** Work SQL cannot do, run after `sql` in the same transaction. */
  run?: (db: Database.Database) => void;
}

const MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'channels, users, chats, messages, event log',
    sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE channels (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        color TEXT NOT NULL,
        plugin_key TEXT NOT NULL UNIQUE,
        member_secret TEXT,
        allowed_origins TEXT NOT NULL DEFAULT '[]',
        created_at INTEGER NOT NULL
      );

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL REFERENCES channels(id),
        member_id TEXT,
        name TEXT,
        language TEXT NOT NULL,
        profile TEXT NOT NULL DEFAULT '{}',
        tags TEXT NOT NULL DEFAULT '[]',
        unsubscribe_email INTEGER NOT NULL DEFAULT 0,
        unsubscribe_texting INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX users_member ON users(channel_id, member_id) WHERE member_id IS NOT NULL;

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL
      );

      CREATE TABLE chats (
        id TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL REFERENCES channels(id),
        user_id TEXT NOT NULL REFERENCES users(id),
        state TEXT NOT NULL CHECK (state IN ('opened', 'closed', 'snoozed')),
        profile TEXT NOT NULL DEFAULT '{}',
        client_id TEXT NOT NULL,
        read_seq INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        activity_at INTEGER NOT NULL,
        UNIQUE (user_id, client_id)
      );
      CREATE INDEX chats_user_activity ON chats(user_id, activity_at DESC);
      CREATE INDEX chats_activity ON chats(activity_at DESC);

      CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        chat_id TEXT NOT NULL REFERENCES chats(id),
        seq INTEGER NOT NULL,
        author TEXT NOT NULL CHECK (author IN ('customer', 'manager', 'bot')),
        text TEXT NOT NULL,
        author_name TEXT,
        client_id TEXT,
        created_at INTEGER NOT NULL,
        UNIQUE (chat_id, client_id)
      );
      CREATE INDEX messages_chat_seq ON messages(chat_id, seq);

      CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX events_channel_seq ON events(channel_id, seq);
      CREATE INDEX events_user_seq ON events(user_id, seq);

      CREATE TABLE events_track (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        name TEXT NOT NULL,
        properties TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL
      );
      CREATE INDEX events_track_user ON events_track(user_id, created_at);
    `,
  },
  {
    id: 2,
    name: 'chat-profile schema per channel, seeded with CSAT and the demo product fields',
    // Literal values, not the shared defaults: a shipped migration must not change when they do.
    sql: `
      CREATE TABLE profile_fields (
        channel_id TEXT NOT NULL REFERENCES channels(id),
        key TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('Boolean', 'String', 'Number', 'Date', 'Datetime', 'List')),
        names TEXT NOT NULL DEFAULT '{}',
        position INTEGER NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0,
        ready_made INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (channel_id, key)
      );

      INSERT INTO profile_fields (channel_id, key, type, names, position, ready_made)
        SELECT id, 'profile.csat', 'Number', json_object('ko', 'CSAT', 'en', 'CSAT', 'ja', 'CSAT'), 0, 1
        FROM channels;
      INSERT INTO profile_fields (channel_id, key, type, names, position, ready_made)
        SELECT id, 'profile.csatComment', 'String',
          json_object('ko', 'CSAT 의견', 'en', 'CSAT comment', 'ja', 'CSATコメント'), 1, 1
        FROM channels;

      INSERT INTO profile_fields (channel_id, key, type, names, position)
        SELECT c.id, f.key, 'String', f.names, f.position
        FROM channels c
        JOIN settings s ON s.key = 'demo_channel_id' AND s.value = c.id
        CROSS JOIN (
          SELECT 'profile.productName' AS key,
            json_object('ko', '상품명', 'en', 'Product name', 'ja', '商品名') AS names, 2 AS position
          UNION ALL
          SELECT 'profile.productId', json_object('ko', '상품 ID', 'en', 'Product ID', 'ja', '商品ID'), 3
        ) f;
    `,
  },
  {
    id: 3,
    name: 'satisfaction survey: rule and operating hours per channel, survey forms, links and answers',
    // No rows for the rule or the hours means the shared defaults (survey off, always open).
    sql: `
      ALTER TABLE messages ADD COLUMN form TEXT;

      CREATE TABLE csat_settings (
        channel_id TEXT PRIMARY KEY REFERENCES channels(id),
        rule TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE operating_hours (
        channel_id TEXT PRIMARY KEY REFERENCES channels(id),
        hours TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE csat_surveys (
        message_id TEXT PRIMARY KEY REFERENCES messages(id),
        chat_id TEXT NOT NULL REFERENCES chats(id),
        token TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX csat_surveys_chat ON csat_surveys(chat_id);

      CREATE TABLE csat_answers (
        chat_id TEXT NOT NULL REFERENCES chats(id),
        message_id TEXT NOT NULL UNIQUE REFERENCES csat_surveys(message_id),
        answer_id TEXT NOT NULL UNIQUE,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        scale INTEGER NOT NULL CHECK (scale IN (2, 3, 5)),
        comment TEXT,
        answered_at INTEGER NOT NULL,
        via TEXT NOT NULL CHECK (via IN ('widget', 'link'))
      );
      CREATE INDEX csat_answers_chat ON csat_answers(chat_id);
    `,
  },
  {
    id: 4,
    name: "console display settings per channel: the profile keys its panel hides",
    // No row means nothing hidden.
    sql: `
      CREATE TABLE display_settings (
        channel_id TEXT PRIMARY KEY REFERENCES channels(id),
        hidden TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    id: 5,
    name: 'the tally each chat\'s response-time metrics are counted from',
    // NULL until a chat's next change counts its messages once; later messages update the tally.
    sql: `ALTER TABLE chats ADD COLUMN metrics_tally TEXT;`,
  },
  {
    id: 6,
    name: 'verified member ids, and sessions that expire after their last use',
    // Without a member secret a member id is only a label a browser gave itself, so only verified
    // ids stay unique. Member ids stored before count as verified where their channel has a
    // secret today, so members keep their chats across the upgrade.
    sql: `
      ALTER TABLE users ADD COLUMN member_verified INTEGER NOT NULL DEFAULT 0;
      UPDATE users SET member_verified = 1 WHERE member_id IS NOT NULL
        AND channel_id IN (SELECT id FROM channels WHERE member_secret IS NOT NULL);
      DROP INDEX users_member;
      CREATE UNIQUE INDEX users_verified_member ON users(channel_id, member_id) WHERE member_verified = 1;

      ALTER TABLE sessions ADD COLUMN last_used_at INTEGER NOT NULL DEFAULT 0;
      UPDATE sessions SET last_used_at = created_at;
      CREATE INDEX sessions_last_used ON sessions(last_used_at);
      CREATE INDEX sessions_user ON sessions(user_id);
    `,
  },
  {
    id: 7,
    name: 'message clientIds unique per author side; chat lists paged by (activity, id)',
    // Only messages and chat indexes change: users and sessions (which migration 6 may extend) are
    // left alone. The messages columns are listed, so a later column added elsewhere is no concern.
    rebuildsTable: true,
    sql: `
      CREATE TABLE messages_new (
        id TEXT PRIMARY KEY,
        chat_id TEXT NOT NULL REFERENCES chats(id),
        seq INTEGER NOT NULL,
        author TEXT NOT NULL CHECK (author IN ('customer', 'manager', 'bot')),
        text TEXT NOT NULL,
        author_name TEXT,
        client_id TEXT,
        created_at INTEGER NOT NULL,
        form TEXT,
        UNIQUE (chat_id, author, client_id)
      );
      INSERT INTO messages_new (id, chat_id, seq, author, text, author_name, client_id, created_at, form)
        SELECT id, chat_id, seq, author, text, author_name, client_id, created_at, form FROM messages;
      DROP TABLE messages;
      ALTER TABLE messages_new RENAME TO messages;
      CREATE INDEX messages_chat_seq ON messages(chat_id, seq);

      DROP INDEX chats_user_activity;
      DROP INDEX chats_activity;
      CREATE INDEX chats_user_activity ON chats(user_id, activity_at, id);
      CREATE INDEX chats_activity ON chats(activity_at, id);
    `,
  },
  {
    id: 8,
    name: 'survey links: only the SHA-256 of each token is kept',
    // Links already sent keep working (their hash matches); the console cannot show them again.
    sql: `ALTER TABLE csat_surveys RENAME COLUMN token TO token_hash;`,
    run(db) {
      const rows = db.prepare('SELECT message_id, token_hash FROM csat_surveys').all() as { message_id: string; token_hash: string }[];
      const update = db.prepare('UPDATE csat_surveys SET token_hash = ? WHERE message_id = ?');
      for (const row of rows) update.run(hashToken(row.token_hash), row.message_id);
    },
  },
  {
    id: 9,
    name: 'the template a message was rendered from, for managers',
    // NULL for every message stored before, and for any whose text held no variables.
    sql: `ALTER TABLE messages ADD COLUMN template TEXT;`,
  },
  {
    id: 10,
    name: 'channel goals, and the deadline of each chat still waiting for its goal',
    // goal_deadline is set only while a chat's goalState is pending, so the partial index holds
    // just the chats a track or a read may still have to settle.
    sql: `
      CREATE TABLE channel_goals (
        channel_id TEXT PRIMARY KEY REFERENCES channels(id),
        event_name TEXT,
        window_days INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      ALTER TABLE chats ADD COLUMN goal_deadline INTEGER;
      CREATE INDEX chats_goal_deadline ON chats(goal_deadline) WHERE goal_deadline IS NOT NULL;
      CREATE INDEX chats_user_goal ON chats(user_id) WHERE goal_deadline IS NOT NULL;
    `,
  },
  {
    id: 11,
    name: 'surveys the customer skipped',
    // NULL for every survey posted before: none of them was skippable on the server then.
    sql: `ALTER TABLE csat_surveys ADD COLUMN skipped_at INTEGER;`,
  },
  {
    id: 12,
    name: "each channel's language, and chats by creation for statistics over a range",
    // Korean, the language of the product's home market, until CHANNEL_LANGUAGE says otherwise.
    sql: `
      ALTER TABLE channels ADD COLUMN language TEXT NOT NULL DEFAULT 'ko' CHECK (language IN ('ko', 'en', 'ja'));
      CREATE INDEX chats_channel_created ON chats(channel_id, created_at);
    `,
  },
  {
    id: 13,
    name: 'managers as people: accounts, their tokens, saved replies, assignees and reply authors',
    // Messages and chats written before keep no author or assignee (NULL): MANAGER_TOKEN answered them.
    sql: `
      CREATE TABLE managers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        avatar_url TEXT,
        role TEXT NOT NULL CHECK (role IN ('owner', 'agent')),
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE manager_tokens (
        id TEXT PRIMARY KEY,
        manager_id TEXT NOT NULL REFERENCES managers(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('session', 'api')),
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER,
        expires_at INTEGER
      );
      CREATE INDEX manager_tokens_manager ON manager_tokens(manager_id, kind, created_at);
      CREATE TABLE saved_replies (
        id TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL REFERENCES channels(id),
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        author_id TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX saved_replies_channel ON saved_replies(channel_id, title);
      ALTER TABLE chats ADD COLUMN assignee_id TEXT;
      CREATE INDEX chats_assignee_activity ON chats(assignee_id, activity_at, id);
      ALTER TABLE messages ADD COLUMN author_id TEXT;
    `,
  },
  {
    id: 14,
    name: 'full-text search over customers, chats and messages',
    // Contentless indexes keyed by the rowid of what they index (searchText.ts cuts the text).
    // Chats and users keep their indexed text in search_body, so a trigger can take the old
    // terms out; messages never change, so their text is indexed once, when stored.
    sql: `
      CREATE VIRTUAL TABLE message_search USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE chat_search USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE user_search USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE message_search_terms USING fts5vocab(message_search, 'row');
      CREATE VIRTUAL TABLE chat_search_terms USING fts5vocab(chat_search, 'row');
      CREATE VIRTUAL TABLE user_search_terms USING fts5vocab(user_search, 'row');
      ALTER TABLE chats ADD COLUMN search_body TEXT NOT NULL DEFAULT '';
      ALTER TABLE users ADD COLUMN search_body TEXT NOT NULL DEFAULT '';
    `,
    // The rows that exist are indexed here, before the triggers exist: a trigger would take out
    // of the index terms that were never put in.
    run(db) {
      const chats = db.prepare("SELECT id, profile FROM chats").all() as { id: string; profile: string }[];
      const setChat = db.prepare('UPDATE chats SET search_body = ? WHERE id = ?');
      for (const chat of chats) setChat.run(chatSearchBody(JSON.parse(chat.profile)), chat.id);
      const users = db.prepare('SELECT id, name, member_id, profile FROM users').all() as { id: string; name: string | null; member_id: string | null; profile: string }[];
      const setUser = db.prepare('UPDATE users SET search_body = ? WHERE id = ?');
      for (const user of users) setUser.run(userSearchBody(user.name, user.member_id, JSON.parse(user.profile)), user.id);
      const index = db.prepare('INSERT INTO message_search (rowid, body) VALUES (?, ?)');
      const page = db.prepare('SELECT rowid, text FROM messages WHERE rowid > ? ORDER BY rowid LIMIT 5000');
      for (let after = 0; ; ) {
        const batch = page.all(after) as { rowid: number; text: string }[];
        for (const row of batch) index.run(row.rowid, indexText(row.text));
        if (batch.length < 5000) break;
        after = batch[batch.length - 1].rowid;
      }
      db.exec(`
        INSERT INTO chat_search (rowid, body) SELECT rowid, search_body FROM chats;
        INSERT INTO user_search (rowid, body) SELECT rowid, search_body FROM users;
        ${searchTriggers('chats', 'chat_search')}
        ${searchTriggers('users', 'user_search')}
      `);
    },
  },
  {
    id: 15,
    name: "the allowed items of a List field",
    // NULL: any item, as every List field allowed before.
    sql: `ALTER TABLE profile_fields ADD COLUMN options TEXT;`,
  },
  {
    id: 16,
    name: "what each manager has read of each chat",
    // No row: the manager has read nothing of the chat yet.
    sql: `
      CREATE TABLE manager_reads (
        manager_id TEXT NOT NULL REFERENCES managers(id) ON DELETE CASCADE,
        chat_id TEXT NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        PRIMARY KEY (manager_id, chat_id)
      ) WITHOUT ROWID;`,
  },
  {
    id: 17,
    name: "the avatar a manager's reply was sent with",
    sql: `ALTER TABLE messages ADD COLUMN author_avatar_url TEXT;`,
  },
];

/** Brings the schema up to date (tests may stop after migration `until`); safe to call on every start. */
export function migrate(db: Database.Database, until = Infinity): void {
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = new Set(
    db.prepare('SELECT id FROM migrations').all().map((row) => (row as { id: number }).id),
  );
  const record = db.prepare('INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.id) || migration.id > until) continue;
    const foreignKeys = db.pragma('foreign_keys', { simple: true });
    if (migration.rebuildsTable) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        migration.run?.(db);
        if (migration.rebuildsTable && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new Error(`migration ${migration.id}: would break a foreign key`);
        }
        record.run(migration.id, migration.name, Date.now());
      })();
    } finally {
      if (migration.rebuildsTable) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
  }
}

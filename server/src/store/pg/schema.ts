/**
 * The PostgreSQL schema: the tables of the SQLite store (sqlite/migrations.ts) with the same
 * columns, so rows read the same way (sqlite/rows.ts): times are ms in BIGINT (read as numbers,
 * see connect.ts), JSON documents TEXT, flags 0/1 INTEGER. Text is compared in the "C" collation,
 * so ties break in the same byte order as SQLite. The event log's seqs come from one counter row
 * taken at the end of each unit of work (PgStore.ts), not from a sequence.
 */
export interface PgMigration {
  id: number;
  name: string;
  sql: string;
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    id: 1,
    name: 'the tables of the SQLite store as of its migration 17',
    sql: `
      CREATE TABLE settings (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE channels (
        id TEXT COLLATE "C" PRIMARY KEY,
        name TEXT NOT NULL,
        color TEXT NOT NULL,
        plugin_key TEXT COLLATE "C" NOT NULL UNIQUE,
        member_secret TEXT,
        allowed_origins TEXT NOT NULL DEFAULT '[]',
        created_at BIGINT NOT NULL,
        language TEXT NOT NULL DEFAULT 'ko' CHECK (language IN ('ko', 'en', 'ja'))
      );
      CREATE TABLE users (
        id TEXT COLLATE "C" PRIMARY KEY,
        channel_id TEXT COLLATE "C" NOT NULL REFERENCES channels(id),
        member_id TEXT COLLATE "C",
        name TEXT,
        language TEXT NOT NULL,
        profile TEXT NOT NULL DEFAULT '{}',
        tags TEXT NOT NULL DEFAULT '[]',
        unsubscribe_email INTEGER NOT NULL DEFAULT 0,
        unsubscribe_texting INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        member_verified INTEGER NOT NULL DEFAULT 0,
        search_body TEXT NOT NULL DEFAULT ''
      );
      CREATE UNIQUE INDEX users_verified_member ON users(channel_id, member_id) WHERE member_verified = 1;
      CREATE INDEX users_search ON users USING gin (to_tsvector('simple', search_body));
      CREATE TABLE sessions (
        token_hash TEXT COLLATE "C" PRIMARY KEY,
        user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id),
        created_at BIGINT NOT NULL,
        last_used_at BIGINT NOT NULL DEFAULT 0
      );
      CREATE INDEX sessions_last_used ON sessions(last_used_at);
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE managers (
        id TEXT COLLATE "C" PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        avatar_url TEXT,
        role TEXT NOT NULL CHECK (role IN ('owner', 'agent')),
        password_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      -- One account per address in any case, as SQLite's COLLATE NOCASE.
      CREATE UNIQUE INDEX managers_email ON managers (lower(email));
      CREATE TABLE manager_tokens (
        id TEXT COLLATE "C" PRIMARY KEY,
        manager_id TEXT COLLATE "C" NOT NULL REFERENCES managers(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('session', 'api')),
        name TEXT NOT NULL,
        token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
        created_at BIGINT NOT NULL,
        last_used_at BIGINT,
        expires_at BIGINT
      );
      CREATE INDEX manager_tokens_manager ON manager_tokens(manager_id, kind, created_at);
      CREATE TABLE chats (
        id TEXT COLLATE "C" PRIMARY KEY,
        channel_id TEXT COLLATE "C" NOT NULL REFERENCES channels(id),
        user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id),
        state TEXT NOT NULL CHECK (state IN ('opened', 'closed', 'snoozed')),
        profile TEXT NOT NULL DEFAULT '{}',
        client_id TEXT COLLATE "C" NOT NULL,
        read_seq BIGINT NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        activity_at BIGINT NOT NULL,
        metrics_tally TEXT,
        goal_deadline BIGINT,
        assignee_id TEXT COLLATE "C",
        search_body TEXT NOT NULL DEFAULT '',
        UNIQUE (user_id, client_id)
      );
      CREATE INDEX chats_activity ON chats(activity_at, id);
      CREATE INDEX chats_assignee_activity ON chats(assignee_id, activity_at, id);
      CREATE INDEX chats_channel_created ON chats(channel_id, created_at);
      CREATE INDEX chats_goal_deadline ON chats(goal_deadline) WHERE goal_deadline IS NOT NULL;
      CREATE INDEX chats_user_activity ON chats(user_id, activity_at, id);
      CREATE INDEX chats_user_goal ON chats(user_id) WHERE goal_deadline IS NOT NULL;
      CREATE INDEX chats_search ON chats USING gin (to_tsvector('simple', search_body));
      CREATE TABLE messages (
        id TEXT COLLATE "C" PRIMARY KEY,
        chat_id TEXT COLLATE "C" NOT NULL REFERENCES chats(id),
        seq BIGINT NOT NULL,
        author TEXT NOT NULL CHECK (author IN ('customer', 'manager', 'bot')),
        text TEXT NOT NULL,
        author_name TEXT,
        client_id TEXT COLLATE "C",
        created_at BIGINT NOT NULL,
        form TEXT,
        template TEXT,
        author_id TEXT COLLATE "C",
        author_avatar_url TEXT,
        search_body TEXT NOT NULL DEFAULT '',
        UNIQUE (chat_id, author, client_id)
      );
      CREATE INDEX messages_chat_seq ON messages(chat_id, seq);
      CREATE INDEX messages_search ON messages USING gin (to_tsvector('simple', search_body));
      CREATE TABLE manager_reads (
        manager_id TEXT COLLATE "C" NOT NULL REFERENCES managers(id) ON DELETE CASCADE,
        chat_id TEXT COLLATE "C" NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
        seq BIGINT NOT NULL,
        PRIMARY KEY (manager_id, chat_id)
      );
      CREATE TABLE csat_surveys (
        message_id TEXT COLLATE "C" PRIMARY KEY REFERENCES messages(id),
        chat_id TEXT COLLATE "C" NOT NULL REFERENCES chats(id),
        token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
        created_at BIGINT NOT NULL,
        skipped_at BIGINT
      );
      CREATE INDEX csat_surveys_chat ON csat_surveys(chat_id);
      CREATE TABLE csat_answers (
        chat_id TEXT COLLATE "C" NOT NULL REFERENCES chats(id),
        message_id TEXT COLLATE "C" NOT NULL UNIQUE REFERENCES csat_surveys(message_id),
        answer_id TEXT COLLATE "C" NOT NULL UNIQUE,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        scale INTEGER NOT NULL CHECK (scale IN (2, 3, 5)),
        comment TEXT,
        answered_at BIGINT NOT NULL,
        via TEXT NOT NULL CHECK (via IN ('widget', 'link')),
        -- SQLite's implicit rowid, the order answers were stored in: a chat's latest answer is the
        -- last answered, then the last stored (two answers in one ms, or a fixed test clock).
        rowid BIGINT GENERATED BY DEFAULT AS IDENTITY
      );
      CREATE INDEX csat_answers_chat ON csat_answers(chat_id, answered_at DESC, rowid DESC);
      CREATE TABLE csat_settings (
        channel_id TEXT COLLATE "C" PRIMARY KEY REFERENCES channels(id),
        rule TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE operating_hours (
        channel_id TEXT COLLATE "C" PRIMARY KEY REFERENCES channels(id),
        hours TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE display_settings (
        channel_id TEXT COLLATE "C" PRIMARY KEY REFERENCES channels(id),
        hidden TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE channel_goals (
        channel_id TEXT COLLATE "C" PRIMARY KEY REFERENCES channels(id),
        event_name TEXT,
        window_days INTEGER NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE profile_fields (
        channel_id TEXT COLLATE "C" NOT NULL REFERENCES channels(id),
        key TEXT COLLATE "C" NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('Boolean', 'String', 'Number', 'Date', 'Datetime', 'List')),
        names TEXT NOT NULL DEFAULT '{}',
        position INTEGER NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0,
        ready_made INTEGER NOT NULL DEFAULT 0,
        options TEXT,
        PRIMARY KEY (channel_id, key)
      );
      CREATE TABLE saved_replies (
        id TEXT COLLATE "C" PRIMARY KEY,
        channel_id TEXT COLLATE "C" NOT NULL REFERENCES channels(id),
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        author_id TEXT COLLATE "C",
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX saved_replies_channel ON saved_replies(channel_id, title);
      CREATE TABLE events_track (
        id BIGSERIAL PRIMARY KEY,
        channel_id TEXT COLLATE "C" NOT NULL,
        user_id TEXT COLLATE "C" NOT NULL,
        name TEXT NOT NULL,
        properties TEXT NOT NULL DEFAULT '{}',
        created_at BIGINT NOT NULL
      );
      CREATE INDEX events_track_user ON events_track(user_id, created_at);
      -- The log: seqs are dense and in commit order, stamped from event_counter at commit.
      CREATE TABLE events (
        seq BIGINT PRIMARY KEY,
        channel_id TEXT COLLATE "C" NOT NULL,
        user_id TEXT COLLATE "C" NOT NULL,
        chat_id TEXT COLLATE "C" NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX events_channel_seq ON events(channel_id, seq);
      CREATE INDEX events_user_seq ON events(user_id, seq);
      CREATE TABLE event_counter (id INTEGER PRIMARY KEY CHECK (id = 1), last BIGINT NOT NULL);
      INSERT INTO event_counter (id, last) VALUES (1, 0);
    `,
  },
];

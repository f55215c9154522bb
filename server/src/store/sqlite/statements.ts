/** Every statement the store runs, prepared once per database connection. */
import type Database from 'better-sqlite3';
import { chatDetailById, chatListQuery } from './chatQueries.ts';
import { groupedChatsQuery } from './statsQueries.ts';
import { prepareTeamStatements } from './teamStatements.ts';

export function prepareStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    ...prepareTeamStatements(db),
    getSetting: p('SELECT value FROM settings WHERE key = ?').pluck(),
    setSetting: p(`INSERT INTO settings (key, value) VALUES (?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`),

    getChannel: p('SELECT * FROM channels WHERE id = ?'),
    channelByKey: p('SELECT * FROM channels WHERE plugin_key = ?'),
    insertChannel: p(`INSERT INTO channels
      (id, name, color, plugin_key, member_secret, allowed_origins, language, created_at) VALUES
      (@id, @name, @color, @plugin_key, @member_secret, @allowed_origins, @language, @created_at)`),
    updateChannel: p(`UPDATE channels SET name = @name, color = @color, plugin_key = @plugin_key,
      member_secret = @member_secret, allowed_origins = @allowed_origins, language = @language WHERE id = @id`),

    getUser: p('SELECT * FROM users WHERE id = ?'),
    findMember: p('SELECT * FROM users WHERE channel_id = ? AND member_id = ? AND member_verified = 1'),
    insertUser: p(`INSERT INTO users (id, channel_id, member_id, member_verified, name, language, profile, tags,
      unsubscribe_email, unsubscribe_texting, created_at, updated_at, search_body) VALUES
      (@id, @channel_id, @member_id, @member_verified, @name, @language, @profile, @tags,
       @unsubscribe_email, @unsubscribe_texting, @created_at, @updated_at, @search_body)`),
    updateUser: p(`UPDATE users SET member_id = @member_id, member_verified = @member_verified, name = @name, language = @language,
      profile = @profile, tags = @tags, unsubscribe_email = @unsubscribe_email,
      unsubscribe_texting = @unsubscribe_texting, updated_at = @updated_at, search_body = @search_body WHERE id = @id`),

    insertSession: p('INSERT INTO sessions (token_hash, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?)'),
    findSession: p(`SELECT s.user_id AS userId, s.last_used_at AS lastUsedAt, u.member_id IS NOT NULL AS member
      FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`),
    touchSession: p('UPDATE sessions SET last_used_at = ? WHERE token_hash = ?'),
    deleteSession: p('DELETE FROM sessions WHERE token_hash = ?'),
    // Bounded, so a purge never holds the write lock for long; the caller repeats until done.
    purgeSessions: p(`DELETE FROM sessions WHERE rowid IN (
      SELECT s.rowid FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.last_used_at < @latest
        AND s.last_used_at < CASE WHEN u.member_id IS NULL THEN @visitorBefore ELSE @memberBefore END
      LIMIT @limit)`),

    chatDetail: chatDetailById(db),
    listChats: chatListQuery(db),
    chatByClientId: p('SELECT * FROM chats WHERE user_id = ? AND client_id = ?'),
    insertChat: p(`INSERT INTO chats (id, channel_id, user_id, state, profile, client_id, read_seq,
      created_at, updated_at, activity_at, metrics_tally, goal_deadline, assignee_id, search_body) VALUES (@id, @channel_id, @user_id, @state,
      @profile, @client_id, @read_seq, @created_at, @updated_at, @activity_at, @metrics_tally, @goal_deadline, @assignee_id, @search_body)`),
    updateChat: p(`UPDATE chats SET state = @state, profile = @profile, read_seq = @read_seq,
      updated_at = @updated_at, activity_at = @activity_at, metrics_tally = @metrics_tally,
      goal_deadline = @goal_deadline, assignee_id = @assignee_id, search_body = @search_body WHERE id = @id`),
    expiredGoalChats: p('SELECT * FROM chats WHERE goal_deadline IS NOT NULL AND goal_deadline < ? ORDER BY goal_deadline LIMIT ?'),
    pendingGoalChats: p('SELECT * FROM chats WHERE user_id = ? AND goal_deadline IS NOT NULL'),
    goal: p('SELECT event_name, window_days FROM channel_goals WHERE channel_id = ?'),
    saveGoal: p(`INSERT INTO channel_goals (channel_id, event_name, window_days, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (channel_id) DO UPDATE SET event_name = excluded.event_name,
      window_days = excluded.window_days, updated_at = excluded.updated_at`),

    profileFields: p('SELECT * FROM profile_fields WHERE channel_id = ? ORDER BY position, key'),
    insertProfileField: p(`INSERT INTO profile_fields
      (channel_id, key, type, names, position, archived, ready_made, options) VALUES
      (@channel_id, @key, @type, @names, @position, @archived, @ready_made, @options)`),
    // Type, key and ready_made never change once a field exists.
    updateProfileField: p(`UPDATE profile_fields SET names = @names, position = @position,
      archived = @archived, options = @options WHERE channel_id = @channel_id AND key = @key`),
    deleteProfileField: p('DELETE FROM profile_fields WHERE channel_id = ? AND key = ?'),
    removeChatProfileKey: p(`UPDATE chats SET profile = json_remove(profile, @path)
      WHERE channel_id = @channelId AND json_type(profile, @path) IS NOT NULL`),

    insertMessage: p(`INSERT INTO messages
      (id, chat_id, seq, author, text, author_name, author_id, author_avatar_url, client_id, created_at, form, template) VALUES
      (@id, @chat_id, @seq, @author, @text, @author_name, @author_id, @author_avatar_url, @client_id, @created_at, @form, @template)`),
    indexMessage: p('INSERT INTO message_search (rowid, body) VALUES (?, ?)'),
    getMessage: p('SELECT * FROM messages WHERE id = ?'),
    updateMessageForm: p('UPDATE messages SET form = ? WHERE id = ?'),
    messageByClientId: p('SELECT * FROM messages WHERE chat_id = ? AND author = ? AND client_id = ?'),
    listMessages: p('SELECT * FROM messages WHERE chat_id = ? ORDER BY seq'),
    listMessagesBefore: p(`SELECT * FROM messages WHERE chat_id = @chatId AND seq < @before
      ORDER BY seq DESC LIMIT @limit`),
    lastMessageSeq: p('SELECT COALESCE(MAX(seq), 0) FROM messages WHERE chat_id = ?').pluck(),

    csatSettings: p('SELECT rule FROM csat_settings WHERE channel_id = ?').pluck(),
    saveCsatSettings: p(`INSERT INTO csat_settings (channel_id, rule, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (channel_id) DO UPDATE SET rule = excluded.rule, updated_at = excluded.updated_at`),
    operatingHours: p('SELECT hours FROM operating_hours WHERE channel_id = ?').pluck(),
    saveOperatingHours: p(`INSERT INTO operating_hours (channel_id, hours, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (channel_id) DO UPDATE SET hours = excluded.hours, updated_at = excluded.updated_at`),
    displaySettings: p('SELECT hidden FROM display_settings WHERE channel_id = ?').pluck(),
    saveDisplaySettings: p(`INSERT INTO display_settings (channel_id, hidden, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (channel_id) DO UPDATE SET hidden = excluded.hidden, updated_at = excluded.updated_at`),
    insertSurvey: p(`INSERT INTO csat_surveys (message_id, chat_id, token_hash, created_at)
      VALUES (@message_id, @chat_id, @token_hash, @created_at)`),
    surveyByTokenHash: p('SELECT * FROM csat_surveys WHERE token_hash = ?'),
    surveyByMessage: p('SELECT * FROM csat_surveys WHERE message_id = ?'),
    latestSurvey: p(`SELECT s.* FROM csat_surveys s JOIN messages m ON m.id = s.message_id
      WHERE s.chat_id = ? ORDER BY m.seq DESC LIMIT 1`),
    hasUnansweredSurvey: p(`SELECT EXISTS (SELECT 1 FROM csat_surveys s WHERE s.chat_id = ? AND s.skipped_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM csat_answers a WHERE a.message_id = s.message_id))`).pluck(),
    answerOfSurvey: p('SELECT * FROM csat_answers WHERE message_id = ?'),
    // Surveys still holding their chat (src/shared/csat/surveyHoldsChat.ts): required, not
    // skipped, and without their score, or without the comment that commentRequired asks for.
    holdingSurveys: p(`SELECT m.* FROM csat_surveys s
      JOIN chats c ON c.id = s.chat_id
      JOIN messages m ON m.id = s.message_id
      LEFT JOIN csat_answers a ON a.message_id = s.message_id
      WHERE c.channel_id = ? AND s.skipped_at IS NULL AND json_extract(m.form, '$.required') = 1
        AND (a.message_id IS NULL OR (a.comment IS NULL AND json_extract(m.form, '$.commentRequired') = 1))
      ORDER BY m.created_at, m.chat_id, m.seq`),
    // The same order as answerScales: the answer profile.csat holds.
    latestAnswer: p('SELECT * FROM csat_answers WHERE chat_id = ? ORDER BY answered_at DESC, rowid DESC LIMIT 1'),
    // A survey's scale is in its form, so unanswered surveys count under their scale too.
    countSurveys: p(`SELECT json_extract(m.form, '$.scale') AS scale, a.score AS score,
        s.skipped_at IS NOT NULL AS declined, COUNT(*) AS count
      FROM csat_surveys s
      JOIN chats c ON c.id = s.chat_id
      JOIN messages m ON m.id = s.message_id
      LEFT JOIN csat_answers a ON a.message_id = s.message_id
      WHERE c.channel_id = @channelId AND s.created_at >= @from AND s.created_at < @to
      GROUP BY 1, 2, 3`),
    skipSurvey: p('UPDATE csat_surveys SET skipped_at = ? WHERE message_id = ?'),
    commentAnswer: p('UPDATE csat_answers SET comment = ? WHERE message_id = ?'),
    groupChats: groupedChatsQuery(db),
    // The latest answer of each chat is the one its profile.csat holds.
    answerScales: p(`SELECT a.chat_id AS chatId, a.scale AS scale FROM csat_answers a
      JOIN chats c ON c.id = a.chat_id
      WHERE c.channel_id = ? AND a.rowid = (SELECT b.rowid FROM csat_answers b WHERE b.chat_id = a.chat_id
        ORDER BY b.answered_at DESC, b.rowid DESC LIMIT 1)`),
    answerById: p('SELECT * FROM csat_answers WHERE answer_id = ?'),
    insertAnswer: p(`INSERT INTO csat_answers
      (chat_id, message_id, answer_id, score, scale, comment, answered_at, via) VALUES
      (@chat_id, @message_id, @answer_id, @score, @scale, @comment, @answered_at, @via)`),

    // AUTOINCREMENT keeps the highest seq ever used here, so a reserved seq is never reused.
    sequence: p(`SELECT seq FROM sqlite_sequence WHERE name = 'events'`).pluck(),
    insertEvent: p(`INSERT INTO events
      (seq, channel_id, user_id, chat_id, type, payload, created_at) VALUES
      (@seq, @channel_id, @user_id, @chat_id, @type, @payload, @created_at)`),
    eventsAll: p(`SELECT * FROM events WHERE seq > @after AND seq <= @upTo
      ORDER BY seq LIMIT @limit`),
    eventsOfChannel: p(`SELECT * FROM events WHERE channel_id = @channelId
      AND seq > @after AND seq <= @upTo ORDER BY seq LIMIT @limit`),
    eventsOfUser: p(`SELECT * FROM events WHERE user_id = @userId
      AND seq > @after AND seq <= @upTo ORDER BY seq LIMIT @limit`),
    latestSeq: p('SELECT COALESCE(MAX(seq), 0) FROM events').pluck(),
    latestSeqOfChannel: p('SELECT COALESCE(MAX(seq), 0) FROM events WHERE channel_id = ?').pluck(),

    insertTrack: p(`INSERT INTO events_track (channel_id, user_id, name, properties, created_at)
      VALUES (?, ?, ?, ?, ?)`),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

/**
 * One unit of work on PostgreSQL: the statements of SqliteTx (sqlite/statements.ts,
 * teamStatements.ts) in postgres.js templates. The columns have SQLite's names and JS types
 * (schema.ts), so rows go through the SQLite mappers unchanged. The chat-list and statistics
 * queries live apart (PgQueries.ts); the unit's events are stamped and announced by PgUnits.
 */
import type { CsatSettings } from '../../../../src/shared/csat/index.ts';
import type { OperatingHours } from '../../../../src/shared/operatingHours.ts';
import type { CustomField } from '../../../../src/shared/profile/index.ts';
import type { ChannelGoal, DisplaySettings } from '../../../../src/shared/managerApi.ts';
import type { Author, CsatForm, Message } from '../../../../src/shared/types.ts';
import type {
  ChannelRecord,
  ChatFilter,
  ChatPage,
  ChatRange,
  ChatRecord,
  CsatAnswerRecord,
  ManagerRecord,
  ManagerTokenRecord,
  NewEvent,
  SavedReplyRecord,
  StatsGrouping,
  SurveyRange,
  SurveyRecord,
  TrackRecord,
  UserRecord,
} from '../../domain/types.ts';
import type { EventQuery, SessionPurge, RowRead, SessionRecord, StoreTx } from '../Store.ts';
import { indexText } from '../searchText.ts';
import { csatAnswerParams, surveyParams, toCsatAnswer, toSurvey, type CsatAnswerRow, type SurveyRow } from '../sqlite/csatRows.ts';
import { profileFieldParams, toProfileField, type ProfileFieldRow } from '../sqlite/profileFieldRows.ts';
import * as rows from '../sqlite/rows.ts';
import type { ChannelRow, ChatRow, EventRow, MessageRow, UserRow } from '../sqlite/rows.ts';
import * as team from '../sqlite/teamRows.ts';
import type { ManagerRow, ManagerTokenRow, SavedReplyRow } from '../sqlite/teamRows.ts';
import type { PgQueries } from './PgQueries.ts';
import type { PgTransaction, PgUnit } from './PgUnits.ts';

/** SQLite's NOCASE: only ASCII letters fold, then bytes compare (the "C" collation). */
const ASCII_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ASCII_LOWER = 'abcdefghijklmnopqrstuvwxyz';

export class PgTx implements StoreTx {
  readonly now: number;
  private readonly sql: PgTransaction;

  constructor(
    private readonly unit: PgUnit,
    readonly linkKey: Buffer,
    private readonly queries: PgQueries,
  ) {
    this.now = unit.now;
    this.sql = unit.sql;
  }

  /** The first row of a query, or null. */
  private async one<R>(query: Promise<readonly R[]>): Promise<R | null> {
    return (await query)[0] ?? null;
  }

  async getSetting(key: string) {
    const row = await this.one(this.sql<{ value: string }[]>`SELECT value FROM settings WHERE key = ${key}`);
    return row?.value ?? null;
  }
  async setSetting(key: string, value: string) {
    await this.sql`INSERT INTO settings (key, value) VALUES (${key}, ${value})
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
  }

  async getChannel(id: string) {
    const row = await this.one(this.sql<ChannelRow[]>`SELECT * FROM channels WHERE id = ${id}`);
    return row ? rows.toChannel(row) : null;
  }
  async findChannelByPluginKey(pluginKey: string) {
    const row = await this.one(this.sql<ChannelRow[]>`SELECT * FROM channels WHERE plugin_key = ${pluginKey}`);
    return row ? rows.toChannel(row) : null;
  }
  async insertChannel(channel: ChannelRecord) {
    await this.sql`INSERT INTO channels ${this.sql(rows.channelParams(channel))}`;
  }
  async updateChannel(channel: ChannelRecord) {
    const p = rows.channelParams(channel);
    await this.sql`UPDATE channels SET ${this.sql(p, 'name', 'color', 'plugin_key', 'member_secret', 'allowed_origins', 'language')}
      WHERE id = ${p.id}`;
  }

  async getUser(id: string, read?: RowRead) {
    const row = await this.one(this.sql<UserRow[]>`SELECT * FROM users WHERE id = ${id} ${this.forUpdate(read)}`);
    return row ? rows.toUser(row) : null;
  }
  async findMember(channelId: string, memberId: string, read?: RowRead) {
    const row = await this.one(this.sql<UserRow[]>`SELECT * FROM users
      WHERE channel_id = ${channelId} AND member_id = ${memberId} AND member_verified = 1 ${this.forUpdate(read)}`);
    return row ? rows.toUser(row) : null;
  }
  /** The row lock a read for update takes in the same statement, so it costs no round trip. */
  private forUpdate(read: RowRead | undefined) {
    return read?.forUpdate ? this.sql`FOR UPDATE` : this.sql``;
  }
  /** userParams carries search_body, the text the users_search index reads. */
  async insertUser(user: UserRecord) {
    await this.sql`INSERT INTO users ${this.sql(rows.userParams(user))}`;
  }
  async updateUser(user: UserRecord) {
    const p = rows.userParams(user);
    await this.sql`UPDATE users SET ${this.sql(
      p,
      'member_id',
      'member_verified',
      'name',
      'language',
      'profile',
      'tags',
      'unsubscribe_email',
      'unsubscribe_texting',
      'updated_at',
      'search_body',
    )} WHERE id = ${p.id}`;
  }

  async insertSession(tokenHash: string, userId: string, createdAt: number) {
    await this.sql`INSERT INTO sessions (token_hash, user_id, created_at, last_used_at)
      VALUES (${tokenHash}, ${userId}, ${createdAt}, ${createdAt})`;
  }
  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    return this.one(this.sql<SessionRecord[]>`SELECT s.user_id AS "userId", s.last_used_at AS "lastUsedAt",
        u.member_id IS NOT NULL AS member
      FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ${tokenHash}`);
  }
  async touchSession(tokenHash: string, at: number) {
    await this.sql`UPDATE sessions SET last_used_at = ${at} WHERE token_hash = ${tokenHash}`;
  }
  async deleteSession(tokenHash: string) {
    await this.sql`DELETE FROM sessions WHERE token_hash = ${tokenHash}`;
  }
  /** Bounded, so a purge never holds its row locks for long; the caller repeats until done. */
  async purgeSessions({ visitorBefore, memberBefore, limit }: SessionPurge) {
    const latest = Math.max(visitorBefore, memberBefore);
    const result = await this.sql`DELETE FROM sessions WHERE token_hash IN (
      SELECT s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.last_used_at < ${latest}
        AND s.last_used_at < CASE WHEN u.member_id IS NULL THEN ${visitorBefore}::int8 ELSE ${memberBefore}::int8 END
      LIMIT ${limit})`;
    return result.count;
  }

  /**
   * Locks the chat's row first: units run side by side here, and every write path reads the chat
   * before it writes a changed copy (metrics, unread counts, the read marker), so a second unit
   * on the chat waits for the first to commit and reads what it wrote.
   */
  async getChatDetail(chatId: string) {
    await this.unit.lock('chats', chatId);
    return this.queries.chatDetail(this.sql, chatId);
  }
  async findChatByClientId(userId: string, clientId: string) {
    const row = await this.one(this.sql<ChatRow[]>`SELECT * FROM chats WHERE user_id = ${userId} AND client_id = ${clientId}`);
    return row ? rows.toChat(row) : null;
  }
  async listChatDetails(filter: ChatFilter, page?: ChatPage) {
    return this.queries.listChatDetails(this.sql, filter, page);
  }
  /** chatParams carries search_body, the text the chats_search index reads. */
  async insertChat(chat: ChatRecord) {
    await this.sql`INSERT INTO chats ${this.sql(rows.chatParams(chat))}`;
  }
  async updateChat(chat: ChatRecord) {
    const p = rows.chatParams(chat);
    await this.sql`UPDATE chats SET ${this.sql(
      p,
      'state',
      'profile',
      'read_seq',
      'updated_at',
      'activity_at',
      'metrics_tally',
      'goal_deadline',
      'assignee_id',
      'search_body',
    )} WHERE id = ${p.id}`;
  }

  async listProfileFields(channelId: string) {
    const found = await this.sql<ProfileFieldRow[]>`SELECT * FROM profile_fields WHERE channel_id = ${channelId} ORDER BY position, key`;
    return found.map(toProfileField);
  }
  async insertProfileField(channelId: string, field: CustomField) {
    await this.sql`INSERT INTO profile_fields ${this.sql(profileFieldParams(channelId, field))}`;
  }
  /** Type, key and ready_made never change once a field exists. */
  async updateProfileField(channelId: string, field: CustomField) {
    const p = profileFieldParams(channelId, field);
    await this.sql`UPDATE profile_fields SET ${this.sql(p, 'names', 'position', 'archived', 'options')}
      WHERE channel_id = ${p.channel_id} AND key = ${p.key}`;
  }
  async deleteProfileField(channelId: string, key: string) {
    await this.sql`DELETE FROM profile_fields WHERE channel_id = ${channelId} AND key = ${key}`;
  }
  /**
   * As SQLite's json_remove where json_type is not null: chats holding the key (even as JSON
   * null) lose it. jsonb re-serialises the rest (key order, spacing), which the mappers parse
   * all the same. search_body stays, as SQLite's index does: custom keys are never indexed.
   */
  async removeChatProfileKey(channelId: string, key: string) {
    const result = await this.sql`UPDATE chats SET profile = (profile::jsonb - ${key}::text)::text
      WHERE channel_id = ${channelId} AND profile::jsonb ? ${key}::text`;
    return result.count;
  }

  /** Stores the message with its search text (SQLite puts the same text in message_search). */
  async insertMessage(message: Message) {
    await this.sql`INSERT INTO messages ${this.sql({ ...rows.messageParams(message), search_body: indexText(message.text) })}`;
  }
  async getMessage(id: string) {
    const row = await this.one(this.sql<MessageRow[]>`SELECT * FROM messages WHERE id = ${id}`);
    return row ? rows.toMessage(row) : null;
  }
  async updateMessageForm(id: string, form: CsatForm) {
    await this.sql`UPDATE messages SET form = ${JSON.stringify(form)} WHERE id = ${id}`;
  }
  async findMessageByClientId(chatId: string, author: Author, clientId: string) {
    const row = await this.one(this.sql<MessageRow[]>`SELECT * FROM messages
      WHERE chat_id = ${chatId} AND author = ${author} AND client_id = ${clientId}`);
    return row ? rows.toMessage(row) : null;
  }
  async listMessages(chatId: string) {
    return (await this.sql<MessageRow[]>`SELECT * FROM messages WHERE chat_id = ${chatId} ORDER BY seq`).map(rows.toMessage);
  }
  async listMessagesBefore(chatId: string, before: number | undefined, limit: number) {
    const newest = await this.sql<MessageRow[]>`SELECT * FROM messages
      WHERE chat_id = ${chatId} AND seq < ${before ?? Number.MAX_SAFE_INTEGER} ORDER BY seq DESC LIMIT ${limit}`;
    return [...newest].reverse().map(rows.toMessage);
  }
  async lastMessageSeq(chatId: string) {
    const [{ seq }] = await this.sql<{ seq: number }[]>`SELECT COALESCE(MAX(seq), 0) AS seq FROM messages WHERE chat_id = ${chatId}`;
    return seq;
  }

  async getCsatSettings(channelId: string) {
    const row = await this.one(this.sql<{ rule: string }[]>`SELECT rule FROM csat_settings WHERE channel_id = ${channelId}`);
    return row ? (JSON.parse(row.rule) as CsatSettings) : null;
  }
  async saveCsatSettings(channelId: string, settings: CsatSettings, updatedAt: number) {
    await this.sql`INSERT INTO csat_settings (channel_id, rule, updated_at) VALUES (${channelId}, ${JSON.stringify(settings)}, ${updatedAt})
      ON CONFLICT (channel_id) DO UPDATE SET rule = excluded.rule, updated_at = excluded.updated_at`;
  }
  async getOperatingHours(channelId: string) {
    const row = await this.one(this.sql<{ hours: string }[]>`SELECT hours FROM operating_hours WHERE channel_id = ${channelId}`);
    return row ? (JSON.parse(row.hours) as OperatingHours) : null;
  }
  async saveOperatingHours(channelId: string, hours: OperatingHours, updatedAt: number) {
    await this.sql`INSERT INTO operating_hours (channel_id, hours, updated_at) VALUES (${channelId}, ${JSON.stringify(hours)}, ${updatedAt})
      ON CONFLICT (channel_id) DO UPDATE SET hours = excluded.hours, updated_at = excluded.updated_at`;
  }

  async getDisplaySettings(channelId: string) {
    const row = await this.one(this.sql<{ hidden: string }[]>`SELECT hidden FROM display_settings WHERE channel_id = ${channelId}`);
    return row ? { hidden: JSON.parse(row.hidden) as string[] } : null;
  }
  async saveDisplaySettings(channelId: string, settings: DisplaySettings, updatedAt: number) {
    await this.sql`INSERT INTO display_settings (channel_id, hidden, updated_at) VALUES (${channelId}, ${JSON.stringify(settings.hidden)}, ${updatedAt})
      ON CONFLICT (channel_id) DO UPDATE SET hidden = excluded.hidden, updated_at = excluded.updated_at`;
  }

  async getGoal(channelId: string) {
    const row = await this.one(this.sql<{ event_name: string | null; window_days: number }[]>`SELECT event_name, window_days
      FROM channel_goals WHERE channel_id = ${channelId}`);
    return row ? { eventName: row.event_name, windowDays: row.window_days } : null;
  }
  async saveGoal(channelId: string, goal: ChannelGoal, updatedAt: number) {
    await this.sql`INSERT INTO channel_goals (channel_id, event_name, window_days, updated_at)
      VALUES (${channelId}, ${goal.eventName}, ${goal.windowDays}, ${updatedAt})
      ON CONFLICT (channel_id) DO UPDATE SET event_name = excluded.event_name,
        window_days = excluded.window_days, updated_at = excluded.updated_at`;
  }
  /** Ties on the deadline by id: SQLite's come in rowid order, which PostgreSQL has not. */
  async listExpiredGoalChats(now: number, limit: number) {
    // Locked: the goal's settling writes each one back (and another instance may be settling too).
    const found = await this.sql<ChatRow[]>`SELECT * FROM chats WHERE goal_deadline IS NOT NULL AND goal_deadline < ${now}
      ORDER BY goal_deadline, id LIMIT ${limit} FOR UPDATE`;
    return found.map(rows.toChat);
  }
  /** SQLite gives no order (rowid order in practice, creation); this one is fixed the same way. */
  async listPendingGoalChats(userId: string) {
    // Locked: a reached goal writes each one back.
    const found = await this.sql<ChatRow[]>`SELECT * FROM chats WHERE user_id = ${userId} AND goal_deadline IS NOT NULL
      ORDER BY created_at, id FOR UPDATE`;
    return found.map(rows.toChat);
  }

  async insertSurvey(survey: SurveyRecord) {
    await this.sql`INSERT INTO csat_surveys ${this.sql(surveyParams(survey), 'message_id', 'chat_id', 'token_hash', 'created_at')}`;
  }
  async findSurveyByTokenHash(tokenHash: string) {
    return this.survey(this.sql<SurveyRow[]>`SELECT * FROM csat_surveys WHERE token_hash = ${tokenHash}`);
  }
  async findSurveyByMessage(messageId: string) {
    return this.survey(this.sql<SurveyRow[]>`SELECT * FROM csat_surveys WHERE message_id = ${messageId}`);
  }
  async latestSurvey(chatId: string) {
    return this.survey(this.sql<SurveyRow[]>`SELECT s.* FROM csat_surveys s JOIN messages m ON m.id = s.message_id
      WHERE s.chat_id = ${chatId} ORDER BY m.seq DESC LIMIT 1`);
  }
  async hasUnansweredSurvey(chatId: string) {
    const [{ waiting }] = await this.sql<{ waiting: boolean }[]>`SELECT EXISTS (
      SELECT 1 FROM csat_surveys s WHERE s.chat_id = ${chatId} AND s.skipped_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM csat_answers a WHERE a.message_id = s.message_id)) AS waiting`;
    return waiting;
  }
  async findAnswerOfSurvey(messageId: string) {
    return this.answer(this.sql<CsatAnswerRow[]>`SELECT * FROM csat_answers WHERE message_id = ${messageId}`);
  }
  /**
   * Surveys still holding their chat (src/shared/csat/surveyHoldsChat.ts). SQLite's
   * `json_extract(...) = 1` holds for JSON true and for 1, hence the two jsonb values.
   */
  async listHoldingSurveys(channelId: string) {
    const found = await this.sql<MessageRow[]>`SELECT m.* FROM csat_surveys s
      JOIN chats c ON c.id = s.chat_id
      JOIN messages m ON m.id = s.message_id
      LEFT JOIN csat_answers a ON a.message_id = s.message_id
      WHERE c.channel_id = ${channelId} AND s.skipped_at IS NULL
        AND m.form::jsonb -> 'required' IN ('true'::jsonb, '1'::jsonb)
        AND (a.message_id IS NULL OR (a.comment IS NULL AND m.form::jsonb -> 'commentRequired' IN ('true'::jsonb, '1'::jsonb)))
      ORDER BY m.created_at, m.chat_id, m.seq`;
    return found.map(rows.toMessage);
  }
  /** The latest answered, then the latest stored (rowid: schema.ts migration 2), as listAnswerScales. */
  async latestAnswer(chatId: string) {
    return this.answer(this.sql<CsatAnswerRow[]>`SELECT * FROM csat_answers WHERE chat_id = ${chatId}
      ORDER BY answered_at DESC, rowid DESC LIMIT 1`);
  }
  async countSurveys(channelId: string, range: SurveyRange) {
    return this.queries.countSurveys(this.sql, channelId, range);
  }
  async skipSurvey(messageId: string, skippedAt: number) {
    await this.sql`UPDATE csat_surveys SET skipped_at = ${skippedAt} WHERE message_id = ${messageId}`;
  }
  async addAnswerComment(messageId: string, comment: string) {
    await this.sql`UPDATE csat_answers SET comment = ${comment} WHERE message_id = ${messageId}`;
  }
  async groupChats(channelId: string, grouping: StatsGrouping, range: ChatRange, limit: number) {
    return this.queries.groupChats(this.sql, channelId, grouping, range, limit);
  }
  async listAnswerScales(channelId: string) {
    return this.queries.listAnswerScales(this.sql, channelId);
  }
  async findAnswerById(answerId: string) {
    return this.answer(this.sql<CsatAnswerRow[]>`SELECT * FROM csat_answers WHERE answer_id = ${answerId}`);
  }
  async insertAnswer(answer: CsatAnswerRecord) {
    await this.sql`INSERT INTO csat_answers ${this.sql(csatAnswerParams(answer))}`;
  }
  private async survey(query: Promise<readonly SurveyRow[]>) {
    const row = await this.one(query);
    return row ? toSurvey(row) : null;
  }
  private async answer(query: Promise<readonly CsatAnswerRow[]>) {
    const row = await this.one(query);
    return row ? toCsatAnswer(row) : null;
  }

  /** Stamped at commit (PgUnits), unless the unit reads the log first. */
  async appendEvent(event: NewEvent) {
    this.unit.appendEvent(event);
  }
  /** A unit that reads the log after appending sees its own events, as on SQLite (PgUnit.settle). */
  async listEvents({ after, upTo, channelId, userId, limit }: EventQuery) {
    await this.unit.settle();
    const sql = this.sql;
    const of = userId ? sql`AND user_id = ${userId}` : channelId ? sql`AND channel_id = ${channelId}` : sql``;
    const found = await sql<EventRow[]>`SELECT * FROM events WHERE seq > ${after} AND seq <= ${upTo} ${of} ORDER BY seq LIMIT ${limit}`;
    return found.map(rows.toEvent);
  }
  async latestSeq(channelId?: string) {
    await this.unit.settle();
    const of = channelId ? this.sql`WHERE channel_id = ${channelId}` : this.sql``;
    const [{ seq }] = await this.sql<{ seq: number }[]>`SELECT COALESCE(MAX(seq), 0) AS seq FROM events ${of}`;
    return seq;
  }

  async insertTrack(track: TrackRecord) {
    await this.sql`INSERT INTO events_track (channel_id, user_id, name, properties, created_at)
      VALUES (${track.channelId}, ${track.userId}, ${track.name}, ${JSON.stringify(track.properties)}, ${track.createdAt})`;
  }

  async listManagers() {
    return (await this.sql<ManagerRow[]>`SELECT * FROM managers ORDER BY created_at, id`).map(team.toManager);
  }
  async getManager(id: string) {
    const row = await this.one(this.sql<ManagerRow[]>`SELECT * FROM managers WHERE id = ${id}`);
    return row ? team.toManager(row) : null;
  }
  /** Without case, as SQLite's COLLATE NOCASE column; lower(email) is the unique index's key. */
  async findManagerByEmail(email: string) {
    const row = await this.one(this.sql<ManagerRow[]>`SELECT * FROM managers WHERE lower(email) = lower(${email})`);
    return row ? team.toManager(row) : null;
  }
  async insertManager(manager: ManagerRecord) {
    await this.sql`INSERT INTO managers ${this.sql(team.managerParams(manager))}`;
  }
  async updateManager(manager: ManagerRecord) {
    const p = team.managerParams(manager);
    await this.sql`UPDATE managers SET ${this.sql(p, 'name', 'email', 'avatar_url', 'role', 'password_hash', 'updated_at')}
      WHERE id = ${p.id}`;
  }
  /** Its tokens and read markers go with it (ON DELETE CASCADE). */
  async deleteManager(id: string) {
    await this.sql`DELETE FROM managers WHERE id = ${id}`;
  }

  async insertManagerToken(token: ManagerTokenRecord) {
    await this.sql`INSERT INTO manager_tokens ${this.sql(team.managerTokenParams(token))}`;
  }
  async findManagerToken(tokenHash: string) {
    const row = await this.one(this.sql<ManagerTokenRow[]>`SELECT * FROM manager_tokens WHERE token_hash = ${tokenHash}`);
    return row ? team.toManagerToken(row) : null;
  }
  async listManagerTokens(managerId: string, kind: ManagerTokenRecord['kind']) {
    const found = await this.sql<ManagerTokenRow[]>`SELECT * FROM manager_tokens WHERE manager_id = ${managerId} AND kind = ${kind}
      ORDER BY created_at, id`;
    return found.map(team.toManagerToken);
  }
  async deleteManagerToken(id: string) {
    await this.sql`DELETE FROM manager_tokens WHERE id = ${id}`;
  }
  async touchManagerToken(id: string, at: number) {
    await this.sql`UPDATE manager_tokens SET last_used_at = ${at} WHERE id = ${id}`;
  }
  async purgeManagerTokens(now: number) {
    return (await this.sql`DELETE FROM manager_tokens WHERE expires_at IS NOT NULL AND expires_at < ${now}`).count;
  }

  /** By title as SQLite's COLLATE NOCASE orders it (ASCII letters folded, then bytes), then id. */
  async listSavedReplies(channelId: string) {
    const found = await this.sql<SavedReplyRow[]>`SELECT * FROM saved_replies WHERE channel_id = ${channelId}
      ORDER BY translate(title, ${ASCII_UPPER}, ${ASCII_LOWER}) COLLATE "C", id`;
    return found.map(team.toSavedReply);
  }
  async getSavedReply(id: string) {
    const row = await this.one(this.sql<SavedReplyRow[]>`SELECT * FROM saved_replies WHERE id = ${id}`);
    return row ? team.toSavedReply(row) : null;
  }
  async insertSavedReply(reply: SavedReplyRecord) {
    await this.sql`INSERT INTO saved_replies ${this.sql(team.savedReplyParams(reply))}`;
  }
  async updateSavedReply(reply: SavedReplyRecord) {
    const p = team.savedReplyParams(reply);
    await this.sql`UPDATE saved_replies SET ${this.sql(p, 'title', 'text', 'updated_at')} WHERE id = ${p.id}`;
  }
  async deleteSavedReply(id: string) {
    await this.sql`DELETE FROM saved_replies WHERE id = ${id}`;
  }

  /** A read marker only moves forward. */
  async markReadByManager(managerId: string, chatId: string, seq: number) {
    await this.sql`INSERT INTO manager_reads (manager_id, chat_id, seq) VALUES (${managerId}, ${chatId}, ${seq})
      ON CONFLICT (manager_id, chat_id) DO UPDATE SET seq = GREATEST(manager_reads.seq, excluded.seq)`;
  }
  /** One round trip for the whole page of chats, rather than SQLite's statement per chat. */
  async unreadOfManager(managerId: string, chatIds: readonly string[]) {
    const unread = new Map<string, number>();
    if (chatIds.length === 0) return unread;
    const counts = await this.sql<{ chat_id: string; unread: number }[]>`SELECT ids.chat_id,
        (SELECT COUNT(*) FROM messages m WHERE m.chat_id = ids.chat_id AND m.author = 'customer'
          AND m.seq > COALESCE((SELECT r.seq FROM manager_reads r WHERE r.manager_id = ${managerId} AND r.chat_id = ids.chat_id), 0)) AS unread
      FROM unnest(${this.sql.array([...chatIds])}::text[]) AS ids(chat_id)`;
    for (const chatId of chatIds) unread.set(chatId, 0);
    for (const row of counts) unread.set(row.chat_id, row.unread);
    return unread;
  }
}

/**
 * One unit of work on SQLite. better-sqlite3 is synchronous; the methods are async only to honour
 * the Store interface. SqliteStore guarantees no other unit of work runs while this one is open.
 */
import type { CsatSettings } from '../../../../src/shared/csat/index.ts';
import type { OperatingHours } from '../../../../src/shared/operatingHours.ts';
import type { CustomField } from '../../../../src/shared/profile/index.ts';
import type { ChannelGoal, DisplaySettings } from '../../../../src/shared/managerApi.ts';
import type { Author, CsatForm, Message } from '../../../../src/shared/types.ts';
import type {
  ChannelRecord,
  ChatRange,
  ChatRecord,
  CsatAnswerRecord,
  EventRecord,
  ManagerRecord,
  ManagerTokenRecord,
  NewEvent,
  SavedReplyRecord,
  SurveyCount,
  SurveyRange,
  StatsGrouping,
  SurveyRecord,
  TrackRecord,
  UserRecord,
} from '../../domain/types.ts';
import type { Scale } from '../../../../src/shared/csat/index.ts';
import type { EventQuery, SessionPurge, StoreTx } from '../Store.ts';
import { csatAnswerParams, surveyParams, toCsatAnswer, toSurvey, type CsatAnswerRow, type SurveyRow } from './csatRows.ts';
import type { ChannelRow, ChatDetailRow, ChatRow, EventRow, MessageRow, UserRow } from './rows.ts';
import { profileFieldParams, toProfileField, type ProfileFieldRow } from './profileFieldRows.ts';
import * as rows from './rows.ts';
import { indexText } from '../searchText.ts';
import * as team from './teamRows.ts';
import type { ManagerRow, ManagerTokenRow, SavedReplyRow } from './teamRows.ts';
import type { Statements } from './statements.ts';

export class SqliteTx implements StoreTx {
  /** Events appended in this unit of work, published by the store once committed. */
  readonly appended: EventRecord[] = [];

  constructor(
    private readonly s: Statements,
    readonly now: number,
    readonly linkKey: Buffer,
  ) {}

  async getSetting(key: string) {
    return (this.s.getSetting.get(key) as string | undefined) ?? null;
  }
  async setSetting(key: string, value: string) {
    this.s.setSetting.run(key, value);
  }

  async getChannel(id: string) {
    const row = this.s.getChannel.get(id) as ChannelRow | undefined;
    return row ? rows.toChannel(row) : null;
  }
  async findChannelByPluginKey(pluginKey: string) {
    const row = this.s.channelByKey.get(pluginKey) as ChannelRow | undefined;
    return row ? rows.toChannel(row) : null;
  }
  async insertChannel(channel: ChannelRecord) {
    this.s.insertChannel.run(rows.channelParams(channel));
  }
  async updateChannel(channel: ChannelRecord) {
    this.s.updateChannel.run(rows.channelParams(channel));
  }

  async getUser(id: string) {
    const row = this.s.getUser.get(id) as UserRow | undefined;
    return row ? rows.toUser(row) : null;
  }
  async findMember(channelId: string, memberId: string) {
    const row = this.s.findMember.get(channelId, memberId) as UserRow | undefined;
    return row ? rows.toUser(row) : null;
  }
  async insertUser(user: UserRecord) {
    this.s.insertUser.run(rows.userParams(user));
  }
  async updateUser(user: UserRecord) {
    this.s.updateUser.run(rows.userParams(user));
  }

  async insertSession(tokenHash: string, userId: string, createdAt: number) {
    this.s.insertSession.run(tokenHash, userId, createdAt, createdAt);
  }
  async findSession(tokenHash: string) {
    const row = this.s.findSession.get(tokenHash) as { userId: string; lastUsedAt: number; member: number } | undefined;
    return row ? { userId: row.userId, lastUsedAt: row.lastUsedAt, member: row.member === 1 } : null;
  }
  async touchSession(tokenHash: string, at: number) {
    this.s.touchSession.run(at, tokenHash);
  }
  async deleteSession(tokenHash: string) {
    this.s.deleteSession.run(tokenHash);
  }
  async purgeSessions({ visitorBefore, memberBefore, limit }: SessionPurge) {
    const latest = Math.max(visitorBefore, memberBefore);
    return this.s.purgeSessions.run({ visitorBefore, memberBefore, latest, limit }).changes;
  }

  async getChatDetail(chatId: string) {
    const row = this.s.chatDetail.get(chatId) as ChatDetailRow | undefined;
    return row ? rows.toChatDetail(row) : null;
  }
  async findChatByClientId(userId: string, clientId: string) {
    const row = this.s.chatByClientId.get(userId, clientId) as ChatRow | undefined;
    return row ? rows.toChat(row) : null;
  }
  async listChatDetails(...[filter, page]: Parameters<StoreTx['listChatDetails']>) {
    return (this.s.listChats(filter, page) as ChatDetailRow[]).map(rows.toChatDetail);
  }
  async insertChat(chat: ChatRecord) {
    this.s.insertChat.run(rows.chatParams(chat));
  }
  async updateChat(chat: ChatRecord) {
    this.s.updateChat.run(rows.chatParams(chat));
  }

  async listProfileFields(channelId: string) {
    return (this.s.profileFields.all(channelId) as ProfileFieldRow[]).map(toProfileField);
  }
  async insertProfileField(channelId: string, field: CustomField) {
    this.s.insertProfileField.run(profileFieldParams(channelId, field));
  }
  async updateProfileField(channelId: string, field: CustomField) {
    this.s.updateProfileField.run(profileFieldParams(channelId, field));
  }
  async deleteProfileField(channelId: string, key: string) {
    this.s.deleteProfileField.run(channelId, key);
  }
  async removeChatProfileKey(channelId: string, key: string) {
    // Keys are `profile.` + letters, digits and _ (CUSTOM_KEY), so quoting them makes a safe path.
    return this.s.removeChatProfileKey.run({ channelId, path: `$."${key}"` }).changes;
  }

  async insertMessage(message: Message) {
    const { lastInsertRowid } = this.s.insertMessage.run(rows.messageParams(message));
    this.s.indexMessage.run(lastInsertRowid, indexText(message.text));
  }
  async getMessage(id: string) {
    const row = this.s.getMessage.get(id) as MessageRow | undefined;
    return row ? rows.toMessage(row) : null;
  }
  async updateMessageForm(id: string, form: CsatForm) {
    this.s.updateMessageForm.run(JSON.stringify(form), id);
  }
  async findMessageByClientId(chatId: string, author: Author, clientId: string) {
    const row = this.s.messageByClientId.get(chatId, author, clientId) as MessageRow | undefined;
    return row ? rows.toMessage(row) : null;
  }
  async listMessages(chatId: string) {
    return (this.s.listMessages.all(chatId) as MessageRow[]).map(rows.toMessage);
  }
  async listMessagesBefore(chatId: string, before: number | undefined, limit: number) {
    const newest = this.s.listMessagesBefore.all({ chatId, before: before ?? Number.MAX_SAFE_INTEGER, limit });
    return (newest as MessageRow[]).reverse().map(rows.toMessage);
  }
  async lastMessageSeq(chatId: string) {
    return this.s.lastMessageSeq.get(chatId) as number;
  }

  async getCsatSettings(channelId: string) {
    const rule = this.s.csatSettings.get(channelId) as string | undefined;
    return rule === undefined ? null : (JSON.parse(rule) as CsatSettings);
  }
  async saveCsatSettings(channelId: string, settings: CsatSettings, updatedAt: number) {
    this.s.saveCsatSettings.run(channelId, JSON.stringify(settings), updatedAt);
  }
  async getOperatingHours(channelId: string) {
    const hours = this.s.operatingHours.get(channelId) as string | undefined;
    return hours === undefined ? null : (JSON.parse(hours) as OperatingHours);
  }
  async saveOperatingHours(channelId: string, hours: OperatingHours, updatedAt: number) {
    this.s.saveOperatingHours.run(channelId, JSON.stringify(hours), updatedAt);
  }

  async getDisplaySettings(channelId: string) {
    const hidden = this.s.displaySettings.get(channelId) as string | undefined;
    return hidden === undefined ? null : { hidden: JSON.parse(hidden) as string[] };
  }
  async saveDisplaySettings(channelId: string, settings: DisplaySettings, updatedAt: number) {
    this.s.saveDisplaySettings.run(channelId, JSON.stringify(settings.hidden), updatedAt);
  }

  async getGoal(channelId: string) {
    const row = this.s.goal.get(channelId) as { event_name: string | null; window_days: number } | undefined;
    return row === undefined ? null : { eventName: row.event_name, windowDays: row.window_days };
  }
  async saveGoal(channelId: string, goal: ChannelGoal, updatedAt: number) {
    this.s.saveGoal.run(channelId, goal.eventName, goal.windowDays, updatedAt);
  }
  async listExpiredGoalChats(now: number, limit: number) {
    return (this.s.expiredGoalChats.all(now, limit) as rows.ChatRow[]).map(rows.toChat);
  }
  async listPendingGoalChats(userId: string) {
    return (this.s.pendingGoalChats.all(userId) as rows.ChatRow[]).map(rows.toChat);
  }

  async insertSurvey(survey: SurveyRecord) {
    this.s.insertSurvey.run(surveyParams(survey));
  }
  async findSurveyByTokenHash(tokenHash: string) {
    return this.survey(this.s.surveyByTokenHash.get(tokenHash));
  }
  async findSurveyByMessage(messageId: string) {
    return this.survey(this.s.surveyByMessage.get(messageId));
  }
  async latestSurvey(chatId: string) {
    return this.survey(this.s.latestSurvey.get(chatId));
  }
  async hasUnansweredSurvey(chatId: string) {
    return this.s.hasUnansweredSurvey.get(chatId) === 1;
  }
  async findAnswerOfSurvey(messageId: string) {
    return this.answer(this.s.answerOfSurvey.get(messageId));
  }
  async listHoldingSurveys(channelId: string) {
    return (this.s.holdingSurveys.all(channelId) as MessageRow[]).map(rows.toMessage);
  }
  async latestAnswer(chatId: string) {
    return this.answer(this.s.latestAnswer.get(chatId));
  }
  async countSurveys(channelId: string, { from = 0, to = Number.MAX_SAFE_INTEGER }: SurveyRange) {
    const rows = this.s.countSurveys.all({ channelId, from, to }) as (Omit<SurveyCount, 'declined'> & { declined: number })[];
    return rows.map((row): SurveyCount => ({ ...row, declined: row.declined === 1 }));
  }
  async skipSurvey(messageId: string, skippedAt: number) {
    this.s.skipSurvey.run(skippedAt, messageId);
  }
  async addAnswerComment(messageId: string, comment: string) {
    this.s.commentAnswer.run(comment, messageId);
  }
  async groupChats(channelId: string, grouping: StatsGrouping, range: ChatRange, limit: number) {
    return this.s.groupChats(channelId, grouping, range, limit);
  }
  async listAnswerScales(channelId: string) {
    return this.s.answerScales.all(channelId) as { chatId: string; scale: Scale }[];
  }
  async findAnswerById(answerId: string) {
    return this.answer(this.s.answerById.get(answerId));
  }
  async insertAnswer(answer: CsatAnswerRecord) {
    this.s.insertAnswer.run(csatAnswerParams(answer));
  }
  private survey(row: unknown) {
    return row ? toSurvey(row as SurveyRow) : null;
  }
  private answer(row: unknown) {
    return row ? toCsatAnswer(row as CsatAnswerRow) : null;
  }

  /** Units run one at a time here, so the next seq is the log's last plus one, at once. */
  async appendEvent(pending: NewEvent) {
    const event: EventRecord = { ...pending, seq: ((this.s.sequence.get() as number | undefined) ?? 0) + 1 };
    this.s.insertEvent.run({
      seq: event.seq,
      channel_id: event.channelId,
      user_id: event.userId,
      chat_id: event.chatId,
      type: event.type,
      payload: JSON.stringify(event.payload),
      created_at: event.createdAt,
    });
    this.appended.push(event);
  }
  async listEvents(query: EventQuery) {
    const statement = query.userId
      ? this.s.eventsOfUser
      : query.channelId
        ? this.s.eventsOfChannel
        : this.s.eventsAll;
    return (statement.all(query) as EventRow[]).map(rows.toEvent);
  }
  async latestSeq(channelId?: string) {
    return (
      channelId ? this.s.latestSeqOfChannel.get(channelId) : this.s.latestSeq.get()
    ) as number;
  }

  async insertTrack(track: TrackRecord) {
    const properties = JSON.stringify(track.properties);
    this.s.insertTrack.run(track.channelId, track.userId, track.name, properties, track.createdAt);
  }

  async listManagers() {
    return (this.s.listManagers.all() as ManagerRow[]).map(team.toManager);
  }
  async getManager(id: string) {
    const row = this.s.getManager.get(id) as ManagerRow | undefined;
    return row ? team.toManager(row) : null;
  }
  async findManagerByEmail(email: string) {
    const row = this.s.managerByEmail.get(email) as ManagerRow | undefined;
    return row ? team.toManager(row) : null;
  }
  async insertManager(manager: ManagerRecord) {
    this.s.insertManager.run(team.managerParams(manager));
  }
  async updateManager(manager: ManagerRecord) {
    this.s.updateManager.run(team.managerParams(manager));
  }
  async deleteManager(id: string) {
    this.s.deleteManager.run(id);
  }

  async insertManagerToken(token: ManagerTokenRecord) {
    this.s.insertManagerToken.run(team.managerTokenParams(token));
  }
  async findManagerToken(tokenHash: string) {
    const row = this.s.managerTokenByHash.get(tokenHash) as ManagerTokenRow | undefined;
    return row ? team.toManagerToken(row) : null;
  }
  async listManagerTokens(managerId: string, kind: ManagerTokenRecord['kind']) {
    return (this.s.managerTokens.all(managerId, kind) as ManagerTokenRow[]).map(team.toManagerToken);
  }
  async deleteManagerToken(id: string) {
    this.s.deleteManagerToken.run(id);
  }
  async touchManagerToken(id: string, at: number) {
    this.s.touchManagerToken.run(at, id);
  }
  async purgeManagerTokens(now: number) {
    return this.s.purgeManagerTokens.run(now).changes;
  }

  async listSavedReplies(channelId: string) {
    return (this.s.savedReplies.all(channelId) as SavedReplyRow[]).map(team.toSavedReply);
  }
  async getSavedReply(id: string) {
    const row = this.s.getSavedReply.get(id) as SavedReplyRow | undefined;
    return row ? team.toSavedReply(row) : null;
  }
  async insertSavedReply(reply: SavedReplyRecord) {
    this.s.insertSavedReply.run(team.savedReplyParams(reply));
  }
  async updateSavedReply(reply: SavedReplyRecord) {
    this.s.updateSavedReply.run(team.savedReplyParams(reply));
  }
  async deleteSavedReply(id: string) {
    this.s.deleteSavedReply.run(id);
  }

  async markReadByManager(managerId: string, chatId: string, seq: number) {
    this.s.markRead.run(managerId, chatId, seq);
  }
  async unreadOfManager(managerId: string, chatIds: readonly string[]) {
    const unread = new Map<string, number>();
    for (const chatId of chatIds) unread.set(chatId, this.s.unreadOfManager.get({ managerId, chatId }) as number);
    return unread;
  }
}

/**
 * Persistence behind the domain. Every method is Promise-returning so that a networked database
 * (PostgreSQL) can implement the same interface; the embedded SQLite store resolves at once.
 *
 * All access goes through `transaction`: one unit of work sees a consistent snapshot, and the
 * events it appends are published to `onCommit` listeners only after they are durable, in seq order.
 */
import type { CsatSettings, Scale } from '../../../src/shared/csat/index.ts';
import type { OperatingHours } from '../../../src/shared/operatingHours.ts';
import type { CustomField } from '../../../src/shared/profile/index.ts';
import type { ChannelGoal, DisplaySettings } from '../../../src/shared/managerApi.ts';
import type { Author, CsatForm, Message } from '../../../src/shared/types.ts';
import type {
  ChannelRecord,
  ChatDetail,
  ChatFilter,
  ChatPage,
  ChatRange,
  ChatRecord,
  CsatAnswerRecord,
  EventRecord,
  GroupedCounts,
  ManagerRecord,
  ManagerTokenRecord,
  NewEvent,
  SavedReplyRecord,
  StatsGrouping,
  SurveyCount,
  SurveyRange,
  SurveyRecord,
  TrackRecord,
  UserRecord,
} from '../domain/types.ts';

export interface EventQuery {
  /** Only events with seq greater than this. */
  after: number;
  /** Only events with seq up to this (the horizon of a replay). */
  upTo: number;
  channelId?: string;
  userId?: string;
  limit: number;
}

export interface SessionRecord {
  userId: string;
  lastUsedAt: number;
  /** Whether the user has a member id, which gives the session a member's idle time. */
  member: boolean;
}

export interface SessionPurge {
  /** Visitor sessions last used before this instant go. */
  visitorBefore: number;
  /** Member sessions last used before this instant go. */
  memberBefore: number;
  limit: number;
}

/** How a unit reads a row it may then change (StoreTx.getUser). */
export interface RowRead {
  forUpdate?: boolean;
}

export interface StoreTx {
  /**
   * The time of this unit of work (ms since epoch), read once from the store's clock when it
   * starts, like SQL's transaction timestamp: everything it writes carries the same instant.
   */
  readonly now: number;
  /**
   * The installation's survey-link key (a file beside the database, never in it): links are
   * derived from it, and only their hashes are stored, so a copy of the database opens no survey.
   */
  readonly linkKey: Buffer;

  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;

  getChannel(id: string): Promise<ChannelRecord | null>;
  findChannelByPluginKey(pluginKey: string): Promise<ChannelRecord | null>;
  insertChannel(channel: ChannelRecord): Promise<void>;
  updateChannel(channel: ChannelRecord): Promise<void>;

  /**
   * A user. With `forUpdate` the row stays locked until the unit ends, for a unit that may change
   * it (PostgreSQL; SQLite runs one unit at a time). Locks are taken channel, user, chat.
   */
  getUser(id: string, read?: RowRead): Promise<UserRecord | null>;
  /** The channel's user with this verified member id; unverified ids are labels and match nothing. */
  findMember(channelId: string, memberId: string, read?: RowRead): Promise<UserRecord | null>;
  insertUser(user: UserRecord): Promise<void>;
  updateUser(user: UserRecord): Promise<void>;

  /** Stores a session, last used at its creation. */
  insertSession(tokenHash: string, userId: string, createdAt: number): Promise<void>;
  /** The session of a token hash: its user, when it was last used, and whether that user has a member id. */
  findSession(tokenHash: string): Promise<SessionRecord | null>;
  touchSession(tokenHash: string, at: number): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Deletes at most `limit` sessions unused since their kind's cutoff; returns how many. */
  purgeSessions(purge: SessionPurge): Promise<number>;

  getChatDetail(chatId: string): Promise<ChatDetail | null>;
  findChatByClientId(userId: string, clientId: string): Promise<ChatRecord | null>;
  /** Chats matching `filter`, newest activity first (src/shared/paging.ts); all of them without `page`. */
  listChatDetails(filter: ChatFilter, page?: ChatPage): Promise<ChatDetail[]>;
  insertChat(chat: ChatRecord): Promise<void>;
  updateChat(chat: ChatRecord): Promise<void>;

  /** The channel's custom chat-profile fields, archived ones included, by order. */
  listProfileFields(channelId: string): Promise<CustomField[]>;
  insertProfileField(channelId: string, field: CustomField): Promise<void>;
  /** Saves the names, order and archived flag of an existing field. */
  updateProfileField(channelId: string, field: CustomField): Promise<void>;
  deleteProfileField(channelId: string, key: string): Promise<void>;
  /** Removes one key from the stored profile of every chat of the channel; returns how many changed. */
  removeChatProfileKey(channelId: string, key: string): Promise<number>;

  /** Stores the message, its survey form included when it has one. */
  insertMessage(message: Message): Promise<void>;
  getMessage(id: string): Promise<Message | null>;
  /** Replaces the stored form of a survey message (to record its answer). */
  updateMessageForm(id: string, form: CsatForm): Promise<void>;
  /** The message one author side (`customer`, `manager`) sent under `clientId` in the chat. */
  findMessageByClientId(chatId: string, author: Author, clientId: string): Promise<Message | null>;
  /** Messages of a chat, oldest first. */
  listMessages(chatId: string): Promise<Message[]>;
  /** The `limit` newest messages of a chat with a seq below `before`, oldest first. */
  listMessagesBefore(chatId: string, before: number | undefined, limit: number): Promise<Message[]>;
  /**
   * Highest message seq of a chat (0 when it has none). A message's seq orders it within its chat
   * (read markers, unread counts, paging); the event log has its own.
   */
  lastMessageSeq(chatId: string): Promise<number>;

  /** The channel's stored survey rule, or null while it has never been set. */
  getCsatSettings(channelId: string): Promise<CsatSettings | null>;
  saveCsatSettings(channelId: string, settings: CsatSettings, updatedAt: number): Promise<void>;
  /** The channel's stored operating hours, or null while they have never been set. */
  getOperatingHours(channelId: string): Promise<OperatingHours | null>;
  saveOperatingHours(channelId: string, hours: OperatingHours, updatedAt: number): Promise<void>;

  /** The channel's stored console display settings, or null while they have never been set. */
  getDisplaySettings(channelId: string): Promise<DisplaySettings | null>;
  saveDisplaySettings(channelId: string, settings: DisplaySettings, updatedAt: number): Promise<void>;

  /** The channel's stored goal, or null while it has never been set. */
  getGoal(channelId: string): Promise<ChannelGoal | null>;
  saveGoal(channelId: string, goal: ChannelGoal, updatedAt: number): Promise<void>;
  /** Up to `limit` chats (any channel) whose goal deadline is before `now`, earliest first. */
  listExpiredGoalChats(now: number, limit: number): Promise<ChatRecord[]>;
  /** The user's chats that still carry a goal deadline. */
  listPendingGoalChats(userId: string): Promise<ChatRecord[]>;

  insertSurvey(survey: SurveyRecord): Promise<void>;
  findSurveyByTokenHash(tokenHash: string): Promise<SurveyRecord | null>;
  findSurveyByMessage(messageId: string): Promise<SurveyRecord | null>;
  /** The chat's most recently posted survey. */
  latestSurvey(chatId: string): Promise<SurveyRecord | null>;
  /** Whether any survey of the chat is still waiting for its answer. */
  hasUnansweredSurvey(chatId: string): Promise<boolean>;
  findAnswerOfSurvey(messageId: string): Promise<CsatAnswerRecord | null>;
  /**
   * The channel's survey messages whose form still holds their chat: required, not skipped, and
   * missing the score or the comment its `commentRequired` asks for. Oldest first.
   */
  listHoldingSurveys(channelId: string): Promise<Message[]>;
  /** The chat's latest answer (by answered time, then insertion): the one profile.csat holds. */
  latestAnswer(chatId: string): Promise<CsatAnswerRecord | null>;
  /** The channel's surveys posted within `range`, counted by scale and answered score. */
  countSurveys(channelId: string, range: SurveyRange): Promise<SurveyCount[]>;
  /**
   * The channel's chats created within `range`, grouped by `grouping`: the `limit` values with
   * most chats and the rest summed, with the chats that have no value and those that have one.
   */
  groupChats(channelId: string, grouping: StatsGrouping, range: ChatRange, limit: number): Promise<GroupedCounts>;
  /** For each of the channel's answered chats, the scale of its latest answer (the one profile.csat holds). */
  listAnswerScales(channelId: string): Promise<{ chatId: string; scale: Scale }[]>;
  findAnswerById(answerId: string): Promise<CsatAnswerRecord | null>;
  insertAnswer(answer: CsatAnswerRecord): Promise<void>;
  /** Records that the customer skipped the survey (it then takes no answer). */
  skipSurvey(messageId: string, skippedAt: number): Promise<void>;
  /** Sets the comment of the survey's stored answer, which had none. */
  addAnswerComment(messageId: string, comment: string): Promise<void>;

  /**
   * Appends an event; the store gives it the log's next seq (SQLite at once; PostgreSQL at commit,
   * so that seq order is commit order, or earlier if the unit reads the log after appending).
   */
  appendEvent(event: NewEvent): Promise<void>;
  listEvents(query: EventQuery): Promise<EventRecord[]>;
  /** Highest stored seq, of one channel or of all. */
  latestSeq(channelId?: string): Promise<number>;

  insertTrack(track: TrackRecord): Promise<void>;

  /** Every manager account, oldest first. */
  listManagers(): Promise<ManagerRecord[]>;
  getManager(id: string): Promise<ManagerRecord | null>;
  /** The account of an email address, compared without case. */
  findManagerByEmail(email: string): Promise<ManagerRecord | null>;
  insertManager(manager: ManagerRecord): Promise<void>;
  updateManager(manager: ManagerRecord): Promise<void>;
  /** Deletes the account and every token it holds. */
  deleteManager(id: string): Promise<void>;

  insertManagerToken(token: ManagerTokenRecord): Promise<void>;
  findManagerToken(tokenHash: string): Promise<ManagerTokenRecord | null>;
  /** A manager's tokens of one kind, oldest first. */
  listManagerTokens(managerId: string, kind: ManagerTokenRecord['kind']): Promise<ManagerTokenRecord[]>;
  deleteManagerToken(id: string): Promise<void>;
  touchManagerToken(id: string, at: number): Promise<void>;
  /** Deletes the sign-ins that ended before `now`; returns how many. */
  purgeManagerTokens(now: number): Promise<number>;

  /** The channel's saved replies by title. */
  listSavedReplies(channelId: string): Promise<SavedReplyRecord[]>;
  getSavedReply(id: string): Promise<SavedReplyRecord | null>;
  insertSavedReply(reply: SavedReplyRecord): Promise<void>;
  /** Saves the title, text and update time of an existing reply. */
  updateSavedReply(reply: SavedReplyRecord): Promise<void>;
  deleteSavedReply(id: string): Promise<void>;

  /** Records that the manager has read the chat's messages up to `seq` (a marker never moves back). */
  markReadByManager(managerId: string, chatId: string, seq: number): Promise<void>;
  /** For each chat, how many customer messages the manager has not read. */
  unreadOfManager(managerId: string, chatIds: readonly string[]): Promise<Map<string, number>>;
}

/** Where a store reads the time; tests pass a fixed one. */
export type Clock = () => number;

export type CommitListener = (events: readonly EventRecord[]) => void;

export interface Store {
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Called after each commit that appended events; returns the unsubscribe function. */
  onCommit(listener: CommitListener): () => void;
  close(): Promise<void>;
}

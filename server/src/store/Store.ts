/**
 * Persistence behind the domain. Every method is Promise-returning so that a networked database
 * (PostgreSQL) can implement the same interface; the embedded SQLite store resolves at once.
 *
 * All access goes through `transaction`: one unit of work sees a consistent snapshot, and the
 * events it appends are published to `onCommit` listeners only after they are durable, in seq order.
 */
import type { CsatSettings } from '../../../src/shared/csat/index.ts';
import type { OperatingHours } from '../../../src/shared/operatingHours.ts';
import type { CustomField } from '../../../src/shared/profile/index.ts';
import type { DisplaySettings } from '../../../src/shared/managerApi.ts';
import type { CsatForm, Message } from '../../../src/shared/types.ts';
import type {
  ChannelRecord,
  ChatDetail,
  ChatFilter,
  ChatRecord,
  CsatAnswerRecord,
  EventRecord,
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

  getUser(id: string): Promise<UserRecord | null>;
  findMember(channelId: string, memberId: string): Promise<UserRecord | null>;
  insertUser(user: UserRecord): Promise<void>;
  updateUser(user: UserRecord): Promise<void>;

  insertSession(tokenHash: string, userId: string, createdAt: number): Promise<void>;
  /** The user id a session token hash belongs to. */
  findSession(tokenHash: string): Promise<string | null>;

  getChatDetail(chatId: string): Promise<ChatDetail | null>;
  findChatByClientId(userId: string, clientId: string): Promise<ChatRecord | null>;
  listChatDetails(filter: ChatFilter): Promise<ChatDetail[]>;
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
  findMessageByClientId(chatId: string, clientId: string): Promise<Message | null>;
  /** Messages of a chat, oldest first. */
  listMessages(chatId: string): Promise<Message[]>;
  /** Highest message seq of a chat (0 when it has none). */
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

  insertSurvey(survey: SurveyRecord): Promise<void>;
  findSurveyByTokenHash(tokenHash: string): Promise<SurveyRecord | null>;
  findSurveyByMessage(messageId: string): Promise<SurveyRecord | null>;
  /** The chat's most recently posted survey. */
  latestSurvey(chatId: string): Promise<SurveyRecord | null>;
  /** Whether any survey of the chat is still waiting for its answer. */
  hasUnansweredSurvey(chatId: string): Promise<boolean>;
  findAnswerOfSurvey(messageId: string): Promise<CsatAnswerRecord | null>;
  /** The channel's surveys posted within `range`, counted by scale and answered score. */
  countSurveys(channelId: string, range: SurveyRange): Promise<SurveyCount[]>;
  findAnswerById(answerId: string): Promise<CsatAnswerRecord | null>;
  insertAnswer(answer: CsatAnswerRecord): Promise<void>;

  /** Reserves the next event seq, so a message can carry the seq of the event that announces it. */
  nextEventSeq(): Promise<number>;
  appendEvent(event: EventRecord): Promise<void>;
  listEvents(query: EventQuery): Promise<EventRecord[]>;
  /** Highest stored seq, of one channel or of all. */
  latestSeq(channelId?: string): Promise<number>;

  insertTrack(track: TrackRecord): Promise<void>;
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

/**
 * Records as the domain and the store exchange them. Wire shapes (what crosses HTTP/WS) live in
 * src/shared/types.ts; these carry the extra columns the server needs (channel, read marker, …).
 */
import type { Scale, Score } from '../../../src/shared/csat/index.ts';
import type {
  Chat,
  ChatProfile,
  ChatState,
  Language,
  Message,
  WidgetUser,
} from '../../../src/shared/types.ts';
import type { UserSummary } from '../../../src/shared/managerApi.ts';
import type { Manager, SavedReply } from '../../../src/shared/team.ts';
import type { MetricsTally } from './responseTimes.ts';

export interface ChannelRecord {
  id: string;
  name: string;
  color: string;
  pluginKey: string;
  /** Secret for memberHash; null means member ids are trusted as given. */
  memberSecret: string | null;
  /** Origins allowed to call the widget API; empty admits any origin. */
  allowedOrigins: string[];
  /** The language of what the channel writes for its managers, such as the export's priorities. */
  language: Language;
  createdAt: number;
}

/** The user as the widget sees it, plus the columns only the server keeps. */
export interface UserRecord extends WidgetUser {
  channelId: string;
  /** Whether `memberId` came with a valid memberHash; otherwise it is only a label the browser gave. */
  memberVerified: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface ChatRecord {
  id: string;
  channelId: string;
  userId: string;
  state: ChatState;
  /** Stored profile values; `state` and defaults are added by domain/profile.ts when rendered. */
  profile: ChatProfile;
  clientId: string;
  /** Seq of the last message the customer has seen; later manager/bot messages are unread. */
  readSeq: number;
  createdAt: number;
  updatedAt: number;
  /** Time of the last message (or creation): the order of every chat list. */
  activityAt: number;
  /** What the stored metrics were counted from; absent until a change counts them. */
  tally?: ChatTally;
  /** While the chat's goal is pending: the last moment its event counts (domain/goals.ts). */
  goalDeadline?: number;
  /** The manager who owns the chat; absent while it is unassigned. */
  assigneeId?: string;
}

/** A chat's metrics tally, with a fingerprint of the operating hours it was counted under. */
export interface ChatTally extends MetricsTally {
  hours: string;
}

/** A chat with what every view of it needs, read in one query. */
export interface ChatDetail {
  chat: ChatRecord;
  lastMessage: Message | null;
  unread: number;
  user: UserSummary;
}

export interface ChatFilter {
  channelId?: string;
  userId?: string;
  /** Search text: the customer's name, member id and email, message text, the product, the chat id. */
  q?: string;
  /** Chats this manager owns. */
  assignee?: string;
  /** Chats nobody owns. */
  unassigned?: true;
  state?: ChatState;
  tag?: string;
  csat?: number;
  /** The chat's product as statistics group it: `profile.productName`, else `profile.productId`. */
  product?: string;
  /** Exactly this `source.page`. */
  sourcePage?: string;
  /** A custom key holding this value (equal to a String, one of a List's items). */
  field?: { key: string; value: string };
  /** Created at or after this instant (ms). */
  createdFrom?: number;
  /** Created before this instant (ms). */
  createdTo?: number;
}

/** Where a chat list stands: the (activity, id) of the last chat already listed. */
export interface ChatKey {
  activityAt: number;
  id: string;
}

/** One page of a chat list: at most `limit` chats after `after` (from the newest when absent). */
export interface ChatPage {
  after?: ChatKey;
  limit: number;
}

/** One page of a chat's messages: the `limit` newest with a seq below `before` (all when absent). */
export interface MessagePage {
  before?: number;
  limit: number;
}

/** Items of one page, and whether more follow it. */
export interface Paged<T> {
  items: T[];
  more: boolean;
}

export type EventType = 'message' | 'chat';

/** Snapshot stored with each event so a replay shows what happened then, even after later edits. */
export interface EventPayload {
  chat: Chat;
  user: UserSummary;
  /** Unread count of the chat for its customer right after the change. */
  unread: number;
  message?: Message;
  /** Who owns the chat; managers only. Absent while unassigned (and in events from before assignees). */
  assigneeId?: string;
}

/** An event as a unit of work records it: the store gives its seq (StoreTx.appendEvent). */
export type NewEvent = Omit<EventRecord, 'seq'>;

export interface EventRecord {
  seq: number;
  channelId: string;
  userId: string;
  chatId: string;
  type: EventType;
  payload: EventPayload;
  createdAt: number;
}

/** A survey posted into a chat, and the customer link that answers it from outside the widget. */
export interface SurveyRecord {
  messageId: string;
  chatId: string;
  /**
   * SHA-256 (hex) of the `/csat/<token>` link's token. The token itself is never stored: it is
   * derived again from the installation's link key when a manager asks for the link.
   */
  tokenHash: string;
  createdAt: number;
  /** When the customer skipped it; null (or absent, on a survey not read back) while not skipped. */
  skippedAt?: number | null;
}

/** Surveys posted in `from ≤ postedAt < to` (ms); an absent bound is open. */
export interface SurveyRange {
  from?: number;
  to?: number;
}

/** Chats created in `from ≤ createdAt < to` (ms); an absent bound is open. */
export type ChatRange = SurveyRange;

/**
 * What statistics group chats by: their product, source page, tags, or one String or List custom
 * field's values (each item of a List counts apart).
 */
export type StatsGrouping =
  | { kind: 'product' }
  | { kind: 'page' }
  | { kind: 'tag' }
  | { kind: 'assignee' }
  | { kind: 'field'; key: string };

/** Sums over a set of chats, as the store counts them. */
export interface StatsCount {
  chats: number;
  /** Surveys posted into those chats, and how many of them were answered, with the scores' sum. */
  sent: number;
  answered: number;
  /** Surveys the customer skipped. */
  declined: number;
  scoreTotal: number;
  achieved: number;
  notAchieved: number;
  pending: number;
}

/** One value's sums; `value` null for the remainder past the limit, which sums `values` of them. */
export interface StatsGroup extends StatsCount {
  value: string | null;
  values: number;
}

export interface GroupedCounts {
  /** By chats, most first (ties by value); the remainder, when any, last. */
  groups: StatsGroup[];
  /** Chats of the range without a value. */
  unset: StatsCount;
  /** Chats of the range with at least one value, each counted once. */
  valued: StatsCount;
}

/** How many surveys of one scale got one score (`null`: not answered), and whether they were skipped. */
export interface SurveyCount {
  scale: Scale;
  score: Score | null;
  /** Skipped by the customer (declined); absent reads as false. */
  declined?: boolean;
  count: number;
}

export type AnswerVia = 'widget' | 'link';

/** One stored survey answer; at most one per survey message, and each answerId is used once. */
export interface CsatAnswerRecord {
  chatId: string;
  messageId: string;
  /** The client's idempotency key: a retry with the same one stores nothing new. */
  answerId: string;
  score: Score;
  /** The scale's point count, kept with the answer so a 5 on 2 points and on 5 points stay apart. */
  scale: Scale;
  comment: string | null;
  answeredAt: number;
  via: AnswerVia;
}

export interface TrackRecord {
  channelId: string;
  userId: string;
  name: string;
  properties: Record<string, string | number | boolean | null>;
  createdAt: number;
}

/** A manager account with what only the server keeps. */
export interface ManagerRecord extends Manager {
  /** `scrypt$…` (domain/passwords.ts). */
  passwordHash: string;
  updatedAt: number;
}

/** A bearer token of a manager: a console sign-in (`session`, expiring) or an API token. */
export interface ManagerTokenRecord {
  id: string;
  managerId: string;
  kind: 'session' | 'api';
  name: string;
  tokenHash: string;
  createdAt: number;
  lastUsedAt: number | null;
  /** When a sign-in ends on its own; null for API tokens, which live until revoked. */
  expiresAt: number | null;
}

export interface SavedReplyRecord extends SavedReply {
  channelId: string;
}

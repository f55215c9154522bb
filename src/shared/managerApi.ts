/**
 * Shapes of the Manager API (`/api/manager`) and the manager's realtime stream: what the server
 * sends and the console reads. The chat, message and profile types they build on are in ./types.
 */
import type { Scale } from './csat/scale';
import type { Chat, Message } from './types';

/** What a manager sees of the customer next to each chat. */
export interface UserSummary {
  id: string;
  name: string | null;
  memberId: string | null;
  /**
   * Whether the member id came with a valid memberHash. An unverified id is only what the page
   * said: anyone can claim it, so it must not be trusted as the member's identity.
   */
  memberVerified: boolean;
}

/** A chat as the Manager API and the manager's realtime stream show it: with its customer. */
export interface ManagerChat extends Chat {
  user: UserSummary;
  /** The manager who owns the chat (the first to reply, or as reassigned); null while nobody does. */
  assigneeId: string | null;
  /**
   * In `GET /chats` answers: customer messages the calling manager has not read (`POST
   * /chats/:id/read` marks them read). Absent from events, which every manager shares.
   */
  unread?: number;
}

export type ManagerEvent =
  | { seq: number; type: 'message'; chat: ManagerChat; message: Message }
  | { seq: number; type: 'chat'; chat: ManagerChat };

/** How the console shows a channel's chats: the profile keys its panel leaves out. */
export interface DisplaySettings {
  /** Built-in keys and `profile.` keys, in the order the manager chose them. */
  hidden: string[];
}

/**
 * What the panel hides until a manager chooses: the built-in keys Sangdam never fills (no
 * workflows, no connected messengers), so they would always read "—".
 */
export const DEFAULT_HIDDEN_KEYS: readonly string[] = ['source.workflow.id', 'appMessenger'];

/**
 * The channel's goal (SPEC §2.5): a chat started while `eventName` is set waits for its customer
 * to track that event within `windowDays` of the chat's creation. `eventName: null` turns it off.
 */
export interface ChannelGoal {
  eventName: string | null;
  windowDays: number;
}

/** The filters a statistics figure adds to `GET /chats`, so that the list shows the chats behind it. */
export const FIGURE_FILTER_KEYS = ['product', 'sourcePage', 'field', 'value', 'from', 'to'] as const;
/** Every filter `GET /chats` takes, beside `limit` and `cursor`. */
export const CHAT_FILTER_KEYS = ['state', 'tag', 'csat', ...FIGURE_FILTER_KEYS] as const;

/** Survey counts over a period (`GET /csat-stats`). */
export interface CsatSummary {
  sent: number;
  answered: number;
  /** Surveys the customer skipped: sent, not answered (absent from servers from before skips were recorded). */
  declined?: number;
  /** answered / sent, or 0 when nothing was sent. */
  responseRate: number;
  /** The mean stored score (1–5) rounded to 2 decimals, or null when nothing was answered. */
  average: number | null;
}

export interface ScaleStats extends CsatSummary {
  scale: Scale;
  /** Answers per stored score; every score from 1 to 5 is present. */
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
}

export interface CsatStats {
  overall: CsatSummary;
  /** One entry per scale that has surveys, by point count (2, 3, 5). */
  scales: ScaleStats[];
}

/**
 * How chats split along one dimension (`GET /stats?by=`): a chat's product (`profile.productName`,
 * else `profile.productId`), its source page, each of its tags, or each value of a String or List
 * custom field (`field:<key>`), or its assignee (`assignee`: one row per manager id, the metrics of each manager).
 */
export type StatsDimension = 'product' | 'page' | 'tag' | 'assignee' | `field:${string}`;

/** Goal outcomes of the chats behind one figure; `rate` is achieved / (achieved + notAchieved). */
export interface GoalFigures {
  achieved: number;
  notAchieved: number;
  /** Still inside their window: left out of `rate`. */
  pending: number;
  /** null while no chat is settled either way. */
  rate: number | null;
}

/**
 * The figures of a set of chats created in the range: their surveys (sent, answered, response
 * rate, average score, as in CsatSummary) and their goals.
 */
export interface StatsFigures extends CsatSummary {
  chats: number;
  goal: GoalFigures;
}

export interface StatsRow extends StatsFigures {
  value: string;
}

/** `GET /stats`: rows by chats, most first, at most `limit`; the rest summed in `other`. */
export interface DimensionStats {
  by: StatsDimension;
  rows: StatsRow[];
  /** The rows past `limit`, added up (`values` of them); null when every value is listed. */
  other: (StatsFigures & { values: number }) | null;
  /** Chats in the range without a value for the dimension. */
  unset: StatsFigures;
  /** Every chat in the range, each counted once. */
  total: StatsFigures;
}

/** How many values `GET /stats` lists before `other`: `limit` from 1 to max, default when absent. */
export const STATS_LIMIT = { default: 20, max: 100 } as const;

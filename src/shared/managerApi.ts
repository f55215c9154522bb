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

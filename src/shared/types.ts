/**
 * Wire types shared by the browser SDK, the messenger, the console and the server.
 * Everything here crosses the network as JSON; times are integer milliseconds since epoch.
 */

export type Language = 'ko' | 'en' | 'ja';
export type Appearance = 'light' | 'dark' | 'system';
export type Author = 'customer' | 'manager' | 'bot';
export type ChatState = 'opened' | 'closed' | 'snoozed';

/** A value stored under one chat-profile key; `null` clears the key. */
export type ProfileValue = string | number | boolean | string[] | null;
/** One flat object keyed exactly as the chat-profile keys (`"source.page"`, `"profile.csat"`, …). */
export type ChatProfile = Record<string, ProfileValue>;
/** One value of a user's profile: Channel Talk's `Profile` type allows lists of strings or numbers. */
export type UserProfileValue = string | number | boolean | null | string[] | number[];
/** The user's own profile (not the chat's): name, email, mobileNumber and custom keys. */
export type UserProfile = Record<string, UserProfileValue>;

export interface Message {
  id: string;
  chatId: string;
  author: Author;
  text: string;
  createdAt: number;
  /** Position in the channel's event log; increases with every stored event. */
  seq: number;
  /** The sender's idempotency key, echoed back so a client can match its pending copy. */
  clientId?: string;
  /** Display name of the manager or bot who wrote it. */
  authorName?: string;
  /** The manager account that wrote it (SPEC §4); absent for bots and for replies sent with MANAGER_TOKEN alone. */
  authorId?: string;
  /** The avatar (an http(s) URL) of the manager account that wrote it, when it had one. */
  authorAvatarUrl?: string;
  /** A form the customer answers in the thread: the satisfaction survey. */
  form?: CsatForm;
  /**
   * The text as written, with its variables (SPEC §2.5), when it differs from the rendered `text`.
   * Managers only: the customer's views never carry it.
   */
  template?: string;
}

/** The satisfaction survey as posted into a chat when it closes (SPEC §3). */
export interface CsatForm {
  type: 'csat';
  /** 2, 3 or 5 options; the stored score is always 1–5 (see src/shared/csat/scale.ts). */
  scale: 2 | 3 | 5;
  /** The survey cannot be skipped. */
  required: boolean;
  /** A comment box is offered. */
  comment: boolean;
  /**
   * With `comment` and `required`: the comment must be given too before the customer writes again.
   * Absent on surveys posted before the rule had it (read as false).
   */
  commentRequired?: boolean;
  questions: { ko: string; en: string; ja: string };
  /** Set once the server has stored the score (the comment may follow into the same answer). */
  answer: CsatAnswer | null;
  /** When the customer skipped the survey (ms); a skipped survey takes no answer. Absent or null: not skipped. */
  skippedAt?: number | null;
}

export interface CsatAnswer {
  score: 1 | 2 | 3 | 4 | 5;
  comment: string | null;
  answeredAt: number;
}

/** Body of an answer: `answerId` makes a retry store nothing new. */
export interface CsatAnswerRequest {
  answerId: string;
  score: number;
  comment?: string;
}

/**
 * Body of a comment added to an answer already stored (`…/answer/comment`). `answerId`, when sent,
 * must be the stored answer's; sending the stored comment again changes nothing.
 */
export interface CsatCommentRequest {
  comment: string;
  answerId?: string;
}

export interface Chat {
  id: string;
  state: ChatState;
  userId: string;
  profile: ChatProfile;
  createdAt: number;
  updatedAt: number;
  lastMessage: Message | null;
}

/** The customer's view of one of their chats. */
export interface WidgetChat extends Chat {
  /** Messages from managers or bots the customer has not read yet. */
  unread: number;
}

export interface WidgetUser {
  id: string;
  memberId: string | null;
  name: string | null;
  language: Language;
  profile: UserProfile;
  tags: string[];
  unsubscribeEmail: boolean;
  unsubscribeTexting: boolean;
}

export interface ChannelInfo {
  id: string;
  name: string;
  /** Accent colour of the widget (CSS colour). */
  color: string;
}

// ---- widget API: `${apiBase}/api/widget/${pluginKey}` -------------------------------------

export interface BootResponse {
  /** Bearer token for every further widget call and the realtime connection. */
  token: string;
  user: WidgetUser;
  channel: ChannelInfo;
  /** Unread count per chat with unread messages. */
  unread: Record<string, number>;
  /** Latest event sequence number: the realtime connection resumes after it. */
  cursor: number;
  /** The channel's custom chat-profile fields (archived ones flagged): what the SDK may write. */
  profileFields?: import('./profile/fields').CustomField[];
}

/** Error body of every API: `{ error: { code, message } }` with a 4xx/5xx status. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

// ---- realtime: WebSocket at `${apiBase}/api/realtime` -----------------------------------

/** Something that happened in a chat, as stored in the event log. */
export type RealtimeEvent =
  | { seq: number; type: 'message'; chat: Chat; message: Message; unread?: number }
  | { seq: number; type: 'chat'; chat: Chat; unread?: number };

export type ClientFrame =
  | { type: 'hello'; token: string; since: number }
  | { type: 'hello'; managerToken: string; since: number }
  | { type: 'ping' }
  /** The sender is writing in this chat; sent at most every few seconds while keys are pressed. */
  | { type: 'typing'; chatId: string };

/** Someone on the other side is writing in a chat: shown for a few seconds, never stored. */
export interface TypingFrame {
  type: 'typing';
  chatId: string;
  author: 'customer' | 'manager';
  /** The manager's name (for the customer); absent for customers. */
  name?: string;
}

export type ServerFrame =
  | { type: 'ready'; cursor: number }
  | { type: 'event'; event: RealtimeEvent }
  | { type: 'pong' }
  | TypingFrame
  | { type: 'error'; code: string; message: string };

/** How often a client sends `typing`, and how long the other side shows it after the last one. */
export const TYPING = { everyMs: 3000, showMs: 6000 } as const;

// ---- limits shared by client and server: one table, in limits.ts ---------------------------
export { LIMITS } from './limits';

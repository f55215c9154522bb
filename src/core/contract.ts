/**
 * The one contract between the always-loaded core and the lazily loaded messenger chunk.
 * The core passes a MessengerHost to the chunk's `mount`; the chunk returns a MessengerView.
 * Only types cross this line, so neither bundle carries the other's code.
 */
import type { Score } from '../shared/csat/scale';
import type { MessengerStrings } from '../shared/i18n/types';
import type { ChannelInfo, Language, Message, RealtimeEvent, WidgetChat, WidgetUser } from '../shared/types';

/** A customer message that is kept in the persistent outbox until the server acknowledges it. */
export interface OutgoingMessage {
  clientId: string;
  chatId: string;
  text: string;
  createdAt: number;
  /** `failed` means the server refused it for good (the reason is in `error`); otherwise it is retried. */
  state: 'sending' | 'failed';
  error?: string;
}

/** A survey answer kept in the persistent answer box until the server acknowledges it. */
export interface PendingAnswer {
  /** Idempotency key: the server stores one answer per id, however often it is retried. */
  answerId: string;
  chatId: string;
  /** The survey message being answered. */
  messageId: string;
  score: Score;
  comment?: string;
  /** `failed` means the server refused it (the reason is in `error`); the customer may choose again. */
  state: 'sending' | 'failed';
  error?: string;
}

export type HostEvent =
  | RealtimeEvent
  | { type: 'outbox'; chatId: string }
  /** A survey answer was queued, refused or acknowledged (then `message` is the answered survey). */
  | { type: 'answers'; chatId: string; messageId: string; message?: Message }
  | { type: 'connection'; online: boolean };

/** What both sides of the contract know about the booted session. */
interface SessionView {
  /** Element inside the shadow root that the messenger owns and renders into. */
  readonly root: HTMLElement;
  readonly shadowRoot: ShadowRoot;
  readonly language: Language;
  readonly channel: ChannelInfo;
  readonly user: WidgetUser;
  /** Whether the realtime connection is up now; changes arrive as `connection` events. */
  readonly online: boolean;
  /** CSP nonce for style elements, when the host page gave one. */
  readonly nonce?: string;
}

/**
 * What the core hands to the messenger chunk: the booted session reduced to what the UI needs.
 * The chunk builds its MessengerHost (and the outbox) on top of it, so none of that code weighs
 * on pages where the messenger never opens.
 */
export interface CoreBridge extends SessionView {
  /** JSON calls to the widget API of this session: `request('GET', '/chats')`. */
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  /**
   * localStorage key of this customer's outbox; survey answers wait under `${outboxKey}:answers`.
   * The core prefetches the chunk at boot when either holds entries, so they are sent.
   */
  readonly outboxKey: string;
  newId(): string;
  /** Starts a chat (with the page captured into its profile); `text` becomes its first message. */
  createChat(text?: string): Promise<{ chat: WidgetChat; message?: Message }>;
  markRead(chatId: string): void;
  /** The messenger tells which chat's thread it shows (null: none); `updateProfile` writes to it at once. */
  viewing(chatId: string | null): void;
  /** Realtime events and connection changes; returns the unsubscribe function. */
  subscribe(listener: (event: RealtimeEvent | { type: 'connection'; online: boolean }) => void): () => void;
  hide(): void;
  returnFocus(): void;
  /** Reports a link click; returns true when the host page handles it. */
  urlClicked(url: string): boolean;
}

/** The messenger UI's view of the session, built by the chunk from the CoreBridge. */
export interface MessengerHost extends SessionView {
  /** The customer's chats, newest first. */
  listChats(): Promise<WidgetChat[]>;
  /** One chat with its messages, oldest first. */
  getChat(chatId: string): Promise<{ chat: WidgetChat; messages: Message[] }>;
  /** Starts a chat; `text`, when given, becomes its first message. */
  createChat(text?: string): Promise<{ chat: WidgetChat; message?: Message }>;
  /** Puts a message in the outbox and resolves with the stored message once acknowledged. */
  sendMessage(chatId: string, text: string): Promise<Message>;
  /** Messages of a chat still waiting in the outbox. */
  outbox(chatId: string): OutgoingMessage[];
  /** Drops a failed message from the outbox. */
  discard(clientId: string): void;
  /**
   * Queues the answer to a survey message (replacing a refused one) and resolves with the survey
   * message, `form.answer` set, once the server has stored it; rejects when the server refuses it.
   */
  answerSurvey(chatId: string, messageId: string, score: Score, comment?: string): Promise<Message>;
  /** The answer to this survey message still waiting in the answer box, or refused. */
  pendingAnswer(messageId: string): PendingAnswer | undefined;
  /** Loads the panel's strings in the customer's language; after a failed download, call again to retry. */
  loadStrings(): Promise<MessengerStrings>;
  /** Loads the survey form, ready to render in the panel; after a failed download, call again to retry. */
  loadSurvey(): Promise<SurveyForm>;
  /** Marks every message of the chat as read by the customer. */
  markRead(chatId: string): void;
  /** Which chat's thread is shown (null: none). */
  viewing(chatId: string | null): void;
  /** Realtime events and outbox/answers/connection changes; returns the unsubscribe function. */
  subscribe(listener: (event: HostEvent) => void): () => void;
  /** Asks the core to hide the messenger (close button, Escape). */
  hide(): void;
  /** Reports a link click; returns true when the host page handles it (the messenger must not navigate). */
  urlClicked(url: string): boolean;
}

export interface ShowRequest {
  /** Open this chat's thread. */
  chatId?: string;
  /** Open a new chat with this text in the composer (ignored when chatId is given). */
  message?: string;
  /** Open a new chat (the composer of a chat not created yet). */
  newChat?: boolean;
}

export interface MessengerView {
  show(request?: ShowRequest): void;
  hide(): void;
  /** Removes every node, listener and timer the messenger made. */
  destroy(): void;
}

/** The profile tools chunk: page capture and the shared profile validator. */
export type ProfileTools = typeof import('./pageProfile/index');

/** The survey form chunk, which the messenger chunk loads when a thread shows a survey. */
export type SurveyForm = typeof import('../csat/index');

/** The messenger chunk's only export. */
export type MountMessenger = (bridge: CoreBridge) => MessengerView;

export interface MessengerModule {
  mount: MountMessenger;
}

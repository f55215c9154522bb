/**
 * The one contract between the always-loaded core and the lazily loaded messenger chunk.
 * The core passes a CoreBridge to the chunk's `mount`; the chunk returns a MessengerView.
 * Only types cross this line, so neither bundle carries the other's code.
 */
import type { ChannelInfo, Language, Message, RealtimeEvent, TypingFrame, WidgetChat, WidgetUser } from '../shared/types';

/** What both sides of the contract know about the booted session. */
export interface SessionView {
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
 * The chunk builds its MessengerServices (src/messenger/services/types.ts) and the outbox on top of it,
 * so none of that code weighs on pages where the messenger never opens.
 */
export interface CoreBridge extends SessionView {
  /** JSON calls to the widget API of this session: `request('GET', '/chats')`. */
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  /**
   * localStorage key of this customer's outbox; survey answers wait under `${outboxKey}:answers`,
   * composer drafts under `${outboxKey}:drafts`. The core prefetches the chunk at boot when the
   * outbox or the answers hold entries, so they are sent (a new chat's first message included).
   */
  readonly outboxKey: string;
  newId(): string;
  /**
   * Starts a chat (with the page captured into its profile); `text` becomes its first message.
   * Given `ids` (the client ids of chat and message), a repeated call returns the same chat and message.
   */
  createChat(text?: string, ids?: { chat: string; message: string }): Promise<{ chat: WidgetChat; message?: Message }>;
  markRead(chatId: string): void;
  /** The messenger tells which chat's thread it shows (null: none); `updateProfile` writes to it at once. */
  viewing(chatId: string | null): void;
  /** Realtime events, a manager writing, and connection changes; returns the unsubscribe function. */
  subscribe(listener: (event: RealtimeEvent | TypingFrame | { type: 'connection'; online: boolean }) => void): () => void;
  /** The customer is writing in `chatId` (the messenger says so at most every TYPING.everyMs). */
  typing(chatId: string): void;
  hide(): void;
  returnFocus(): void;
  /** Reports a link click; returns true when the host page handles it. */
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
export type ProfileTools = typeof import('../profile/index');

/** The survey form chunk, which the messenger chunk loads when a thread shows a survey. */
export type SurveyForm = typeof import('../csat/index');

/** The messenger chunk's only export. */
export type MountMessenger = (bridge: CoreBridge) => MessengerView;

export interface MessengerModule {
  mount: MountMessenger;
}

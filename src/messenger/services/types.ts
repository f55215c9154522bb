/**
 * The messenger's own view of the session, built inside the chunk on the core's CoreBridge
 * (src/core/contract.ts): what the panel's model and components call, and what it loads apart.
 */
import type { ReadonlySignal } from '../../browser/signals';
import type { SessionView, SurveyForm } from '../../core/contract';
import type { Score } from '../../shared/csat/scale';
import type { MessengerStrings } from '../../shared/i18n/types';
import type { Language, Message, RealtimeEvent, TypingFrame, WidgetChat } from '../../shared/types';

/** A customer message that is kept in the persistent outbox until the server acknowledges it. */
export interface OutgoingMessage {
  clientId: string;
  /** `''` while it is the first message of a chat not created yet. */
  chatId: string;
  /** The client id of the chat this message starts (the chat is created with it, once). */
  newChat?: string;
  text: string;
  createdAt: number;
  /** `failed` means the server refused it for good (the reason is in `error`); otherwise it is retried. */
  state: 'sending' | 'failed';
  error?: string;
}

/**
 * One step of a survey answer kept in the persistent answer box until the server acknowledges it:
 * the score (`step` absent; an entry from an earlier version may carry the comment with it), the
 * comment added to that answer afterwards, or a skip.
 */
export interface PendingAnswer {
  step?: 'comment' | 'skip';
  /**
   * The score's idempotency key: the server stores one answer per id, however often it is
   * retried. On a comment, the score's when it was still waiting (absent: the answer stored).
   */
  answerId?: string;
  chatId: string;
  /** The survey message being answered. */
  messageId: string;
  score?: Score;
  comment?: string;
  /** `failed` means the server refused it (the reason is in `error`); the customer may choose again. */
  state: 'sending' | 'failed';
  error?: string;
}

/** Everything still waiting for one survey, as its form shows it (see src/csat/pendingOf.ts). */
export interface PendingSurvey {
  answerId?: string;
  score?: Score;
  comment?: string;
  skip?: true;
  state: 'sending' | 'failed';
  error?: string;
}

export type MessengerEvent =
  | RealtimeEvent
  /** A manager is writing in one of the customer's chats. */
  | TypingFrame
  /** The server stored a step of a survey's answer: `message` is the survey as stored now. */
  | { type: 'answered'; message: Message }
  | { type: 'connection'; online: boolean };

/** The messenger UI's view of the session, built by the chunk from the CoreBridge. */
export interface MessengerServices extends SessionView {
  /** A page of the customer's chats, newest first: the first, or the one at `cursor`. */
  listChats(cursor?: string | null): Promise<{ chats: WidgetChat[]; next: string | null }>;
  /** One chat with a page of its messages (oldest first): the newest, or those `before` a cursor. */
  getChat(chatId: string, before?: string | null): Promise<{ chat: WidgetChat; messages: Message[]; next: string | null }>;
  /**
   * Starts a chat with `text` as its first message, which waits in the outbox under chat id `''`
   * until the chat is created; resolves then.
   */
  createChat(text: string): Promise<{ chat: WidgetChat; message?: Message }>;
  /** Puts a message in the outbox and resolves with the stored message once acknowledged. */
  sendMessage(chatId: string, text: string): Promise<Message>;
  /** Messages still waiting in the outbox or refused, oldest first (chat id `''`: first messages of chats not created yet). */
  readonly outbox: ReadonlySignal<readonly OutgoingMessage[]>;
  /** The composer text kept for a chat (`''`: the new chat), across views and page loads. */
  draft(chatId: string): string;
  saveDraft(chatId: string, text: string): void;
  /** Drops a failed message from the outbox. */
  discard(clientId: string): void;
  /**
   * Queues the answer to a survey message (replacing a refused one) and resolves with the survey
   * message, `form.answer` set, once the server has stored it; rejects when the server refuses it.
   */
  answerSurvey(chatId: string, messageId: string, score: Score, comment?: string): Promise<Message>;
  /** Queues the comment added to the survey's answer, sent after its score. */
  commentSurvey(chatId: string, messageId: string, comment: string): Promise<Message>;
  /** Queues a skip of the survey (recorded on the server: it does not come back). */
  skipSurvey(chatId: string, messageId: string): Promise<Message>;
  /** Survey answer steps still waiting in the answer box or refused, oldest first (none before survey.js is here). */
  readonly answers: ReadonlySignal<readonly PendingAnswer[]>;
  /** Loads the panel's strings in the customer's language; after a failed download, call again to retry. */
  loadStrings(): Promise<MessengerStrings>;
  /** Loads the survey form, ready to render in the panel; after a failed download, call again to retry. */
  loadSurvey(): Promise<SurveyForm>;
  /** Marks every message of the chat as read by the customer. */
  markRead(chatId: string): void;
  /** Which chat's thread is shown (null: none). */
  viewing(chatId: string | null): void;
  /** The customer is writing in `chatId`. */
  typing(chatId: string): void;
  /** Realtime events, stored survey answers and connection changes; returns the unsubscribe function. */
  subscribe(listener: (event: MessengerEvent) => void): () => void;
  /** Asks the core to hide the messenger (close button, Escape). */
  hide(): void;
  /** Reports a link click; returns true when the host page handles it (the messenger must not navigate). */
  urlClicked(url: string): boolean;
}

/** What the messenger loads apart: its strings, one language each, and the survey form. */
export interface MessengerChunks {
  strings: Record<Language, () => Promise<{ strings: MessengerStrings }>>;
  survey(): Promise<SurveyForm>;
}

import type { Message, WidgetChat } from '../shared/types';
import { withRetry, type Request } from '../browser/apiClient';
import { warn } from '../browser/report';
import { capturePage, type CaptureInput } from './capturePage';

export interface ChatStart extends CaptureInput {
  /** The first message, if any. */
  text?: string;
  /** The widget API of the session. */
  request: Request;
  newId(): string;
  /** The client ids of the chat and of its first message, when the caller keeps them (an outbox resending after a reload). */
  ids?: { chat: string; message: string };
  /** Aborted on shutdown: no retry after it. */
  signal: AbortSignal;
}

/**
 * Starts a chat with the page captured into its profile (what cannot be sent is reported on the
 * console), retrying while the server cannot be reached. Idempotent on its client id, so a retry
 * never makes a second chat.
 * @example const { chat } = await startChat(document, { text: 'Hi', explicit: {}, fields, request, newId, signal })
 */
export async function startChat(doc: Document, start: ChatStart): Promise<{ chat: WidgetChat; message?: Message }> {
  const capture = capturePage(doc, start);
  capture.dropped.forEach((problem) => warn(`chat profile: ${problem}; not sent`));
  const { text, newId, ids } = start;
  const body = { clientId: ids ? ids.chat : newId(), message: text ? { text, clientId: ids ? ids.message : newId() } : undefined, profile: capture.profile };
  return withRetry(() => start.request<{ chat: WidgetChat; message?: Message }>('POST', '/chats', body), start.signal);
}

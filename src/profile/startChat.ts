import type { ChatProfile, Message, WidgetChat } from '../shared/types';
import { withRetry, type Request } from '../browser/apiClient';
import { warn } from '../browser/report';
import { capturePage, type CaptureInput } from './capturePage';
import { writeProfile } from './writeProfile';

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
  /** The values `updateProfile` kept for the next chat (a new object after each call), over `explicit`. */
  updates(): ChatProfile;
}

/**
 * Starts a chat with the page captured into its profile (what cannot be sent is reported on the
 * console), retrying while the server cannot be reached. Idempotent on its client id, so a retry
 * never makes a second chat. Values an `updateProfile` kept while the request was on its way are
 * written to the new chat after it.
 * @example const { chat } = await startChat(document, { text: 'Hi', explicit: {}, updates: () => ({}), fields, request, newId, signal })
 */
export async function startChat(doc: Document, start: ChatStart): Promise<{ chat: WidgetChat; message?: Message }> {
  const sent = start.updates();
  const capture = capturePage(doc, { ...start, explicit: { ...start.explicit, ...sent } });
  capture.dropped.forEach((problem) => warn(`chat profile: ${problem}; not sent`));
  const { text, newId, ids, fields, request } = start;
  const body = { clientId: ids ? ids.chat : newId(), message: text ? { text, clientId: ids ? ids.message : newId() } : undefined, profile: capture.profile };
  const result = await withRetry(() => request<{ chat: WidgetChat; message?: Message }>('POST', '/chats', body), start.signal);
  const later = start.updates();
  if (later !== sent) writeProfile(later, fields, result.chat.id, request, () => {}).catch((e: Error) => warn(`updateProfile: ${e.message}`));
  return result;
}

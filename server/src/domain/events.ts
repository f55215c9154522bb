/** Appends a chat's change to the event log, inside the unit of work that made the change. */
import type { Message } from '../../../src/shared/types.ts';
import type { StoreTx } from '../store/Store.ts';
import type { ChatDetail, EventType } from './types.ts';
import { toChat } from './views.ts';

interface RecordOptions {
  message?: Message;
  /** The chat after the change, when the caller knows it without reading it back. */
  detail?: ChatDetail;
}

/**
 * Snapshots the chat as it is now (after the change) and appends it as one event.
 * Returns the snapshot so callers can answer with the same state they announced.
 */
export async function recordEvent(
  tx: StoreTx,
  chatId: string,
  type: EventType,
  { message, detail: known }: RecordOptions = {},
): Promise<ChatDetail> {
  const detail = known ?? (await tx.getChatDetail(chatId));
  if (!detail) throw new Error(`chat ${chatId} missing inside its own unit of work`);
  await tx.appendEvent({
    channelId: detail.chat.channelId,
    userId: detail.chat.userId,
    chatId,
    type,
    createdAt: tx.now,
    payload: {
      chat: toChat(detail),
      user: detail.user,
      unread: detail.unread,
      ...(message ? { message } : {}),
      ...(detail.chat.assigneeId ? { assigneeId: detail.chat.assigneeId } : {}),
    },
  });
  return detail;
}

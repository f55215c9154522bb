import { surveyProgress } from '../../shared/csat/surveyProgress';
import { compareChats } from '../../shared/paging';
import type { Chat, Message, WidgetChat } from '../../shared/types';

/**
 * Messages of both lists, each id once (the later copy wins), oldest first. A survey never goes
 * back, so a copy further along (answered, commented, skipped) is not replaced by an older one.
 */
export function mergeMessages(current: readonly Message[] | undefined, incoming: readonly Message[]): Message[] {
  const byId = new Map<string, Message>();
  for (const message of current || []) byId.set(message.id, message);
  for (const message of incoming) {
    if (surveyProgress(message.form) >= surveyProgress(byId.get(message.id)?.form)) byId.set(message.id, message);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq || a.createdAt - b.createdAt);
}

/**
 * The chat list with one chat replaced or added, newest first (the order the server pages in). A realtime `chat` carries no unread
 * count unless the event says so, so the count already known is kept then. An older copy of a chat
 * (by `updatedAt`) never replaces a newer one.
 */
export function upsertChat(list: readonly WidgetChat[], chat: Chat, unread?: number, message?: Message): WidgetChat[] {
  const known = list.find((c) => c.id === chat.id);
  // A response computed before a change we already applied from realtime (a close, say) is stale.
  if (known && known.updatedAt > chat.updatedAt) return list.slice();
  const lastMessage = chat.lastMessage || message || known?.lastMessage || null;
  const next: WidgetChat = { ...known, ...chat, lastMessage, unread: unread ?? known?.unread ?? 0 };
  return [next, ...list.filter((c) => c.id !== chat.id)].sort(compareChats);
}

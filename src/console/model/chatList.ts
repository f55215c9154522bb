import type { Message } from '../../shared/types';
import type { ManagerChat } from '../../shared/managerApi';
import { compareChats } from '../../shared/paging';
import { surveyProgress } from '../../shared/csat/surveyProgress';
import { matchesFilter, type ChatFilter } from './chatFilter';

/** Newest first, as `GET /chats` pages them. */
export const sortChats = (chats: ManagerChat[]): ManagerChat[] => [...chats].sort(compareChats);

/**
 * The list with the next page added: chats already listed keep their (realtime-fresher) copy.
 * @example appendPage(inbox.chats.value, body.chats)
 */
export function appendPage(list: ManagerChat[], page: ManagerChat[]): ManagerChat[] {
  const known = new Set(list.map((chat) => chat.id));
  return sortChats([...list, ...page.filter((chat) => !known.has(chat.id))]);
}

/** Whether `incoming` is at least as recent as `current`: a late, older copy never wins. */
export const isNewer = (incoming: ManagerChat, current: ManagerChat | null | undefined): boolean =>
  !current || incoming.updatedAt >= current.updatedAt;

/**
 * The list with one chat inserted or replaced by id, or removed when it no longer matches the
 * filters; an older copy than the one listed changes nothing.
 * @example upsertChat(list, event.chat, { state: 'opened', tag: '', csat: '' })
 */
export function upsertChat(list: ManagerChat[], chat: ManagerChat, filter: ChatFilter, me: string | null = null): ManagerChat[] {
  const index = list.findIndex((c) => c.id === chat.id);
  if (index >= 0 && !isNewer(chat, list[index])) return list;
  const others = index >= 0 ? list.filter((c) => c.id !== chat.id) : list;
  // A chat the server's search found stays while the other filters hold: it matched on more than a row shows.
  const judged = index >= 0 && filter.q ? { ...filter, q: undefined } : filter;
  if (!matchesFilter(chat, judged, me)) return index >= 0 ? others : list;
  return sortChats([...others, chat]);
}

/**
 * Messages with `incoming` merged by id, oldest first. A survey message comes again with its
 * answer (then its comment, or as skipped): a copy further along is never replaced by an older one.
 */
export function upsertMessages(list: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const message of incoming) {
    const current = byId.get(message.id);
    if (current && surveyProgress(message.form) < surveyProgress(current.form)) continue;
    byId.set(message.id, message);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq || a.createdAt - b.createdAt);
}

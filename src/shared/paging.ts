/**
 * Paging shared by the server and its clients: the page size rule and the order of every chat
 * list (newest activity first, then id), which the server's keyset queries follow too.
 */
import type { Chat } from './types';

/** `limit` of a paged list: 1 to `max`, `default` when not given. */
export const PAGE_LIMIT = { default: 50, max: 100 } as const;

/** When a chat last saw activity: its newest message, else its creation. */
export const chatActivity = (chat: Pick<Chat, 'createdAt' | 'lastMessage'>): number =>
  Math.max(chat.createdAt, chat.lastMessage ? chat.lastMessage.createdAt : 0);

/**
 * Newest activity first, ties by id descending: the order `GET /chats` pages in.
 * @example chats.sort(compareChats)
 */
export const compareChats = (a: Chat, b: Chat): number =>
  chatActivity(b) - chatActivity(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

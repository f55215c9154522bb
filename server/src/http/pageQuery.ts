/**
 * The paging part of a list's query string: `limit` and the opaque cursor the previous page gave
 * (`cursor` for chat lists, `before` for a chat's messages). Cursors are base64url text that only
 * this server reads; a client passes them back as they came.
 */
import { PAGE_LIMIT } from '../../../src/shared/paging.ts';
import type { ChatDetail, ChatKey, ChatPage, MessagePage, Paged } from '../domain/types.ts';
import type { Message } from '../../../src/shared/types.ts';
import { invalid } from './errors.ts';

const CHAT_KEY = /^(\d{1,16}):([A-Za-z0-9]{1,64})$/;
const SEQ = /^m(\d{1,16})$/;

const encode = (text: string) => Buffer.from(text).toString('base64url');
const decode = (cursor: string) => Buffer.from(cursor, 'base64url').toString();

/** `limit`: an integer from 1 to 100; absent, 50. */
export function parseLimit(value: string | undefined): number {
  if (value === undefined) return PAGE_LIMIT.default;
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > PAGE_LIMIT.max) {
    throw invalid(`limit: must be an integer from 1 to ${PAGE_LIMIT.max}`);
  }
  return limit;
}

/** `?cursor=&limit=` of a chat list. */
export function parseChatPage(fields: Record<string, string>): ChatPage {
  const page: ChatPage = { limit: parseLimit(fields.limit) };
  if (fields.cursor === undefined) return page;
  const key = CHAT_KEY.exec(decode(fields.cursor));
  if (!key || encode(key[0]) !== fields.cursor) throw invalid('cursor: must be the `next` of a previous page, as given');
  page.after = { activityAt: Number(key[1]), id: key[2] };
  return page;
}

/** `?before=&limit=` of a chat's messages. */
export function parseMessagePage(fields: Record<string, string>): MessagePage {
  const page: MessagePage = { limit: parseLimit(fields.limit) };
  if (fields.before === undefined) return page;
  const seq = SEQ.exec(decode(fields.before));
  if (!seq || encode(seq[0]) !== fields.before) throw invalid('before: must be the `next` of a previous page, as given');
  page.before = Number(seq[1]);
  return page;
}

const chatCursor = ({ activityAt, id }: ChatKey) => encode(`${activityAt}:${id}`);

/** The cursor of the page after this one, or null at the end. */
export const nextChatCursor = ({ items, more }: Paged<ChatDetail>): string | null =>
  more ? chatCursor(items[items.length - 1].chat) : null;

/** The `before` of the older page, or null when this one holds the chat's first message. */
export const nextMessageCursor = ({ items, more }: Paged<Message>): string | null =>
  more ? encode(`m${items[0].seq}`) : null;

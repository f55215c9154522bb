/** Reading one page of a list: one row more than asked tells whether another page follows. */
import type { StoreTx } from '../store/Store.ts';
import type { ChatDetail, ChatFilter, ChatPage, MessagePage, Paged } from './types.ts';
import type { Message } from '../../../src/shared/types.ts';

/** Chats matching `filter` after `page.after`, newest first. */
export async function chatPage(tx: StoreTx, filter: ChatFilter, page: ChatPage): Promise<Paged<ChatDetail>> {
  const rows = await tx.listChatDetails(filter, { ...page, limit: page.limit + 1 });
  return { items: rows.slice(0, page.limit), more: rows.length > page.limit };
}

/** The newest `page.limit` messages below `page.before`, oldest first. */
export async function messagePage(tx: StoreTx, chatId: string, page: MessagePage): Promise<Paged<Message>> {
  const rows = await tx.listMessagesBefore(chatId, page.before, page.limit + 1);
  const more = rows.length > page.limit;
  return { items: more ? rows.slice(1) : rows, more };
}

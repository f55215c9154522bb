import { effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Api } from '../api/createApi';
import type { ManagerChat } from '../../shared/managerApi';
import type { Message } from '../../shared/types';

export type Unread = ReturnType<typeof createUnread>;

/**
 * The signed-in manager's unread customer messages per chat: as `GET /chats` counted them, plus
 * those that arrive live, until the manager reads the chat (it is open and the tab visible), which
 * is then marked read on the server too. Each count remembers the last message seq it covers, so
 * a message both counted by a page and received live counts once.
 */
export function createUnread(api: Api, win: Window, openChatId: ReadonlySignal<string | null>) {
  const counts = signal<Readonly<Record<string, number>>>({});
  const covered = new Map<string, number>();
  const set = (chatId: string, count: number) => {
    if (counts.peek()[chatId] !== count) counts.value = { ...counts.peek(), [chatId]: count };
  };
  const reading = (chatId: string) => openChatId.peek() === chatId && !win.document.hidden;

  function markRead(chatId: string) {
    set(chatId, 0);
    api.post(`/chats/${encodeURIComponent(chatId)}/read`).catch(() => undefined);
  }

  /** Takes the counts of a page of `GET /chats`. */
  function fromPage(chats: readonly ManagerChat[]) {
    const next = { ...counts.peek() };
    let readNow: string | null = null;
    for (const chat of chats) {
      const seq = chat.lastMessage ? chat.lastMessage.seq : 0;
      if (chat.unread === undefined || (covered.get(chat.id) ?? -1) > seq) continue;
      covered.set(chat.id, seq);
      if (reading(chat.id) && chat.unread > 0) readNow = chat.id;
      next[chat.id] = reading(chat.id) ? 0 : chat.unread;
    }
    counts.value = next;
    // The chat on screen is read: the server is told too, so the next page does not count it again.
    if (readNow) markRead(readNow);
  }

  function onMessage(chat: ManagerChat, message: Message) {
    if ((covered.get(chat.id) ?? -1) >= message.seq) return;
    covered.set(chat.id, message.seq);
    if (message.author !== 'customer') return;
    if (reading(chat.id)) markRead(chat.id);
    else set(chat.id, (counts.peek()[chat.id] ?? 0) + 1);
  }

  function start(): () => void {
    const readOpen = () => {
      const chatId = openChatId.peek();
      if (chatId && !win.document.hidden) markRead(chatId);
    };
    const stop = effect(() => {
      if (openChatId.value) readOpen();
    });
    const onVisible = () => {
      const chatId = openChatId.peek();
      if (chatId && counts.peek()[chatId]) readOpen();
    };
    win.document.addEventListener('visibilitychange', onVisible);
    return () => {
      stop();
      win.document.removeEventListener('visibilitychange', onVisible);
    };
  }

  const clear = () => {
    covered.clear();
    counts.value = {};
  };

  return { counts, fromPage, onMessage, start, clear };
}

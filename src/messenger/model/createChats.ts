import { computed, signal, type ReadonlySignal } from '../../browser/signals';
import type { MessengerEvent, MessengerServices } from '../services/types';
import type { Chat, Message, WidgetChat } from '../../shared/types';
import { reportError } from '../../browser/report';
import { mergeMessages, upsertChat } from './merge';

export type ListState = 'loading' | 'ready' | 'error';

/**
 * The customer's chats and their messages as signals, as far as they are loaded and as realtime
 * events change them. `chatId` is the open chat: its thread takes messages even before it is
 * loaded. `onSurvey` hears of every message holding a survey (its form is loaded then).
 */
export function createChats(services: MessengerServices, chatId: ReadonlySignal<string | null>, onSurvey: () => void) {
  const chats = signal<WidgetChat[]>([]);
  const listState = signal<ListState>('loading');
  /** The cursor of the next page of chats; null once all are listed. */
  const moreChats = signal<string | null>(null);
  const messages = signal<Record<string, Message[]>>({});
  /** Per chat, the cursor of its older messages; null once its first message is shown. */
  const older = signal<Record<string, string | null>>({});

  const upsert = (chat: Chat, unread?: number, message?: Message) => (chats.value = upsertChat(chats.value, chat, unread, message));
  /** The chat's thread is loaded or open: messages arriving for it belong in it. */
  const hasThread = (id: string) => !!messages.value[id] || chatId.value === id;
  const addMessages = (id: string, list: Message[]) => {
    messages.value = { ...messages.value, [id]: mergeMessages(messages.value[id], list) };
    if (list.some((message) => message.form)) onSurvey();
  };

  /** The first page of chats, or with `cursor` the next one added below those listed. */
  async function loadChats(cursor?: string | null) {
    if (!cursor) listState.value = 'loading';
    try {
      const page = await services.listChats(cursor);
      chats.value = page.chats.reduce((all, c) => upsertChat(all, c, c.unread), cursor ? chats.value : []);
      moreChats.value = page.next;
      listState.value = 'ready';
    } catch (error) {
      reportError(error);
      listState.value = 'error';
    }
  }

  /** The chat's newest messages, or with `before` the page older than those shown; rejects when the call fails. */
  async function loadThread(id: string, before?: string | null) {
    const loaded = await services.getChat(id, before);
    upsert(loaded.chat, loaded.chat.unread);
    // Reading the newest page again keeps the place older pages reached.
    if (before || !(id in older.value)) older.value = { ...older.value, [id]: loaded.next };
    addMessages(id, loaded.messages);
  }

  return {
    /** What the panel reads, and the paging of the list. */
    shown: {
      chats,
      listState,
      moreChats,
      older,
      chat: computed(() => chats.value.find((c) => c.id === chatId.value)),
      thread: computed(() => (chatId.value ? messages.value[chatId.value] : undefined)),
      loadChats,
    },
    loadThread,
    addMessages,
    hasThread,
    /** A chat the customer just created, with its first message. */
    created: (chat: WidgetChat, message?: Message) => (upsert(chat, 0, message), message && addMessages(chat.id, [message])),
    /** Marks the chat read, on the server and in the list. */
    read(id: string) {
      services.markRead(id);
      chats.value = chats.value.map((c) => (c.id === id && c.unread ? { ...c, unread: 0 } : c));
    },
    /** Realtime `message` and `chat` events; the others are the messenger's. */
    onEvent(event: MessengerEvent) {
      if (event.type === 'message') {
        upsert(event.chat, event.unread, event.message);
        if (hasThread(event.chat.id)) addMessages(event.chat.id, [event.message]);
      } else if (event.type === 'chat') upsert(event.chat, event.unread);
    },
  };
}

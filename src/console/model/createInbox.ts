import { signal, type ReadonlySignal } from '@preact/signals';
import type { Api } from '../api/createApi';
import type { ManagerChat } from '../../shared/managerApi';
import { filterQuery, type ChatFilter } from './chatFilter';
import { appendPage, sortChats, upsertChat } from './chatList';
import type { LoadStatus } from './createLoader';

export type Inbox = ReturnType<typeof createInbox>;

type ChatPage = { chats: ManagerChat[]; next?: string | null };

/**
 * The chat list under the route's filters, newest first, a page at a time (`loadMore` adds the
 * next one while `next` holds its cursor). Realtime changes are applied by id;
 * those that arrive while a load is on its way are applied again on its result, and an older
 * copy of a chat never replaces a newer one, so nothing is lost to the race.
 */
export function createInbox(
  api: Api,
  filter: ReadonlySignal<ChatFilter>,
  me: ReadonlySignal<string | null> = signal(null),
  /** Sees every page as the server sent it (with the caller's unread counts). */
  onPage: (chats: ManagerChat[]) => void = () => undefined,
) {
  const chats = signal<ManagerChat[]>([]);
  const status = signal<LoadStatus>('idle');
  const error = signal<unknown>(null);
  /** The cursor of the next page; null when every chat is listed. */
  const next = signal<string | null>(null);
  const loadingMore = signal(false);
  let latest = 0;
  let arrived: ManagerChat[] | null = null;

  async function load(quiet = false): Promise<void> {
    const id = ++latest;
    const current = filter.peek();
    if (!quiet) status.value = 'loading';
    arrived = [];
    try {
      const query = filterQuery(current);
      const body = await api.get<ChatPage>(`/chats${query ? '?' + query : ''}`);
      if (id !== latest) return;
      onPage(body.chats);
      chats.value = (arrived || []).reduce((list, chat) => upsertChat(list, chat, current, me.peek()), sortChats(body.chats));
      next.value = body.next ?? null;
      error.value = null;
      status.value = 'ready';
    } catch (caught) {
      if (id !== latest) return;
      error.value = caught;
      status.value = 'error';
    } finally {
      if (id === latest) arrived = null;
    }
  }

  /** Adds the next page; a reload that starts meanwhile wins and this page is dropped. */
  async function loadMore(): Promise<void> {
    const cursor = next.peek();
    if (!cursor || loadingMore.peek()) return;
    const id = latest;
    const query = filterQuery(filter.peek());
    loadingMore.value = true;
    try {
      const body = await api.get<ChatPage>(`/chats?${query ? query + '&' : ''}cursor=${encodeURIComponent(cursor)}`);
      if (id !== latest) return;
      onPage(body.chats);
      chats.value = appendPage(chats.peek(), body.chats);
      next.value = body.next ?? null;
      error.value = null;
    } catch (caught) {
      if (id === latest) error.value = caught;
    } finally {
      loadingMore.value = false;
    }
  }

  /** A chat changed (realtime event or a manager's own action). */
  function apply(chat: ManagerChat) {
    arrived?.push(chat);
    chats.value = upsertChat(chats.value, chat, filter.peek(), me.peek());
  }

  return { chats, status, error, next, loadingMore, load, loadMore, apply };
}

import { signal, type ReadonlySignal } from '@preact/signals';
import type { Api } from '../api/createApi';
import type { ManagerChat } from '../../shared/managerApi';
import { filterQuery, type ChatFilter } from './chatFilter';
import { sortChats, upsertChat } from './chatList';
import type { LoadStatus } from './createLoader';

export type Inbox = ReturnType<typeof createInbox>;

/**
 * The chat list under the route's filters, newest first. Realtime changes are applied by id;
 * those that arrive while a load is on its way are applied again on its result, and an older
 * copy of a chat never replaces a newer one, so nothing is lost to the race.
 */
export function createInbox(api: Api, filter: ReadonlySignal<ChatFilter>) {
  const chats = signal<ManagerChat[]>([]);
  const status = signal<LoadStatus>('idle');
  const error = signal<unknown>(null);
  let latest = 0;
  let arrived: ManagerChat[] | null = null;

  async function load(quiet = false): Promise<void> {
    const id = ++latest;
    const current = filter.peek();
    if (!quiet) status.value = 'loading';
    arrived = [];
    try {
      const query = filterQuery(current);
      const body = await api.get<{ chats: ManagerChat[] }>(`/chats${query ? '?' + query : ''}`);
      if (id !== latest) return;
      chats.value = (arrived || []).reduce((list, chat) => upsertChat(list, chat, current), sortChats(body.chats));
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

  /** A chat changed (realtime event or a manager's own action). */
  function apply(chat: ManagerChat) {
    arrived?.push(chat);
    chats.value = upsertChat(chats.value, chat, filter.peek());
  }

  return { chats, status, error, load, apply };
}

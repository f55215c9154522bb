import { signal } from '@preact/signals';
import { filterQuery, NO_FILTER, readFilter, type ChatFilter } from './chatFilter';

export type Page = 'inbox' | 'settings' | 'stats';

/** Where the console is: `#/inbox`, `#/inbox/<chatId>?state=&tag=&csat=`, `#/settings`, `#/stats`. */
export interface Route {
  page: Page;
  chatId: string | null;
  filter: ChatFilter;
}

export type Router = ReturnType<typeof createRouter>;

/**
 * Reads a location hash; anything unknown is the inbox.
 * @example parseRoute('#/inbox/c1?csat=5') // { page: 'inbox', chatId: 'c1', filter: { state: '', tag: '', csat: '5' } }
 */
export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const [, page, id] = path.split('/');
  if (page === 'settings' || page === 'stats') return { page, chatId: null, filter: NO_FILTER };
  let chatId: string | null = null;
  try {
    chatId = id ? decodeURIComponent(id) : null;
  } catch {
    // A malformed id opens no chat.
  }
  return { page: 'inbox', chatId, filter: readFilter(new URLSearchParams(query)) };
}

/** The hash of an inbox view: a chat (or none) under filters. */
export function inboxHref(chatId: string | null, filter: ChatFilter): string {
  const query = filterQuery(filter);
  return `#/inbox${chatId ? '/' + encodeURIComponent(chatId) : ''}${query ? '?' + query : ''}`;
}

/** The route as a signal that follows the location hash, and navigation that updates both. */
export function createRouter(win: Window) {
  const route = signal(parseRoute(win.location.hash));
  const sync = () => (route.value = parseRoute(win.location.hash));

  /** Goes to `href`; `replace` keeps the history entry (filters typed letter by letter). */
  function navigate(href: string, replace = false) {
    if (replace) {
      win.history.replaceState(win.history.state, '', href);
      sync();
    } else if (win.location.hash !== href) {
      win.location.hash = href;
      sync();
    }
  }

  function start() {
    win.addEventListener('hashchange', sync);
    sync();
    return () => win.removeEventListener('hashchange', sync);
  }

  return { route, navigate, start };
}

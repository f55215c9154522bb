import { CHAT_FILTER_KEYS, FIGURE_FILTER_KEYS, type ManagerChat } from '../../shared/managerApi';
import { CUSTOM_KEY } from '../../shared/profile/fields';

/**
 * The inbox filters as the URL and the form keep them; an empty string means "any". The optional
 * ones come from a statistics figure (the chats behind it): a product, a source page, a custom
 * field's value, and the range of creation times (`from` ≤ createdAt < `to`, ms).
 */
export interface ChatFilter {
  /** Search text (the server's full-text search). */
  q?: string;
  /** `me`: assigned to the signed-in manager; `none`: to nobody; else a manager's id. */
  assignee?: string;
  state: '' | 'opened' | 'closed';
  tag: string;
  csat: '' | '1' | '2' | '3' | '4' | '5';
  product?: string;
  sourcePage?: string;
  field?: string;
  value?: string;
  from?: string;
  to?: string;
}

export const NO_FILTER: ChatFilter = { state: '', tag: '', csat: '' };

/** The filters a figure sets, in the order the URL writes them; each shows as a removable chip. */
export const FIGURE_KEYS = FIGURE_FILTER_KEYS;

const TIME = /^\d{1,15}$/;

/** Reads filters from query parameters, dropping values the API would refuse. */
export function readFilter(params: URLSearchParams): ChatFilter {
  const state = params.get('state');
  const csat = params.get('csat');
  const filter: ChatFilter = {
    state: state === 'opened' || state === 'closed' ? state : '',
    tag: (params.get('tag') || '').trim().slice(0, 100),
    csat: csat && /^[1-5]$/.test(csat) ? (csat as ChatFilter['csat']) : '',
  };
  const q = (params.get('q') || '').trim().slice(0, 200);
  if (/[\p{L}\p{N}]/u.test(q)) filter.q = q;
  const assignee = params.get('assignee');
  if (assignee && /^[A-Za-z0-9]{1,64}$/.test(assignee)) filter.assignee = assignee;
  const text = (key: 'product' | 'sourcePage' | 'value', max: number) => {
    const value = params.get(key);
    if (value) filter[key] = value.slice(0, max);
  };
  text('product', 1000);
  text('sourcePage', 2048);
  const field = params.get('field');
  if (field && CUSTOM_KEY.test(field)) {
    filter.field = field;
    text('value', 1000);
  }
  if (!filter.value) delete filter.field;
  for (const key of ['from', 'to'] as const) {
    const time = params.get(key);
    if (time && TIME.test(time)) filter[key] = time;
  }
  return filter;
}

/** `state=opened&csat=5`: the set filters only, as query parameters. */
export function filterQuery(filter: ChatFilter): string {
  const params = new URLSearchParams();
  for (const key of QUERY_KEYS) if (filter[key]) params.set(key, filter[key]!);
  return params.toString();
}

const QUERY_KEYS = ['q', 'assignee', ...CHAT_FILTER_KEYS] as const;

/** Whether `text` holds every word of a search, as a person reading the row would judge it. */
function holdsWords(text: string, q: string): boolean {
  const haystack = text.toLowerCase();
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .every((word) => !word || haystack.includes(word));
}

/** The product the statistics group a chat under: its name, else its id. */
export const productOf = (profile: ManagerChat['profile']): unknown => profile['profile.productName'] || profile['profile.productId'];

/**
 * Whether a chat belongs in the list under these filters, as the server decides it; `me` is the
 * signed-in manager's id.
 */
export function matchesFilter(chat: ManagerChat, filter: ChatFilter, me: string | null = null): boolean {
  const { profile } = chat;
  if (filter.assignee === 'none' && chat.assigneeId) return false;
  if (filter.assignee === 'me' && (!me || chat.assigneeId !== me)) return false;
  if (filter.assignee && filter.assignee !== 'me' && filter.assignee !== 'none' && chat.assigneeId !== filter.assignee) return false;
  // A live change joins a search when what the row shows holds the words; the server's search
  // (which also reads older messages and the customer's email) decides on every load.
  if (filter.q) {
    const shown = [chat.id, chat.user.name, chat.user.memberId, chat.lastMessage?.text, productOf(profile), profile['profile.productId']].filter(Boolean).join(' ');
    if (!holdsWords(shown, filter.q)) return false;
  }
  if (filter.state && chat.state !== filter.state) return false;
  const tags = profile.tags;
  if (filter.tag && !(Array.isArray(tags) && tags.indexOf(filter.tag) >= 0)) return false;
  if (filter.csat && profile['profile.csat'] !== Number(filter.csat)) return false;
  if (filter.product && productOf(profile) !== filter.product) return false;
  if (filter.sourcePage && profile['source.page'] !== filter.sourcePage) return false;
  if (filter.field && filter.value) {
    const held = profile[filter.field];
    if (!(Array.isArray(held) ? held.indexOf(filter.value) >= 0 : held === filter.value)) return false;
  }
  if (filter.from && chat.createdAt < Number(filter.from)) return false;
  if (filter.to && chat.createdAt >= Number(filter.to)) return false;
  return true;
}

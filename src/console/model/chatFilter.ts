import type { ManagerChat } from '../../shared/managerApi';

/** The inbox filters as the URL and the form keep them; an empty string means "any". */
export interface ChatFilter {
  state: '' | 'opened' | 'closed';
  tag: string;
  csat: '' | '1' | '2' | '3' | '4' | '5';
}

export const NO_FILTER: ChatFilter = { state: '', tag: '', csat: '' };

/** Reads filters from query parameters, dropping values the API would refuse. */
export function readFilter(params: URLSearchParams): ChatFilter {
  const state = params.get('state');
  const csat = params.get('csat');
  return {
    state: state === 'opened' || state === 'closed' ? state : '',
    tag: (params.get('tag') || '').trim().slice(0, 100),
    csat: csat && /^[1-5]$/.test(csat) ? (csat as ChatFilter['csat']) : '',
  };
}

/** `state=opened&csat=5`: the set filters only, as query parameters. */
export function filterQuery(filter: ChatFilter): string {
  const params = new URLSearchParams();
  for (const key of ['state', 'tag', 'csat'] as const) if (filter[key]) params.set(key, filter[key]);
  return params.toString();
}

/** Whether a chat belongs in the list under these filters, as the server decides it. */
export function matchesFilter(chat: ManagerChat, filter: ChatFilter): boolean {
  if (filter.state && chat.state !== filter.state) return false;
  const tags = chat.profile.tags;
  if (filter.tag && !(Array.isArray(tags) && tags.indexOf(filter.tag) >= 0)) return false;
  if (filter.csat && chat.profile['profile.csat'] !== Number(filter.csat)) return false;
  return true;
}

import type { RealtimeEvent } from '../shared/types';
import { backoff } from './backoff';

export interface EventPage {
  events: RealtimeEvent[];
  cursor: number;
}

/** The server answers a poll within 25 s; one still silent after this is on a dead connection. */
const POLL_TIMEOUT_MS = 40000;

/**
 * Long-polls the realtime stream over HTTPS, one request at a time, each from the cursor `since()`
 * gives when it starts: the server holds a poll until there is news, the next starts once it is
 * answered, or after a backoff when it fails (`onFailure` gets the HTTP status, if any).
 * Returns the function that stops it, aborting the request in flight; no callback runs after it.
 * @example const stop = longPoll(url, token, () => cursor, onPage, onFailure)
 */
export function longPoll(
  url: string,
  token: string,
  since: () => number,
  onPage: (page: EventPage) => void,
  onFailure: (status?: number) => void,
): () => void {
  let request: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  // This tab's id for the server: its next poll replaces its previous one, not another tab's.
  const client = Math.random();

  const poll = async () => {
    const current = (request = new AbortController());
    // While a poll is in flight the timer is its deadline; between polls, the wait before the next.
    timer = setTimeout(() => current.abort(), POLL_TIMEOUT_MS);
    let page: EventPage | undefined;
    let status: number | undefined;
    try {
      const response = await fetch(`${url}?since=${since()}&client=${client}`, {
        headers: { authorization: 'Bearer ' + token },
        signal: current.signal,
        credentials: 'omit',
      });
      status = response.status;
      if (response.ok) page = (await response.json()) as EventPage;
    } catch {
      // Unreachable, aborted, or not JSON: a failed poll like any other.
    }
    if (request !== current) return;
    clearTimeout(timer);
    if (page) {
      failures = 0;
      onPage(page);
    } else onFailure(status);
    // The callback may have stopped the polling.
    if (request === current) timer = setTimeout(poll, page ? 0 : backoff(failures++, 30000));
  };
  poll();
  return () => {
    if (request) request.abort();
    request = undefined;
    clearTimeout(timer);
  };
}

/**
 * The customer's realtime stream over HTTPS, for pages whose CSP or proxy lets no WebSocket
 * through. One long poll answers what the customer's socket would have received after `since`
 * (the same events, the same view) and the cursor to continue from; when there is nothing yet,
 * it first waits for the hub to publish the customer's next event, or for the time limit.
 */
import type { RealtimeEvent } from '../../../src/shared/types.ts';
import { DomainError } from '../domain/errors.ts';
import type { Store } from '../store/Store.ts';
import { readEventPage, type Audience, type EventPage } from './audience.ts';
import { eventView } from './eventFrames.ts';
import type { PollWaiters } from './PollWaiters.ts';

/** Events per answer; a client further behind continues from the answer's cursor at once. */
export const POLL_PAGE = 100;

export interface PollQuery {
  since: number;
  /** The polling client's own id: its next poll replaces this one. */
  client: string;
}

export interface PollAnswer {
  events: RealtimeEvent[];
  cursor: number;
}

type Customer = Extract<Audience, { kind: 'customer' }>;

/**
 * Answers one poll. `gone` is called with a function to run when the request goes away early.
 * @example return pollEvents(store, polls, audience, { since, client }, (end) => reply.raw.once('close', end))
 */
export async function pollEvents(
  store: Store,
  polls: PollWaiters,
  audience: Customer,
  { since, client }: PollQuery,
  gone: (end: () => void) => void,
): Promise<PollAnswer> {
  const read = () => store.transaction((tx) => readEventPage(tx, audience, since, POLL_PAGE));
  // Waiting starts before the read: an event committed in between still wakes it.
  const wait = polls.wait(audience.userId, client, since);
  gone(wait.end);
  try {
    let page: EventPage = await read();
    if (page.events.length === 0) {
      const reason = await wait.woken;
      if (reason === 'replaced') {
        throw new DomainError('conflict', 'poll_replaced', 'client: a newer poll of this client (or too many tabs) took its place');
      }
      if (reason === 'event') page = await read();
    }
    return { events: page.events.map((event) => eventView(event, 'customer')), cursor: page.cursor };
  } finally {
    wait.end();
  }
}

/**
 * Who reads the event log, and what of it they may read: a customer reads the events of their own
 * chats, a manager reads everything. The socket's replay and the HTTPS poll both read through
 * here, so the two ways of following a customer's chats can never disagree on what they deliver.
 */
import { DomainError } from '../domain/errors.ts';
import type { EventRecord } from '../domain/types.ts';
import type { StoreTx } from '../store/Store.ts';

export type Audience = { kind: 'customer'; userId: string; channelId: string } | { kind: 'manager' };

/**
 * The newest seq that could concern the audience: a cursor at this horizon has nothing left to read.
 * @example const horizon = await store.transaction((tx) => horizonOf(tx, audience))
 */
export function horizonOf(tx: StoreTx, audience: Audience): Promise<number> {
  return tx.latestSeq(audience.kind === 'customer' ? audience.channelId : undefined);
}

/**
 * The audience's stored events in (after, upTo], oldest first, at most `limit` of them.
 * @example const events = await store.transaction((tx) => readEvents(tx, audience, since, horizon, 500))
 */
export function readEvents(tx: StoreTx, audience: Audience, after: number, upTo: number, limit: number): Promise<EventRecord[]> {
  const userId = audience.kind === 'customer' ? audience.userId : undefined;
  return tx.listEvents({ after, upTo, userId, limit });
}

export interface EventPage {
  events: EventRecord[];
  /** Where the next read starts: the last event's seq when the page is full, else the horizon. */
  cursor: number;
}

/**
 * At most `limit` of the audience's events after `since`, and the cursor to continue from. A
 * cursor beyond the horizon was never handed out by this server: it is refused, not served empty.
 * @example const page = await store.transaction((tx) => readEventPage(tx, audience, since, 100))
 */
export async function readEventPage(tx: StoreTx, audience: Audience, since: number, limit: number): Promise<EventPage> {
  const horizon = await horizonOf(tx, audience);
  if (since > horizon) {
    const message = `since: ${since} is after the newest event (${horizon}); resume from the cursor of boot or of the last answer`;
    throw new DomainError('invalid', 'invalid_cursor', message);
  }
  const events = await readEvents(tx, audience, since, horizon, limit);
  return { events, cursor: events.length === limit ? events[events.length - 1].seq : horizon };
}

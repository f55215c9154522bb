/**
 * Fan-out of committed events to the sockets of this process. Customers subscribe by user id
 * (an event reaches only its chat's customer); managers subscribe to everything. A multi-instance
 * deployment would feed `publish` from a shared bus (Redis, Postgres NOTIFY) instead of one store.
 */
import type { EventRecord } from '../domain/types.ts';
import { joinGroup } from './groups.ts';

export type EventListener = (event: EventRecord) => void;

export class EventHub {
  private readonly byUser = new Map<string, Set<EventListener>>();
  private readonly everything = new Set<EventListener>();

  /** Delivers events in the order given; one failing listener does not starve the others. */
  publish(events: readonly EventRecord[]): void {
    for (const event of events) {
      for (const listener of this.byUser.get(event.userId) ?? []) deliver(listener, event);
      for (const listener of this.everything) deliver(listener, event);
    }
  }

  subscribeUser(userId: string, listener: EventListener): () => void {
    return joinGroup(this.byUser, userId, listener);
  }

  subscribeAll(listener: EventListener): () => void {
    this.everything.add(listener);
    return () => this.everything.delete(listener);
  }
}

function deliver(listener: EventListener, event: EventRecord): void {
  try {
    listener(event);
  } catch (error) {
    console.error('realtime listener failed', error);
  }
}

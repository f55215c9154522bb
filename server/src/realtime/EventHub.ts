/**
 * Fan-out of committed events to the sockets of this process. Customers subscribe by user id
 * (an event reaches only its chat's customer); managers subscribe to everything. Events come from
 * the EventFeed (every committed event once, in order, whichever instance committed it); typing
 * from this instance's sockets, passed on to the others through `relay`, and from the others.
 */
import type { EventRecord } from '../domain/types.ts';
import { joinGroup } from './groups.ts';

export type EventListener = (event: EventRecord) => void;

/** Someone writing in a chat: to the chat's customer when a manager writes, to managers when the customer does. */
export interface Typing {
  chatId: string;
  userId: string;
  author: 'customer' | 'manager';
  name?: string;
}
export type TypingListener = (typing: Typing) => void;

export class EventHub {
  private readonly byUser = new Map<string, Set<EventListener>>();
  private readonly everything = new Set<EventListener>();
  private readonly typingOfUser = new Map<string, Set<TypingListener>>();
  private readonly typingForManagers = new Set<TypingListener>();

  /** Where this instance's typing goes for the other instances (the bus); unset, nowhere. */
  relay: (typing: Typing) => void = () => undefined;

  /** Passes typing on at once, here and to the other instances; nothing of it is stored. */
  typing(typing: Typing): void {
    this.typingHere(typing);
    this.relay(typing);
  }

  /** Passes typing to this instance's sockets only (what another instance heard). */
  typingHere(typing: Typing): void {
    const listeners = typing.author === 'manager' ? this.typingOfUser.get(typing.userId) ?? [] : this.typingForManagers;
    for (const listener of listeners) deliver(listener, typing);
  }

  subscribeTypingOfUser(userId: string, listener: TypingListener): () => void {
    return joinGroup(this.typingOfUser, userId, listener);
  }

  subscribeTypingForManagers(listener: TypingListener): () => void {
    this.typingForManagers.add(listener);
    return () => this.typingForManagers.delete(listener);
  }

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

function deliver<T>(listener: (value: T) => void, event: T): void {
  try {
    listener(event);
  } catch (error) {
    console.error('realtime listener failed', error);
  }
}

/**
 * The HTTPS polls that wait for a customer's next event. A client (one tab; its id is chosen by
 * the SDK) waits with one poll at a time: its new poll ends the previous one, whose answer nobody
 * reads any more. A customer holds at most MAX_WAITING polls across tabs and browsers, the oldest
 * ending first, so a stuck or hostile client cannot pile up open requests. `close()` ends them all.
 */
import type { EventHub } from './EventHub.ts';

/** Why a wait ended: a new event, the time limit, a newer poll, the server closing, the request going away. */
export type WakeReason = 'event' | 'timeout' | 'replaced' | 'closing' | 'gone';

const MAX_WAITING = 8;

type End = (reason: WakeReason) => void;

export interface Wait {
  readonly woken: Promise<WakeReason>;
  end(): void;
}

export class PollWaiters {
  private readonly byUser = new Map<string, Map<string, End>>();
  private closing = false;

  constructor(
    private readonly hub: EventHub,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Starts waiting for an event of `userId` after `since`; call it before reading the log, so an
   * event committed during the read still wakes the wait. `woken` settles once; `end()` ends the
   * wait early (the poll was answered without it, or its request went away).
   * @example const wait = polls.wait(user.id, client, since); try { … await wait.woken } finally { wait.end() }
   */
  wait(userId: string, client: string, since: number): Wait {
    if (this.closing) return { woken: Promise.resolve('closing'), end() {} };
    const waiting = this.byUser.get(userId);
    waiting?.get(client)?.('replaced');
    for (const end of waiting?.values() ?? []) {
      if (waiting!.size < MAX_WAITING) break;
      end('replaced');
    }
    // Looked up after the evictions: the last one to end removes the customer's map.
    const clients = this.byUser.get(userId) ?? new Map<string, End>();
    this.byUser.set(userId, clients);
    let end: End = () => {};
    let ended = false;
    const woken = new Promise<WakeReason>((resolve) => {
      // Once only: the hub's unsubscribe must not run twice.
      end = (reason) => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        unsubscribe();
        if (clients.get(client) === end) clients.delete(client);
        if (clients.size === 0 && this.byUser.get(userId) === clients) this.byUser.delete(userId);
        resolve(reason);
      };
    });
    const timer = setTimeout(() => end('timeout'), this.timeoutMs);
    const unsubscribe = this.hub.subscribeUser(userId, (event) => {
      if (event.seq > since) end('event');
    });
    clients.set(client, end);
    return { woken, end: () => end('gone') };
  }

  /** Ends every wait at once, so each poll answers with what it has, and ends new ones as they come. */
  close(): void {
    this.closing = true;
    for (const clients of [...this.byUser.values()]) for (const end of [...clients.values()]) end('closing');
  }
}

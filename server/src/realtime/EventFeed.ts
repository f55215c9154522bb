/**
 * The events an instance hands its EventHub: every committed event once, strictly in seq order.
 * Events are offered by this instance's commits and, with several instances, by a bus between
 * them; neither is trusted to be complete or in order. The store's log is: a gap (a seq above the
 * next one expected) is filled by reading the log, and the feed also reads what follows its last
 * seq when it starts, when a bus reconnects, and after each idle period, so an event whose
 * announcement was lost (an instance that died between its commit and its publish, a dropped bus
 * connection) is still delivered, within that period.
 */
import type { EventRecord } from '../domain/types.ts';
import type { Store } from '../store/Store.ts';

export interface EventLog {
  /** Committed events with `after < seq <= upTo`, in seq order, at most `limit`. */
  read(after: number, upTo: number, limit: number): Promise<EventRecord[]>;
  /** The highest committed seq. */
  latest(): Promise<number>;
}

/** The log as the store keeps it, each read a unit of work of its own. */
export const storeLog = (store: Store): EventLog => ({
  read: (after, upTo, limit) => store.transaction((tx) => tx.listEvents({ after, upTo, limit })),
  latest: () => store.transaction((tx) => tx.latestSeq()),
});

export interface EventFeedOptions {
  /** The last seq already handed on (events up to it are never emitted). */
  after: number;
  /** How often the feed looks in the log for events nobody announced (ms). */
  idleMs?: number;
  /** The most events read from the log at once. */
  batch?: number;
  /** Told when reading the log fails; the next offer or idle read tries again. */
  onError?: (error: unknown) => void;
}

export class EventFeed {
  private last: number;
  private readonly waiting = new Map<number, EventRecord>();
  private reading: Promise<void> | null = null;
  /** What the reads under way must still cover: the newest seq of the log, and at least this seq. */
  private wantLatest = false;
  private wantUpTo = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly batch: number;

  constructor(
    private readonly log: EventLog,
    private readonly emit: (events: readonly EventRecord[]) => void,
    private readonly options: EventFeedOptions,
  ) {
    this.last = options.after;
    this.batch = options.batch ?? 500;
  }

  /** The last seq handed on. */
  get position(): number {
    return this.last;
  }

  /** Takes announced events: those next in order go on at once, a gap is filled from the log. */
  offer(events: readonly EventRecord[]): void {
    for (const event of events) if (event.seq > this.last) this.waiting.set(event.seq, event);
    this.flush();
    if (this.waiting.size > 0) void this.catchUp();
  }

  /**
   * Reads the log past the last seq handed on, up to `upTo` (a seq known to be committed, as a
   * bus announced it) or, without it, up to the newest; hands on what it finds with what was
   * waiting. Calls made while a read is on its way are covered by one more read after it.
   */
  catchUp(upTo?: number): Promise<void> {
    if (upTo === undefined) this.wantLatest = true;
    else if (upTo > this.last) this.wantUpTo = Math.max(this.wantUpTo, upTo);
    if (this.reading) return this.reading;
    if (!this.wantLatest && this.wantUpTo <= this.last) return Promise.resolve();
    this.reading = (async () => {
      try {
        while (this.wantLatest || this.wantUpTo > this.last) {
          const latest = this.wantLatest;
          const known = this.wantUpTo;
          this.wantLatest = false;
          this.wantUpTo = 0;
          await this.readUpTo(latest ? Math.max(known, await this.log.latest()) : known);
        }
      } catch (error) {
        this.options.onError?.(error);
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }

  /** Reads the log after each idle period; returns the stop. */
  start(): () => void {
    void this.catchUp();
    this.timer = setInterval(() => void this.catchUp(), this.options.idleMs ?? 1000);
    this.timer.unref?.();
    return () => {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
    };
  }

  /**
   * The log is the authority: what it returns is committed, and seqs are stamped in commit order,
   * so a seq it skips was never committed (a unit that rolled back) and is not waited for.
   */
  private async readUpTo(newest: number): Promise<void> {
    while (this.last < newest) {
      const events = (await this.log.read(this.last, newest, this.batch)).filter((event) => event.seq > this.last);
      if (events.length === 0) break;
      for (const event of events) this.waiting.delete(event.seq);
      this.last = events[events.length - 1].seq;
      this.emit(events);
      for (const seq of this.waiting.keys()) if (seq <= this.last) this.waiting.delete(seq);
      this.flush();
    }
  }

  /** Hands on the waiting events that follow the last one without a gap. */
  private flush(): void {
    const ready: EventRecord[] = [];
    for (let next = this.waiting.get(this.last + 1); next; next = this.waiting.get(this.last + 1)) {
      this.waiting.delete(next.seq);
      this.last = next.seq;
      ready.push(next);
    }
    if (ready.length > 0) this.emit(ready);
  }
}

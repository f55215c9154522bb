/**
 * Counters that reset at the end of a fixed window: the bytes quota and the failed-sign-in
 * back-off count with them (the request limits count in @fastify/rate-limit's own store). Each
 * method maps onto one Redis command or two, so that several instances can share them later.
 */
export interface Count {
  total: number;
  /** Time left before the counter resets, in ms. */
  resetInMs: number;
}

export interface CounterStore {
  /** Adds `amount` under `key`; a counter's window of `windowMs` starts at its first add (INCRBY + PEXPIRE NX). */
  add(key: string, amount: number, windowMs: number): Promise<Count>;
  /** The counter as it stands, or null when there is none (GET + PTTL). */
  read(key: string): Promise<Count | null>;
  /** Forgets the counter (DEL). */
  reset(key: string): Promise<void>;
}

/**
 * This process's memory, holding at most `maxKeys` counters: past that the oldest window goes
 * first, so a flood of new keys costs memory it is allowed and no more.
 * @example const counters = new MemoryCounters(50_000); await counters.add('k', 1, 60_000)
 */
export class MemoryCounters implements CounterStore {
  private readonly counters = new Map<string, { total: number; endsAt: number }>();

  constructor(
    private readonly maxKeys: number,
    private readonly now: () => number = Date.now,
  ) {}

  async add(key: string, amount: number, windowMs: number): Promise<Count> {
    const now = this.now();
    let counter = this.live(key, now);
    if (!counter) {
      if (this.counters.size >= this.maxKeys) this.counters.delete(this.counters.keys().next().value!);
      counter = { total: 0, endsAt: now + windowMs };
      this.counters.set(key, counter); // inserted last: the Map's order is the windows' age
    }
    counter.total += amount;
    return { total: counter.total, resetInMs: counter.endsAt - now };
  }

  async read(key: string): Promise<Count | null> {
    const now = this.now();
    const counter = this.live(key, now);
    return counter ? { total: counter.total, resetInMs: counter.endsAt - now } : null;
  }

  async reset(key: string): Promise<void> {
    this.counters.delete(key);
  }

  private live(key: string, now: number) {
    const counter = this.counters.get(key);
    if (!counter || counter.endsAt > now) return counter;
    this.counters.delete(key);
    return undefined;
  }
}

/**
 * Limit counters in Redis, shared by every instance of a deployment: an allowance is the same
 * whichever instance a request reaches. While Redis cannot be reached the counting goes on in this
 * instance's memory (each instance then grants its own allowance, which is still a bound) and
 * the outage is logged once; the Redis counts take over again when it answers.
 */
import type { Redis } from 'ioredis';
import type { Count, CounterStore } from './counterStore.ts';

export class RedisCounters implements CounterStore {
  private failing = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly fallback: CounterStore,
    private readonly onOutage: (error: unknown) => void,
  ) {}

  add(key: string, amount: number, windowMs: number): Promise<Count> {
    return this.attempt(async () => {
      const name = this.prefix + key;
      const replies = await this.redis.multi().incrby(name, amount).pexpire(name, windowMs, 'NX').pttl(name).exec();
      return counted(replies?.[0]?.[1], replies?.[2]?.[1], windowMs);
    }, () => this.fallback.add(key, amount, windowMs));
  }

  read(key: string): Promise<Count | null> {
    return this.attempt(async () => {
      const name = this.prefix + key;
      const replies = await this.redis.multi().get(name).pttl(name).exec();
      const total = replies?.[0]?.[1];
      return total === null || total === undefined ? null : counted(total, replies?.[1]?.[1], 0);
    }, () => this.fallback.read(key));
  }

  reset(key: string): Promise<void> {
    return this.attempt(async () => void (await this.redis.del(this.prefix + key)), () => this.fallback.reset(key));
  }

  private async attempt<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    try {
      const result = await shared();
      this.failing = false;
      return result;
    } catch (error) {
      if (!this.failing) this.onOutage(error);
      this.failing = true;
      return local();
    }
  }
}

/** A MULTI's replies as a Count; a transaction's error reply throws, so the fallback counts. */
function counted(total: unknown, ttl: unknown, windowMs: number): Count {
  if (total instanceof Error) throw total;
  if (ttl instanceof Error) throw ttl;
  const ms = Number(ttl);
  return { total: Number(total), resetInMs: ms >= 0 ? ms : windowMs };
}


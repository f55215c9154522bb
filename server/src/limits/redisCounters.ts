/**
 * Limit counters in Redis, shared by every instance of a deployment: an allowance is the same
 * whichever instance a request reaches. While Redis cannot be reached the counting goes on in this
 * instance's memory (each instance then grants its own allowance, which is still a bound), the
 * outage is logged once, and Redis is tried again at most once a second, so a Redis that hangs
 * delays one request a second rather than every one; the Redis counts take over when it answers.
 */
import type { Redis } from 'ioredis';
import type { Count, CounterStore } from './counterStore.ts';

/** How long after a failure the counting stays local before Redis is tried again. */
const RETRY_AFTER_MS = 1_000;

/**
 * Adds to a counter and gives it its window if it has none (a new key, or one left without an
 * expiry), in one step: `{ total, ms to reset }`. Plain commands, so any Redis since 2.6 runs it.
 */
const ADD_SCRIPT = `
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return { total, ttl }
`;

export class RedisCounters implements CounterStore {
  /** While set, when Redis may be tried again. */
  private retryAt: number | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly fallback: CounterStore,
    private readonly onOutage: (error: unknown) => void,
  ) {}

  add(key: string, amount: number, windowMs: number): Promise<Count> {
    return this.attempt(async () => {
      const [total, ttl] = (await this.redis.eval(ADD_SCRIPT, 1, this.prefix + key, amount, windowMs)) as [unknown, unknown];
      return counted(total, ttl);
    }, () => this.fallback.add(key, amount, windowMs));
  }

  read(key: string): Promise<Count | null> {
    return this.attempt(async () => {
      const name = this.prefix + key;
      const replies = await this.redis.multi().get(name).pttl(name).exec();
      const [total, ttl] = [0, 1].map((at) => {
        const [error, value] = replies?.[at] ?? [new Error('the transaction was discarded'), null];
        if (error) throw error;
        return value;
      });
      // A key gone, or one without an expiry (which add repairs), counts as nothing yet.
      return total === null || Number(ttl) < 0 ? null : counted(total, ttl);
    }, () => this.fallback.read(key));
  }

  reset(key: string): Promise<void> {
    return this.attempt(async () => void (await this.redis.del(this.prefix + key)), () => this.fallback.reset(key));
  }

  private async attempt<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    if (this.retryAt !== null && Date.now() < this.retryAt) return local();
    try {
      const result = await shared();
      this.retryAt = null;
      return result;
    } catch (error) {
      if (this.retryAt === null) this.onOutage(error);
      this.retryAt = Date.now() + RETRY_AFTER_MS;
      return local();
    }
  }
}

/** Redis's replies as a Count; anything but two numbers throws, so the fallback counts. */
function counted(total: unknown, ttl: unknown): Count {
  const count = Number(total);
  const ms = Number(ttl);
  if (!Number.isSafeInteger(count) || !Number.isFinite(ms) || ms < 0) throw new Error(`Redis answered a counter with ${String(total)}, ${String(ttl)}`);
  return { total: count, resetInMs: ms };
}

/**
 * The one place that chooses where limit counters live. Today: this process's memory, right for a
 * single instance. Instances behind one address must share them, or each would grant the full
 * allowance: pass an ioredis client as `redis` in `plugin` (@fastify/rate-limit supports it) and
 * back `counters` with the same client (the methods of CounterStore name their Redis commands).
 */
import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import { MemoryCounters, type CounterStore } from './counterStore.ts';

export interface LimitStores {
  /** Store options for @fastify/rate-limit (`cache` in memory, or `redis`). */
  plugin: Pick<RateLimitPluginOptions, 'cache' | 'redis' | 'nameSpace'>;
  counters: CounterStore;
}

/** Keys kept per limit: one per visitor or address seen within a window, the oldest dropped past it. */
const KEYS_PER_LIMIT = 50_000;

/** @example const stores = createLimitStores() */
export function createLimitStores(): LimitStores {
  return { plugin: { cache: KEYS_PER_LIMIT }, counters: new MemoryCounters(KEYS_PER_LIMIT * 4) };
}

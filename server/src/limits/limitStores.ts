/**
 * The one place that chooses where limit counters live: this process's memory, right for a single
 * instance, or Redis (REDIS_URL), which instances behind one address must share, or each would
 * grant the full allowance.
 */
import type { Redis } from 'ioredis';
import { MemoryCounters, type CounterStore } from './counterStore.ts';
import { RATE_NAMES } from './limitRules.ts';
import { RedisCounters } from './redisCounters.ts';

/**
 * Keys kept in memory per limit and scope: one per visitor or address seen within a window, the
 * oldest dropped past it. The quotas and the sign-in back-off count in the same store.
 */
const KEYS_PER_LIMIT = 50_000;
const MEMORY_KEYS = KEYS_PER_LIMIT * (RATE_NAMES.length * 2 + 4);

export interface SharedCounters {
  redis: Redis;
  /** The deployment's key prefix (cluster/redis.ts). */
  prefix: string;
  onOutage(error: unknown): void;
}

/** @example const counters = createCounters() */
export function createCounters(shared?: SharedCounters): CounterStore {
  const memory = new MemoryCounters(MEMORY_KEYS);
  return shared ? new RedisCounters(shared.redis, `${shared.prefix}limit:`, memory, shared.onOutage) : memory;
}

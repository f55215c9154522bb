/**
 * What an instance shares with the others of its deployment, as the configuration says: the bus
 * (BUS) and, with REDIS_URL, the limit counters. One SQLite process has nothing to share.
 */
import type { Redis } from 'ioredis';
import type { ServerConfig } from '../config.ts';
import type { CounterStore } from '../limits/counterStore.ts';
import { createCounters } from '../limits/limitStores.ts';
import type { OpenedStore } from '../store/openStore.ts';
import { QUIET_BUS, type OpenBus } from './Bus.ts';
import { openPostgresBus } from './postgresBus.ts';
import { connectRedis, openRedisBus, redisPrefix } from './redis.ts';

export interface Cluster {
  counters: CounterStore;
  openBus: OpenBus;
  close(): Promise<void>;
}

export interface ClusterLog {
  error(what: string, error: unknown): void;
}

export async function joinCluster(config: ServerConfig, opened: OpenedStore, log: ClusterLog): Promise<Cluster> {
  const shared = opened.shared;
  if (!shared) return { counters: createCounters(), openBus: async () => QUIET_BUS, close: async () => undefined };
  const self = shared.instanceId;
  const prefix = redisPrefix(shared.deploymentId);
  let redis: Redis | undefined;
  // A limited request waits for its count: a Redis that hangs costs it this long, once, before
  // the counting moves to this instance's memory (RedisCounters).
  if (config.redis) redis = await connectRedis(config.redis.url, 'sangdam-counters', 500);
  const counters = createCounters(
    redis && { redis, prefix, onOutage: (error) => log.error('Redis cannot be reached: limits count per instance until it answers', redisFailure(error)) },
  );
  const onError = (error: unknown) => log.error('telling the other instances failed (they read the log within a second)', redisFailure(error));
  const openBus: OpenBus = (handlers) => {
    if (config.bus === 'redis') return openRedisBus({ url: config.redis!.url, prefix, self, onError }, handlers);
    if ((config.bus ?? 'postgres') === 'postgres') return openPostgresBus(shared, onError, handlers);
    return Promise.resolve(QUIET_BUS);
  };
  return {
    counters,
    openBus,
    close: async () => void (await redis?.quit().catch(() => redis?.disconnect())),
  };
}

/**
 * A Redis failure as it may be logged: ioredis attaches the failed command with its arguments
 * (a PUBLISH carries customers' messages), so only the name and the message are kept.
 */
function redisFailure(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const kept = new Error(error.message);
  kept.name = error.name;
  return kept;
}

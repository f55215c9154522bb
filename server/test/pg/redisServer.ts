/**
 * The Redis the tests use: `TEST_REDIS_URL` (`.ci/run` and `scripts/withServices.sh` start a
 * throwaway one). Without it the Redis tests cannot run: under CI that fails them, elsewhere they
 * are skipped with the reason printed.
 */
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.TEST_REDIS_URL || '';

if (!REDIS_URL && process.env.CI === 'true') {
  throw new Error('TEST_REDIS_URL is not set: the Redis tests must run in CI (see .ci/run)');
}
if (!REDIS_URL) console.warn('TEST_REDIS_URL is not set: the Redis tests are skipped (scripts/withServices.sh starts a server)');

/** A plain client for a test's own checks and faults. */
export const redisClient = () => new Redis(REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 1 });

/** Cuts every subscribed connection (what a Redis restart or a network cut does to the bus). */
export async function cutSubscribers(): Promise<void> {
  const redis = redisClient();
  try {
    await redis.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
  } finally {
    redis.disconnect();
  }
}

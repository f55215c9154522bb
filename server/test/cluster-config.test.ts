/** The environment of a deployment of several instances (SPEC §4): DATABASE_URL, REDIS_URL, BUS. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const DB = 'postgres://sangdam@db.internal:5432/sangdam';
const config = (env: Record<string, string>) => loadConfig(env).config;
const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('accepted');
};

describe('the cluster environment', () => {
  it('runs on SQLite alone when nothing is set', () => {
    const { postgres, redis, bus } = config({});
    expect([postgres, redis, bus]).toEqual([undefined, undefined, undefined]);
  });

  it('tells instances of one database by LISTEN/NOTIFY, and by Redis once REDIS_URL is set', () => {
    expect(config({ DATABASE_URL: DB }).bus).toBe('postgres');
    const withRedis = config({ DATABASE_URL: DB, REDIS_URL: 'redis://cache.internal:6379/2' });
    expect(withRedis.bus).toBe('redis');
    expect(withRedis.redis).toEqual({ url: 'redis://cache.internal:6379/2' });
    // Counters in Redis, announcements by NOTIFY, or by nothing but the log.
    expect(config({ DATABASE_URL: DB, REDIS_URL: 'rediss://cache.internal', BUS: 'postgres' }).bus).toBe('postgres');
    expect(config({ DATABASE_URL: DB, BUS: 'none' }).bus).toBe('none');
  });

  it('refuses what cannot work, naming the variable and the rule', () => {
    expect(refusal({ DATABASE_URL: DB, BUS: 'redis' })).toBe('BUS=redis: needs REDIS_URL');
    expect(refusal({ BUS: 'postgres' })).toBe('BUS=postgres: needs DATABASE_URL (one SQLite file serves one instance)');
    expect(refusal({ REDIS_URL: 'redis://cache' })).toBe('REDIS_URL: joins instances of one PostgreSQL (DATABASE_URL); SQLite serves one instance');
    expect(refusal({ DATABASE_URL: DB, REDIS_URL: 'http://cache' })).toBe('REDIS_URL: must be a redis:// or rediss:// URL');
    expect(refusal({ DATABASE_URL: DB, BUS: 'kafka' })).toBe('BUS: must be redis, postgres or none, got "kafka"');
    expect(refusal({ DATABASE_URL: 'mysql://db' })).toBe('DATABASE_URL: must be a postgres:// URL');
  });
});

/**
 * Configuration from the environment. Only what is needed to start; everything else about a
 * channel lives in the database.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Language } from '../../src/shared/types.ts';
import { passwordProblem } from '../../src/shared/team.ts';
import { fileURLToPath } from 'node:url';
import { daysToMs } from './domain/sessions.ts';
import { parseTrustProxy } from './limits/clientAddress.ts';
import { parseLimits, type LimitOverrides } from './limits/limitRules.ts';
import type { Timeouts } from './limits/timeouts.ts';

export interface ServerConfig {
  port: number;
  host: string;
  /** Where the SQLite files live (and, with PostgreSQL, nothing: the database holds everything). */
  dataDir: string;
  /**
   * The PostgreSQL store (DATABASE_URL, with PG_POOL_SIZE, PG_STATEMENT_TIMEOUT_MS,
   * PG_IDLE_TX_TIMEOUT_MS); unset, SQLite in dataDir.
   */
  postgres?: { url: string; poolSize?: number; statementTimeoutMs?: number; idleInTransactionTimeoutMs?: number };
  /**
   * What instances share besides the database (REDIS_URL): rate-limit and sign-in counters, and,
   * with BUS=redis, every announcement. Unset: counters stay in each instance's memory.
   */
  redis?: { url: string };
  /**
   * How instances tell each other of commits, typing and ended sessions (BUS): `redis` (pub/sub,
   * the default with REDIS_URL), `postgres` (LISTEN/NOTIFY, the default with DATABASE_URL alone)
   * or `none` (each instance reads the log every second; typing stays on its instance). Either way
   * every event reaches every instance: the log is read for what an announcement misses.
   */
  bus?: 'redis' | 'postgres' | 'none';
  /**
   * The owner's bearer token (MANAGER_TOKEN), at least 24 characters. Unset: the stored one, or
   * one generated at first start, of which only the hash is kept in the database.
   */
  managerToken?: string;
  /**
   * The first owner account (OWNER_EMAIL, OWNER_PASSWORD, optional OWNER_NAME), made at a start
   * that finds no account; ignored once any exists.
   */
  owner?: { email: string; password: string; name?: string };
  /** How long a visitor's session may sit unused, in ms (VISITOR_SESSION_DAYS; default 180 days). */
  visitorSessionMs?: number;
  /** How long a member's session may sit unused, in ms (MEMBER_SESSION_DAYS; default 30 days). */
  memberSessionMs?: number;
  /** The demo channel's plugin key; unset keeps the stored one (generated on first start). */
  pluginKey?: string;
  /** The demo channel's member secret; unset keeps the stored one, `null` turns checks off. */
  memberSecret?: string | null;
  /** The demo channel's allowed origins; unset keeps the stored list, `[]` admits any. */
  allowedOrigins?: string[];
  /** The demo channel's language (CHANNEL_LANGUAGE: ko, en, ja); unset keeps the stored one (ko at first). */
  channelLanguage?: Language;
  distDir: string;
  examplesDir: string;
  /**
   * Where customers reach this server, e.g. `https://chat.shop.example` (a path prefix is kept):
   * the base of the survey links managers copy. Unset: taken from each request's protocol and
   * Host header, which is wrong behind a proxy that rewrites them — set PUBLIC_URL there.
   */
  publicUrl?: string;
  logLevel?: 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Where log lines are written (default: standard output). */
  logStream?: { write(line: string): void };
  /** How long a socket may stay silent before its hello (default 10 s). */
  helloTimeoutMs?: number;
  /** How often sockets are pinged; one missed pong and they are cut (default 30 s). */
  heartbeatMs?: number;
  /**
   * How long a stop waits for requests already being answered before it cuts their connections
   * (default 10 s; env DRAIN_MS).
   */
  drainMs?: number;
  /**
   * How long an HTTPS poll of the realtime stream waits for an event before answering empty
   * (default 25 s: under the idle timeout of common proxies, nginx's 60 s, Heroku's 30 s).
   */
  pollTimeoutMs?: number;
  /** Where the domain reads the time (default `Date.now`); tests pass a fixed clock. */
  clock?: () => number;
  /** Rate limits over the defaults of limits/limitRules.ts (unset: the defaults), or `'off'`. */
  rateLimits?: LimitOverrides | 'off';
  /** Addresses or CIDR ranges of the reverse proxies whose `X-Forwarded-For` is believed. */
  trustProxy?: string[];
  /** Socket and request timeouts over the defaults of limits/timeouts.ts. */
  timeouts?: Partial<Timeouts>;
}

export class ConfigError extends Error {}

/**
 * The repository root: the nearest folder above this file whose package.json is the project's,
 * the same whether the server runs from its sources (server/src) or compiled (server/dist/…).
 */
export const REPO_ROOT = findRoot(fileURLToPath(new URL('.', import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'sangdam') return dir;
    } catch {
      // no package.json here, or not readable: look further up
    }
    if (dirname(dir) === dir) throw new Error(`no sangdam package.json above ${from}`);
  }
}

/**
 * @example const { config, managerTokenGenerated } = loadConfig(process.env)
 */
export function loadConfig(env: NodeJS.ProcessEnv): { config: ServerConfig } {
  const config: ServerConfig = {
    port: readPort(env.PORT),
    host: env.HOST || '127.0.0.1',
    dataDir: readDataDir(env),
    managerToken: env.MANAGER_TOKEN || undefined,
    owner: readOwner(env),
    visitorSessionMs: readDays('VISITOR_SESSION_DAYS', env.VISITOR_SESSION_DAYS),
    memberSessionMs: readDays('MEMBER_SESSION_DAYS', env.MEMBER_SESSION_DAYS),
    pluginKey: readPluginKey(env.PLUGIN_KEY),
    // An empty MEMBER_SECRET= turns verification off; unset leaves the stored secret alone.
    memberSecret: env.MEMBER_SECRET === undefined ? undefined : env.MEMBER_SECRET || null,
    allowedOrigins: env.ALLOWED_ORIGINS === undefined ? undefined : readOrigins(env.ALLOWED_ORIGINS),
    channelLanguage: readChannelLanguage(env.CHANNEL_LANGUAGE),
    distDir: resolve(env.DIST_DIR || resolve(REPO_ROOT, 'dist')),
    examplesDir: resolve(env.EXAMPLES_DIR || resolve(REPO_ROOT, 'examples')),
    publicUrl: readPublicUrl(env.PUBLIC_URL),
    logLevel: readLogLevel(env.LOG_LEVEL),
    rateLimits: env.RATE_LIMITS ? read('RATE_LIMITS', () => parseLimits(env.RATE_LIMITS!)) : undefined,
    trustProxy: read('TRUST_PROXY', () => parseTrustProxy(env.TRUST_PROXY)),
    drainMs: readDrain(env.DRAIN_MS),
    postgres: readPostgres(env),
    redis: readRedis(env),
    bus: readBus(env),
  };
  return { config };
}

function readChannelLanguage(value: string | undefined): Language | undefined {
  if (!value) return undefined;
  if (value === 'ko' || value === 'en' || value === 'ja') return value;
  throw new ConfigError(`CHANNEL_LANGUAGE: must be ko, en or ja (got "${value.slice(0, 20)}")`);
}

function readOwner(env: NodeJS.ProcessEnv): ServerConfig['owner'] {
  const { OWNER_EMAIL: email, OWNER_PASSWORD: password, OWNER_NAME: name } = env;
  if (!email && !password) return undefined;
  if (!email || !password) throw new ConfigError('OWNER_EMAIL and OWNER_PASSWORD: set both, or neither');
  const problem = passwordProblem(password, email);
  if (problem) throw new ConfigError(`OWNER_PASSWORD: ${problem.replace(/^password: /, '')}`);
  return { email, password, ...(name ? { name } : {}) };
}

/** The shortest MANAGER_TOKEN accepted: anything shorter can be guessed. */
export const MIN_MANAGER_TOKEN_LENGTH = 24;

/** Refuses a manager token short enough to guess, before the server opens anything. */
export function checkManagerToken(token: string | undefined): void {
  if (token === undefined || token.length >= MIN_MANAGER_TOKEN_LENGTH) return;
  throw new ConfigError(
    `MANAGER_TOKEN: must have at least ${MIN_MANAGER_TOKEN_LENGTH} characters (it has ${token.length}); ` +
      'a shorter token can be guessed, and it unlocks every chat. Use `openssl rand -base64 32`, or unset it to have one generated',
  );
}

/** A positive number of days (fractions allowed), in ms; unset keeps the default. */
function readDays(variable: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0) throw new ConfigError(`${variable}: must be a positive number of days, got "${value}"`);
  return daysToMs(days);
}

function readPostgres(env: NodeJS.ProcessEnv): ServerConfig['postgres'] {
  const url = env.DATABASE_URL;
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('DATABASE_URL: must be a postgres:// URL');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new ConfigError('DATABASE_URL: must be a postgres:// URL');
  const whole = (variable: string, min: number, max: number): number | undefined => {
    const value = env[variable];
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${variable}: must be a whole number from ${min} to ${max}, got "${value.slice(0, 20)}"`);
    return n;
  };
  return {
    url,
    // Two at least: the start-up lock holds one connection while the migrations use another.
    poolSize: whole('PG_POOL_SIZE', 2, 500),
    statementTimeoutMs: whole('PG_STATEMENT_TIMEOUT_MS', 100, 3_600_000),
    idleInTransactionTimeoutMs: whole('PG_IDLE_TX_TIMEOUT_MS', 100, 3_600_000),
  };
}

function readRedis(env: NodeJS.ProcessEnv): ServerConfig['redis'] {
  const url = env.REDIS_URL;
  if (!url) return undefined;
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') throw new ConfigError('REDIS_URL: must be a redis:// or rediss:// URL');
  if (!env.DATABASE_URL) throw new ConfigError('REDIS_URL: joins instances of one PostgreSQL (DATABASE_URL); SQLite serves one instance');
  return { url };
}

function readBus(env: NodeJS.ProcessEnv): ServerConfig['bus'] {
  const bus = env.BUS;
  if (!bus) return env.REDIS_URL ? 'redis' : env.DATABASE_URL ? 'postgres' : undefined;
  if (bus !== 'redis' && bus !== 'postgres' && bus !== 'none') throw new ConfigError(`BUS: must be redis, postgres or none, got "${bus.slice(0, 20)}"`);
  if (bus !== 'none' && !env.DATABASE_URL) throw new ConfigError(`BUS=${bus}: needs DATABASE_URL (one SQLite file serves one instance)`);
  if (bus === 'redis' && !env.REDIS_URL) throw new ConfigError('BUS=redis: needs REDIS_URL');
  return bus;
}

function readDrain(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) throw new ConfigError(`DRAIN_MS: must be a whole number of milliseconds from 0 to 600000, got "${value.slice(0, 20)}"`);
  return ms;
}

/** Runs a reader whose errors name the rule, and prefixes them with the variable. */
function read<T>(variable: string, reader: () => T): T {
  try {
    return reader();
  } catch (error) {
    throw new ConfigError(`${variable}: ${(error as Error).message}`);
  }
}

/** DATA_DIR, resolved against the working directory; `./data` when unset. */
export const readDataDir = (env: NodeJS.ProcessEnv): string => resolve(env.DATA_DIR || './data');

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT: must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}

function readPluginKey(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(value)) {
    throw new ConfigError('PLUGIN_KEY: must be 8 to 64 letters, digits, "-" or "_"');
  }
  return value;
}

/** Comma-separated origins, each `scheme://host[:port]`. */
export function readOrigins(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      try {
        const origin = new URL(item).origin;
        if (origin !== 'null') return origin;
      } catch {
        // reported below
      }
      throw new ConfigError(`ALLOWED_ORIGINS: "${item}" is not an origin like https://shop.example`);
    });
}

/** An http(s) URL without query or fragment, kept without its trailing slash. */
export function readPublicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new ConfigError(`PUBLIC_URL: "${value}" is not a URL like https://chat.shop.example`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function readLogLevel(value: string | undefined): ServerConfig['logLevel'] {
  const levels = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
  if (!value) return 'warn';
  const level = levels.find((item) => item === value);
  if (!level) throw new ConfigError(`LOG_LEVEL: must be one of ${levels.join(', ')}`);
  return level;
}

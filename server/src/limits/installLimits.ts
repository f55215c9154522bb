/**
 * Everything that bounds what a client may do, assembled from the configuration: the options
 * Fastify must be created with (timeouts, trusted proxies), then the limiters the routes and the
 * realtime endpoint use.
 */
import type { FastifyServerOptions } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { ServerConfig } from '../config.ts';
import { createAuthBackoff, type AuthBackoff } from './authBackoff.ts';
import { addressKey, clientAddress, trustOf } from './clientAddress.ts';
import type { CounterStore } from './counterStore.ts';
import { resolveLimits } from './limitRules.ts';
import { createRateLimiter, type RateLimiter } from './rateLimiter.ts';
import { createSocketCounts, type SocketCounts } from './socketCounts.ts';
import { timeoutOptions, type TimeoutOptions } from './timeouts.ts';

export interface ServerLimits {
  limiter: RateLimiter;
  backoff: AuthBackoff;
  sockets: SocketCounts;
  /** The limiters' key of a WebSocket upgrade's client, read by the same rule as `request.ip`. */
  addressOf(request: IncomingMessage): string;
}

/** Options for `Fastify(…)`. */
export function limitServerOptions(config: ServerConfig, pollTimeoutMs: number): TimeoutOptions & Pick<FastifyServerOptions, 'trustProxy'> {
  const trust = trustOf(config.trustProxy);
  return { ...timeoutOptions(config.timeouts ?? {}, pollTimeoutMs), ...(trust ? { trustProxy: trust } : {}) };
}

/**
 * `counters`: where requests, bytes and failed sign-ins are counted (limitStores.ts).
 * @example const limits = createLimits(config, createCounters())
 */
export function createLimits(config: ServerConfig, counters: CounterStore): ServerLimits {
  const limits = resolveLimits(config.rateLimits);
  const trust = trustOf(config.trustProxy);
  return {
    limiter: createRateLimiter(limits, counters),
    backoff: createAuthBackoff(limits && limits.managerAuth, counters),
    sockets: createSocketCounts(limits && limits.sockets),
    addressOf: (request) => addressKey(clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trust)),
  };
}

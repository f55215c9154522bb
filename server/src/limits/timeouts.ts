/**
 * How long a socket may take or sit idle. Node's defaults are loose and Fastify turns the request
 * timeout off, so without these a client trickling a body a byte at a time holds a socket forever.
 */
import type { FastifyServerOptions } from 'fastify';
import type { ServerOptions } from 'node:http';

export type TimeoutOptions = Pick<FastifyServerOptions, 'requestTimeout' | 'keepAliveTimeout' | 'connectionTimeout'> & {
  http: ServerOptions;
};

export interface Timeouts {
  /** The whole request, headers and body, must arrive within this; a slower one is cut (408). */
  requestMs: number;
  /** The request's headers must arrive within this. */
  headersMs: number;
  /** A keep-alive socket idle between requests is closed after this. */
  keepAliveMs: number;
  /** Any socket silent this long is closed; above the long poll's wait, during which it is silent. */
  connectionMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  // 64 KB (the widget's largest body) at 3 KB/s, a very poor mobile link, still fits.
  requestMs: 30_000,
  headersMs: 10_000,
  // Above the 60 s idle timeout of common proxies and load balancers, so they close first and
  // never send a request on a socket the server is closing.
  keepAliveMs: 65_000,
  connectionMs: 70_000,
};

/**
 * Fastify's server options for `timeouts`; refuses a combination that would cut healthy requests.
 * @example Fastify({ ...timeoutOptions({}, 25_000) })
 */
export function timeoutOptions(given: Partial<Timeouts>, pollTimeoutMs: number): TimeoutOptions {
  const t = { ...DEFAULT_TIMEOUTS, ...given };
  if (t.headersMs > t.requestMs) throw new Error('timeouts.headersMs: must not exceed requestMs');
  if (t.connectionMs <= pollTimeoutMs) throw new Error('timeouts.connectionMs: must exceed the long poll\'s wait');
  // Node looks for late requests at this interval; a fraction of the timeout keeps the cut prompt.
  const connectionsCheckingInterval = Math.max(50, Math.min(2000, Math.floor(t.headersMs / 4)));
  return {
    requestTimeout: t.requestMs,
    keepAliveTimeout: t.keepAliveMs,
    connectionTimeout: t.connectionMs,
    http: { headersTimeout: t.headersMs, requestTimeout: t.requestMs, connectionsCheckingInterval },
  };
}

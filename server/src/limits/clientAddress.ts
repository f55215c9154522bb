/**
 * Whose address a request comes from. By default the socket's peer: behind a reverse proxy that is
 * the proxy, and every customer would share one address's limits. `TRUST_PROXY` names the proxies;
 * `X-Forwarded-For` is then read from the right, skipping the hops that are trusted proxies, so a
 * client cannot choose its address by sending the header itself. The same rule serves Fastify
 * (`request.ip`) and the WebSocket upgrade, which Fastify never sees.
 */
import { BlockList, isIP } from 'node:net';
import { normalizeIP } from '@fastify/rate-limit';

/** Is `address` one of the trusted proxies? (Fastify's `trustProxy` function.) */
export type Trust = (address: string) => boolean;

/** `::ffff:10.0.0.1` is the IPv4 peer of a dual-stack socket. */
const plain = (address: string): string => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

const RULE = 'must be comma-separated proxy addresses or CIDR ranges, e.g. 127.0.0.1 or 10.0.0.0/8,::1';

/**
 * `TRUST_PROXY`: unset or empty trusts no proxy. Anything else must list the proxies.
 * @example parseTrustProxy('127.0.0.1, 10.0.0.0/8') // ['127.0.0.1', '10.0.0.0/8']
 */
export function parseTrustProxy(value: string | undefined): string[] | undefined {
  if (!value || value.trim() === '') return undefined;
  const entries = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (!family || !prefixOk || extra !== undefined) throw new Error(`"${entry}" ${RULE}`);
  }
  return entries;
}

/** The trust function of a list from `parseTrustProxy`; undefined trusts no one. */
export function trustOf(proxies: string[] | undefined): Trust | undefined {
  if (!proxies) return undefined;
  const list = new BlockList();
  for (const entry of proxies) {
    const [address, prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    const ip = plain(address);
    const family = isIP(ip);
    return family !== 0 && list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * The client's address: the socket's peer, or, when that peer is a trusted proxy, the nearest
 * address in `X-Forwarded-For` that is not one (the walk Fastify's `request.ip` does).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trust?: Trust): string {
  const peer = socketAddress ?? '';
  if (!trust || forwardedFor === undefined) return peer;
  const hops = [peer, ...[forwardedFor].flat().join(',').split(',').map((item) => item.trim()).reverse()];
  let at = 0;
  while (at < hops.length - 1 && trust(hops[at])) at++;
  return hops[at];
}

/** The key of an address in the limiters: IPv4-mapped as IPv4, IPv6 by its /64 (one subscriber's block). */
export const addressKey = (address: string): string => (isIP(address) ? normalizeIP(address) : address || 'unknown');

/** Reading bearer credentials from requests. */
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../domain/team.ts';
import type { AuthBackoff } from '../limits/authBackoff.ts';
import { addressKey } from '../limits/clientAddress.ts';
import { rateLimited } from '../limits/rateLimited.ts';
import { HttpError } from './errors.ts';

/** The token of `Authorization: Bearer <token>`, or undefined. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}

export function requireBearer(request: FastifyRequest, what: string): string {
  const token = bearerToken(request);
  if (token === undefined) {
    throw new HttpError(401, 'unauthorized', `authorization: send "Bearer <${what}>"`);
  }
  return token;
}

/** Who a manager's bearer token speaks for, or null when it opens nothing. */
export type IdentifyCaller = (token: string) => Promise<Caller | null>;

/**
 * The caller of a manager request: its bearer is MANAGER_TOKEN, a console sign-in or an API
 * token. A wrong one counts against the client's address, and an address that failed too often
 * waits (429) before it may try again.
 */
export async function requireManager(request: FastifyRequest, identify: IdentifyCaller, backoff: AuthBackoff): Promise<Caller> {
  const token = requireBearer(request, 'manager token');
  let caller: Caller | null = null;
  const { passed, waitMs } = await backoff.attempt(addressKey(request.ip), async () => (caller = await identify(token)) !== null);
  if (waitMs) throw rateLimited('authorization: too many failed attempts from this address', waitMs);
  if (!passed || !caller) throw new HttpError(401, 'unauthorized', 'authorization: the manager token is not valid');
  return caller;
}

/** Reading bearer credentials from requests. */
import type { FastifyRequest } from 'fastify';
import { sameSecret } from '../domain/crypto.ts';
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

/** Refuses any request whose bearer is not the manager token. */
export function requireManager(request: FastifyRequest, managerToken: string): void {
  const token = requireBearer(request, 'manager token');
  if (!sameSecret(token, managerToken)) {
    throw new HttpError(401, 'unauthorized', 'authorization: the manager token is not valid');
  }
}

/**
 * CORS for the widget API, per channel: the request's origin is echoed back only when the
 * channel allows it (an empty list allows any). Requests without an Origin header (servers,
 * curl) are not cross-origin requests and pass untouched.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isOriginAllowed } from '../domain/channels.ts';
import type { ChannelRecord } from '../domain/types.ts';
import { HttpError } from './errors.ts';

export const allowOrigin = (reply: FastifyReply, origin: string): void => {
  reply.header('Access-Control-Allow-Origin', origin);
  reply.header('Vary', 'Origin');
};

/** Echoes an allowed origin, or refuses with 403 before any work is done. */
export function applyChannelCors(request: FastifyRequest, reply: FastifyReply, channel: ChannelRecord): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  if (!isOriginAllowed(channel, origin)) {
    throw new HttpError(403, 'origin_not_allowed', `origin: ${origin} is not allowed to use this channel`);
  }
  allowOrigin(reply, origin);
}

/** Answers a preflight that passed `applyChannelCors`. */
export function answerPreflight(reply: FastifyReply): FastifyReply {
  return reply
    .code(204)
    .header('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE')
    .header('Access-Control-Allow-Headers', 'authorization, content-type')
    .header('Access-Control-Max-Age', '7200')
    .send();
}

/**
 * CORS for the widget API, per channel: the request's origin is echoed back only when the
 * channel allows it (an empty list allows any). Requests without an Origin header (servers,
 * curl) are not cross-origin requests and pass untouched. Refusals (an unknown plugin key, an
 * origin the channel does not allow) are readable by the page that made them, so the SDK can say
 * why; reading a refusal gives the page nothing of the channel's.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isOriginAllowed } from '../domain/channels.ts';
import type { ChannelRecord } from '../domain/types.ts';
import { HttpError } from './errors.ts';

export const allowOrigin = (reply: FastifyReply, origin: string): void => {
  reply.header('Access-Control-Allow-Origin', origin);
  reply.header('Vary', 'Origin');
};

/** Echoes the origin, and refuses one the channel does not allow with 403 before any work is done. */
export function applyChannelCors(request: FastifyRequest, reply: FastifyReply, channel: ChannelRecord): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  allowOrigin(reply, origin);
  if (!isOriginAllowed(channel, origin)) {
    throw new HttpError(403, 'origin_not_allowed', `origin: this origin (${origin}) is not allowed for the channel ${channel.pluginKey}`);
  }
}

/**
 * Answers every preflight of the widget API with the CORS headers, whatever the key or origin:
 * a refused preflight reaches the page as a bare network error, while the request it lets through
 * is refused (with its reason) before any work is done.
 */
export function answerPreflight(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (request.headers.origin) allowOrigin(reply, request.headers.origin);
  return reply
    .code(204)
    .header('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE')
    .header('Access-Control-Allow-Headers', 'authorization, content-type')
    .header('Access-Control-Max-Age', '7200')
    .send();
}

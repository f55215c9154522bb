/**
 * Every refusal leaves as `{ error: { code, message } }` with a 4xx status; server faults as 500
 * with a generic message (the detail goes to the log, not to the caller).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { findLoneSurrogate } from '../../../src/shared/wellFormed.ts';
import { DomainError, type DomainErrorKind } from '../domain/errors.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Sent with the refusal, e.g. `Retry-After` on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A refused input; the message names the field and the rule, e.g. `text: must be …`. */
export const invalid = (message: string): HttpError => new HttpError(400, 'invalid_request', message);

const STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/** Fastify's own refusals, reworded for the caller. */
function fromFastify(error: FastifyError, request: FastifyRequest): HttpError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'body_too_large', `body: must be at most ${request.routeOptions.bodyLimit} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported_media_type', 'content-type: must be application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'invalid_json', 'body: is not valid JSON');
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    // Includes secure-json-parse's refusal of __proto__ / constructor keys.
    return new HttpError(error.statusCode, 'bad_request', error.message);
  }
  return null;
}

function toHttpError(error: unknown, request: FastifyRequest): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof DomainError) return new HttpError(STATUS_OF[error.kind], error.code, error.message);
  if (error instanceof SyntaxError) return new HttpError(400, 'invalid_json', 'body: is not valid JSON');
  return fromFastify(error as FastifyError, request);
}

export function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  if (error.headers) reply.headers(error.headers);
  return reply.code(error.status).send({ error: { code: error.code, message: error.message } });
}

/**
 * Refusals Fastify's router makes before any route or hook runs: a URL whose percent-encoding is
 * not UTF-8, a path parameter over the router's length. The URL is not echoed: it may hold a
 * survey link's token.
 */
export const frameworkErrors: FastifyServerOptions['frameworkErrors'] = (error, _request, reply) => {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendError(reply, new HttpError(414, 'url_too_long', 'url: a path segment is too long'));
  if (error.code === 'FST_ERR_BAD_URL') return sendError(reply, new HttpError(400, 'bad_url', 'url: is not validly percent-encoded UTF-8'));
  return sendError(reply, new HttpError(400, 'bad_request', 'url: cannot be read'));
};

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers over the size limit, a
 * malformed request line, an unknown method), answered in the same shape on the raw socket.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'headers: the request line and headers are over the size limit']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'request: did not arrive in time']
        : [400, 'bad_request', 'request: is not valid HTTP'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const known = toHttpError(error, request);
    if (known) return sendError(reply, known);
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, new HttpError(500, 'internal_error', 'the server failed to handle this request'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new HttpError(404, 'not_found', `${request.method} ${request.url.split('?')[0]}: no such route`)),
  );
}

/**
 * JSON is the only body type. An empty body counts as "no body", so bodiless POSTs such as
 * `/read` or `/close` work whether or not the client sets a content type. A string with a lone
 * surrogate anywhere in the body is refused here, naming its key, for every route at once.
 */
export function installJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    parseJson(request, body as string, (error, value) => {
      if (error) return done(error, undefined);
      const lone = findLoneSurrogate(value);
      if (lone) done(invalid(lone), undefined);
      else done(null, value);
    });
  });
}

/**
 * The customer link of a survey, for chats held in messengers that cannot render the form:
 * `/csat/<token>` serves the page shell, which calls `GET /api/csat/<token>` for the survey,
 * `POST /api/csat/<token>/answer` to answer it (the score), `…/answer/comment` to add the comment
 * and `…/skip` to skip it. Same origin as the page, so no CORS. The token is
 * the only credential, so nothing here is cached or indexed and the page sends no Referer.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { answerByLink, commentByLink, readLinkedSurvey } from '../domain/csatAnswers.ts';
import { skipByLink } from '../domain/csatSkip.ts';
import { surveyNotFound } from '../domain/csatSurvey.ts';
import { DomainError } from '../domain/errors.ts';
import type { RateLimiter } from '../limits/rateLimiter.ts';
import type { Store } from '../store/Store.ts';
import { parseCsatAnswer, parseCsatComment, parseCsatSkip } from './csatBodies.ts';
import { CSAT_PAGE_CSP, languageOf, renderCsatNotFound, renderCsatPage } from './csatPage.ts';

export const CSAT_BODY_LIMIT = 16 * 1024;
/** 32 random bytes in base64url, as `newToken` makes them. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

type Params = { token: string };

function checkedToken(request: FastifyRequest<{ Params: Params }>): string {
  const { token } = request.params;
  if (!TOKEN.test(token)) throw surveyNotFound();
  return token;
}

/** A link's token stands for its visitor in the limits: answers are counted per link and per address. */
const linkToken = (request: FastifyRequest): string | undefined => (request.params as Params).token;

export function csatLinkRoutes(store: Store, limiter: RateLimiter): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRoute', (route) => {
      route.bodyLimit = CSAT_BODY_LIMIT;
    });
    app.addHook('onSend', async (_request, reply) => {
      reply
        .header('Cache-Control', 'no-store')
        .header('Referrer-Policy', 'no-referrer')
        .header('X-Robots-Tag', 'noindex, nofollow');
    });
    const reads = { onRequest: limiter.hooks('read', linkToken) };
    app.get<{ Params: Params }>('/api/csat/:token', reads, (request) => readLinkedSurvey(store, checkedToken(request)));
    const answers = { onRequest: limiter.hooks('surveyAnswer', linkToken) };
    app.post<{ Params: Params }>('/api/csat/:token/answer', answers, async (request) => {
      const token = checkedToken(request);
      return { message: await answerByLink(store, token, parseCsatAnswer(request.body)) };
    });
    app.post<{ Params: Params }>('/api/csat/:token/answer/comment', answers, async (request) => {
      const token = checkedToken(request);
      return { message: await commentByLink(store, token, parseCsatComment(request.body)) };
    });
    app.post<{ Params: Params }>('/api/csat/:token/skip', answers, async (request) => {
      const token = checkedToken(request);
      parseCsatSkip(request.body);
      return { message: await skipByLink(store, token) };
    });
    app.get<{ Params: Params }>('/csat/:token', reads, (request, reply) => servePage(store, request, reply));
  };
}

async function servePage(store: Store, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
  let status = 200;
  let html: string;
  try {
    const token = checkedToken(request);
    const { language, channel } = await readLinkedSurvey(store, token);
    html = renderCsatPage({ token, language, channelName: channel.name });
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'not_found') throw error;
    status = 404;
    html = renderCsatNotFound(languageOf(request.headers['accept-language']));
  }
  return reply
    .code(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Content-Security-Policy', CSAT_PAGE_CSP)
    .header('X-Frame-Options', 'DENY')
    .header('Cross-Origin-Opener-Policy', 'same-origin')
    .send(html);
}

/**
 * The widget API under `/api/widget/:pluginKey`: what the SDK and the messenger call from any
 * page that embeds the channel. Every route resolves the channel and applies its CORS policy
 * first; all but `/boot` need the session token that `/boot` returned. `/realtime` is the
 * customer's realtime stream over HTTPS, for pages whose CSP or proxy lets no WebSocket through.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { LIMITS } from '../../../src/shared/limits.ts';
import type { BootResponse } from '../../../src/shared/types.ts';
import { findChannel } from '../domain/channels.ts';
import { listCustomerChats, markRead, readCustomerChat, sendCustomerMessage, startChat, writeCustomerProfile } from '../domain/customerChats.ts';
import { answerInChat, commentInChat } from '../domain/csatAnswers.ts';
import { skipInChat } from '../domain/csatSkip.ts';
import { channelNotFound } from '../domain/errors.ts';
import type { ChannelRecord, UserRecord } from '../domain/types.ts';
import { asCustomer, authenticate, boot, changeTags, trackEvent, updateUser, type CustomerWork } from '../domain/users.ts';
import { messageFor, toWidgetChat, toWidgetUser } from '../domain/views.ts';
import { pollEvents } from '../realtime/pollEvents.ts';
import type { PollWaiters } from '../realtime/PollWaiters.ts';
import { checkRouteLimits, limitedBy, type RateLimiter } from '../limits/rateLimiter.ts';
import type { SessionSockets } from '../realtime/SessionSockets.ts';
import { revokeSession, type SessionIdle } from '../domain/sessions.ts';
import type { Store } from '../store/Store.ts';
import { bearerToken, requireBearer } from './auth.ts';
import { allowOrigin, answerPreflight, applyChannelCors } from './cors.ts';
import { parseCsatAnswer, parseCsatComment, parseCsatSkip } from './csatBodies.ts';
import { nextChatCursor, nextMessageCursor, parseChatPage, parseMessagePage } from './pageQuery.ts';
import { parsePollQuery } from './pollQuery.ts';
import { readQuery } from './validate.ts';
import * as bodies from './widgetBodies.ts';

export const WIDGET_BODY_LIMIT = 64 * 1024;
const PLUGIN_KEY = new RegExp(`^[A-Za-z0-9_-]{1,${LIMITS.pluginKey}}$`);

type Params = { pluginKey: string; id: string };
type MessageParams = Params & { messageId: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** The channel of the route's plugin key, set before any widget handler runs. */
    channel: ChannelRecord | null;
  }
}

/** What the widget routes need to know about customer sessions. */
export interface CustomerSessions {
  idle: SessionIdle;
  sockets: SessionSockets;
}

export function widgetRoutes(store: Store, polls: PollWaiters, limiter: RateLimiter, sessions: CustomerSessions): FastifyPluginAsync {
  return async (app) => {
    app.decorateRequest('channel', null);
    app.addHook('onRoute', (route) => {
      route.bodyLimit = WIDGET_BODY_LIMIT;
    });
    app.addHook('onRequest', async (request, reply) => {
      if (request.method === 'OPTIONS') return; // answered by answerPreflight, whatever the key
      const { pluginKey } = request.params as Params;
      try {
        // Limits first: a refusal costs no lookup, so a flood cannot queue work for everyone else.
        await checkRouteLimits(request);
        if (!PLUGIN_KEY.test(pluginKey)) throw channelNotFound(pluginKey);
        request.channel = await findChannel(store, pluginKey);
      } catch (error) {
        // Readable cross-origin, so the SDK can tell the developer the key is wrong, or wait out a 429.
        if (request.headers.origin) allowOrigin(reply, request.headers.origin);
        throw error;
      }
      applyChannelCors(request, reply, request.channel);
    });
    app.options('/*', async (request, reply) => answerPreflight(request, reply));
    const customerOf = (request: FastifyRequest) => authenticate(store, sessionToken(request), sessions.idle, channelOf(request).id);
    const inSession: InSession = (request, work) => asCustomer(store, sessionToken(request), sessions.idle, channelOf(request).id, work);
    registerSessionRoutes(app, store, limiter, sessions, customerOf, inSession);
    registerChatRoutes(app, inSession, limiter);
    app.get('/realtime', limitedBy(limiter.hooks('read', bearerToken)), async (request, reply) => {
      const user = await customerOf(request);
      const audience = { kind: 'customer', userId: user.id, channelId: user.channelId } as const;
      reply.header('cache-control', 'no-store');
      return pollEvents(store, polls, audience, parsePollQuery(request.query), (end) => reply.raw.once('close', end));
    });
  };
}

const channelOf = (request: FastifyRequest): ChannelRecord => request.channel!;

const sessionToken = (request: FastifyRequest): string => requireBearer(request, 'token from /boot');

/** The customer of the request's session token; 401 when it has none, or one that opens nothing. */
type CustomerOf = (request: FastifyRequest) => Promise<UserRecord>;

/**
 * `work` as the customer of the request's session token, in the unit of work that resolves the
 * session (refused as `CustomerOf` refuses it). Bodies are parsed inside `work`, so a bad token
 * is refused before a bad body, as on every widget route.
 */
type InSession = <T>(request: FastifyRequest, work: CustomerWork<T>) => Promise<T>;

/** The session token a boot resumes, read from its body for the per-visitor limit. */
const bootToken = (request: FastifyRequest): string | undefined => {
  const token = (request.body as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' && token !== '' ? token : undefined;
};

/** What a tracked event adds to the database, in bytes. */
const eventBytes = (name: string, properties: object): number => Buffer.byteLength(name) + Buffer.byteLength(JSON.stringify(properties));

function registerSessionRoutes(
  app: FastifyInstance,
  store: Store,
  limiter: RateLimiter,
  sessions: CustomerSessions,
  customerOf: CustomerOf,
  inSession: InSession,
): void {
  // The token of a boot is in its body: that limit waits for the body, the address's does not.
  const boots = { ...limitedBy([limiter.perAddress('boot')]), preHandler: limiter.perVisitor('boot', bootToken) };
  app.post('/boot', boots, async (request): Promise<BootResponse> => {
    const channel = channelOf(request);
    const input = bodies.parseBoot(request.body);
    // Over the event-data quota the visitor still boots; only its page view goes unrecorded.
    if (input.pageView && !(await limiter.tryCharge(request, 'trackBytes', eventBytes('PageView', input.pageView), input.token))) {
      input.pageView = undefined;
    }
    const result = await boot(store, channel, input, sessions.idle);
    return {
      token: result.token,
      user: toWidgetUser(result.user),
      channel: { id: channel.id, name: channel.name, color: channel.color },
      unread: result.unread,
      cursor: result.cursor,
      profileFields: result.profileFields,
    };
  });
  // Sign-out: the token opens nothing from now on, and the session's sockets close (4401).
  app.delete('/session', async (request, reply) => {
    await customerOf(request);
    const token = bearerToken(request)!;
    await revokeSession(store, token);
    sessions.sockets.closeAll(token);
    return reply.code(204).send();
  });
  const profileWrites = limitedBy(limiter.hooks('profileWrite', bearerToken));
  app.patch('/user', profileWrites, async (request) => {
    const user = await inSession(request, (tx, user) => updateUser(tx, user, bodies.parseUserChanges(request.body)));
    return { user: toWidgetUser(user) };
  });
  app.post('/user/tags', profileWrites, async (request) => {
    const user = await inSession(request, (tx, user) => changeTags(tx, user, bodies.parseTagChange(request.body)));
    return { user: toWidgetUser(user) };
  });
  // Two units of work: the byte charge is counted outside the store, between the session and the write.
  app.post('/events', limitedBy(limiter.hooks('track', bearerToken)), async (request, reply) => {
    const user = await customerOf(request);
    const { name, properties } = bodies.parseTrack(request.body);
    await limiter.charge(request, 'trackBytes', eventBytes(name, properties), bearerToken(request));
    await trackEvent(store, { channelId: user.channelId, userId: user.id, name, properties });
    return reply.code(204).send();
  });
}

function registerChatRoutes(app: FastifyInstance, inSession: InSession, limiter: RateLimiter): void {
  const reads = limitedBy(limiter.hooks('read', bearerToken));
  app.get('/chats', reads, async (request) => {
    const page = await inSession(request, (tx, user) => listCustomerChats(tx, user, parseChatPage(readQuery(request.query, ['limit', 'cursor']))));
    return { chats: page.items.map(toWidgetChat), next: nextChatCursor(page) };
  });
  app.post('/chats', limitedBy(limiter.hooks('newChat', bearerToken)), async (request, reply) => {
    const started = await inSession(request, (tx, user) => startChat(tx, user, bodies.parseNewChat(request.body)));
    reply.code(started.created ? 201 : 200);
    return { chat: toWidgetChat(started.detail), ...(started.message ? { message: started.message } : {}) };
  });
  app.get<{ Params: Params }>('/chats/:id', reads, async (request) => {
    const { detail, messages } = await inSession(request, (tx, user) => {
      const page = parseMessagePage(readQuery(request.query, ['before', 'limit']));
      return readCustomerChat(tx, user, request.params.id, page);
    });
    return {
      chat: toWidgetChat(detail),
      messages: messages.items.map((message) => messageFor('customer', message)),
      next: nextMessageCursor(messages),
    };
  });
  app.post<{ Params: Params }>('/chats/:id/messages', limitedBy(limiter.hooks('message', bearerToken)), async (request, reply) => {
    const posted = await inSession(request, (tx, user) => sendCustomerMessage(tx, user, request.params.id, bodies.parseNewMessage(request.body)));
    reply.code(posted.created ? 201 : 200);
    return { message: posted.message };
  });
  // Answering the survey posted at close; a retry with the same answerId stores nothing new.
  const answers = limitedBy(limiter.hooks('surveyAnswer', bearerToken));
  app.post<{ Params: MessageParams }>('/chats/:id/messages/:messageId/answer', answers, async (request) => {
    const { id, messageId } = request.params;
    return { message: await inSession(request, (tx, user) => answerInChat(tx, user, id, messageId, parseCsatAnswer(request.body))) };
  });
  // The comment joins the stored answer; sending the stored comment again writes nothing.
  app.post<{ Params: MessageParams }>('/chats/:id/messages/:messageId/answer/comment', answers, async (request) => {
    const { id, messageId } = request.params;
    return { message: await inSession(request, (tx, user) => commentInChat(tx, user, id, messageId, parseCsatComment(request.body))) };
  });
  // A survey that is not required may be skipped, once: skipping again changes nothing.
  app.post<{ Params: MessageParams }>('/chats/:id/messages/:messageId/skip', answers, async (request) => {
    const { id, messageId } = request.params;
    const message = await inSession(request, (tx, user) => {
      parseCsatSkip(request.body);
      return skipInChat(tx, user, id, messageId);
    });
    return { message };
  });
  app.patch<{ Params: Params }>('/chats/:id/profile', limitedBy(limiter.hooks('profileWrite', bearerToken)), async (request) => {
    const chat = await inSession(request, (tx, user) => writeCustomerProfile(tx, user, request.params.id, bodies.parseProfileWrite(request.body)));
    return { chat: toWidgetChat(chat) };
  });
  app.post<{ Params: Params }>('/chats/:id/read', reads, async (request) => {
    return { chat: toWidgetChat(await inSession(request, (tx, user) => markRead(tx, user, request.params.id))) };
  });
}


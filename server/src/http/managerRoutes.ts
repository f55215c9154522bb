/**
 * The manager API under `/api/manager` — a stable contract that tools outside the project call
 * (SPEC §4). Every path, including unknown ones, first requires the manager token. The schema,
 * settings and report routes (profile fields, survey rule, operating hours, display settings,
 * statistics, export) act on `channelId`, the channel this server's managers look after.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { LIMITS, type ChatState } from '../../../src/shared/types.ts';
import { closeChat, editChat, listChats, markChatRead, openChat, readChat, type ChatEdits } from '../domain/managerChats.ts';
import { accountOf, identifyCaller, type Caller } from '../domain/team.ts';
import { SessionSockets } from '../realtime/SessionSockets.ts';
import { matchQuery } from '../store/searchText.ts';
import { registerSavedReplyRoutes } from './savedReplyRoutes.ts';
import { registerTeamRoutes } from './teamRoutes.ts';
import { fixedCredential, type ManagerCredential } from '../domain/managerToken.ts';
import { sendManagerMessage } from '../domain/messages.ts';
import type { ProfileWrite } from '../domain/profile.ts';
import type { ChatFilter } from '../domain/types.ts';
import { NO_BACKOFF, type AuthBackoff } from '../limits/authBackoff.ts';
import { messageFor, toManagerChat } from '../domain/views.ts';
import type { Store } from '../store/Store.ts';
import { requireManager } from './auth.ts';
import { registerCsatSettingsRoutes } from './csatSettingsRoutes.ts';
import { registerDisplaySettingsRoutes } from './displaySettingsRoutes.ts';
import { registerGoalRoutes } from './goalRoutes.ts';
import { HttpError, invalid } from './errors.ts';
import { nextChatCursor, nextMessageCursor, parseChatPage, parseMessagePage } from './pageQuery.ts';
import { registerProfileFieldRoutes } from './profileFieldRoutes.ts';
import { readRange, registerReportRoutes } from './reportRoutes.ts';
import { builtInField, CUSTOM_KEY } from '../../../src/shared/profile/fields.ts';
import { CHAT_FILTER_KEYS } from '../../../src/shared/managerApi.ts';
import * as v from './validate.ts';

export const MANAGER_BODY_LIMIT = 256 * 1024;
const STATES: readonly ChatState[] = ['opened', 'closed', 'snoozed'];

type Params = { id: string };

/** The most characters a search takes. */
const SEARCH_MAX = 200;

export interface ManagerRouteOptions {
  /** The base of survey links (config PUBLIC_URL); unset, the request's own origin. */
  publicUrl?: string;
  /** Where wrong tokens and passwords count, per address (none given: every one is checked, none counted). */
  backoff?: AuthBackoff;
  /** Where manager sockets register, so a sign-out or a revoked token closes them. */
  managerSockets?: SessionSockets;
}

export function managerRoutes(
  store: Store,
  credential: ManagerCredential | string,
  channelId: string,
  { publicUrl, backoff = NO_BACKOFF, managerSockets = new SessionSockets() }: ManagerRouteOptions = {},
): FastifyPluginAsync {
  const manager = typeof credential === 'string' ? fixedCredential(credential) : credential;
  const identify = (token: string) => identifyCaller(store, manager, token);
  return async (app) => {
    app.addHook('onRoute', (route) => {
      route.bodyLimit = MANAGER_BODY_LIMIT;
    });
    app.addHook('onRequest', async (request) => {
      if (isPublicRoute(request)) return;
      const caller = await requireManager(request, identify, backoff);
      if (caller.role !== 'owner' && ownerOnly(request)) {
        throw new HttpError(403, 'forbidden', `${request.method} ${request.routeOptions.url}: only an owner may change accounts and settings`);
      }
      setCaller(request, caller);
    });
    app.setNotFoundHandler(async (request) => {
      await requireManager(request, identify, backoff);
      throw new HttpError(404, 'not_found', `${request.method} ${request.url.split('?')[0]}: no such route`);
    });

    app.get('/chats', async (request) => {
      const fields = v.readQuery(request.query, [...CHAT_FILTER_KEYS, 'q', 'assignee', 'limit', 'cursor']);
      const filter = { ...parseFilter(fields), ...parseSearch(fields, callerOf(request)) };
      const reader = callerOf(request).manager;
      const page = await listChats(store, filter, parseChatPage(fields), reader && reader.id);
      const chats = page.items.map((detail) => {
        const chat = toManagerChat(detail);
        const unread = page.unread.get(detail.chat.id);
        return unread === undefined ? chat : { ...chat, unread };
      });
      return { chats, next: nextChatCursor(page) };
    });
    app.post<{ Params: Params }>('/chats/:id/read', async (request, reply) => {
      await markChatRead(store, request.params.id, accountOf(callerOf(request), 'read').id);
      reply.code(204);
    });
    app.get<{ Params: Params }>('/chats/:id', async (request) => {
      const page = parseMessagePage(v.readQuery(request.query, ['before', 'limit']));
      const { detail, messages, surveyToken, customerProfile } = await readChat(store, request.params.id, page);
      return {
        chat: toManagerChat(detail),
        messages: messages.items.map((message) => messageFor('manager', message)),
        next: nextMessageCursor(messages),
        csatLink: surveyLink(request, surveyToken, publicUrl),
        customerProfile,
      };
    });
    app.post<{ Params: Params }>('/chats/:id/messages', async (request, reply) => {
      const fields = v.readFields(request.body, ['text', 'authorName', 'clientId']);
      const caller = callerOf(request);
      const posted = await sendManagerMessage(store, request.params.id, caller.manager, {
        text: v.requiredText(fields, 'text', { max: LIMITS.messageText }),
        authorName: v.optionalString(fields, 'authorName', { max: LIMITS.managerName }),
        clientId: v.optionalString(fields, 'clientId', { max: 128 }),
      }, caller.token !== null);
      reply.code(posted.created ? 201 : 200);
      return { message: posted.message };
    });
    app.post<{ Params: Params }>('/chats/:id/close', async (request) => ({
      chat: toManagerChat(await closeChat(store, request.params.id)),
    }));
    app.post<{ Params: Params }>('/chats/:id/open', async (request) => ({
      chat: toManagerChat(await openChat(store, request.params.id)),
    }));
    app.patch<{ Params: Params }>('/chats/:id', async (request) => ({
      chat: toManagerChat(await editChat(store, request.params.id, parseEdits(request.body))),
    }));
    registerTeamRoutes(app, store, { backoff, managerSockets, callerOf });
    registerSavedReplyRoutes(app, store, channelId, callerOf);
    registerProfileFieldRoutes(app, store, channelId);
    registerCsatSettingsRoutes(app, store, channelId);
    registerDisplaySettingsRoutes(app, store, channelId);
    registerGoalRoutes(app, store, channelId);
    registerReportRoutes(app, store, channelId);
  };
}

/** The absolute URL of the customer link page of the chat's latest survey. */
function surveyLink(request: FastifyRequest, token: string | null, publicUrl?: string): string | null {
  if (!token) return null;
  const path = `/csat/${token}`;
  if (publicUrl) return publicUrl + path;
  try {
    return new URL(path, `${request.protocol}://${request.host}`).href;
  } catch {
    return path; // a Host header no URL can hold; the path alone still works in the console
  }
}

/**
 * `?state=&tag=&csat=&product=&sourcePage=&field=&value=&from=&to=`; an empty value means "no
 * filter". `product`, `sourcePage`, `field`+`value` and the creation range `from`/`to` pick the
 * chats behind a figure of `GET /stats`.
 */
function parseFilter(fields: Record<string, string>): ChatFilter {
  const filter: ChatFilter = {};
  const state = v.optionalOneOf(fields, 'state', STATES);
  if (state) filter.state = state;
  const tag = v.optionalString(fields, 'tag', { max: LIMITS.chatListItem });
  if (tag !== undefined) filter.tag = tag;
  if (fields.csat !== undefined) {
    const csat = Number(fields.csat);
    if (!Number.isInteger(csat) || csat < 1 || csat > 5) throw invalid('csat: must be an integer from 1 to 5');
    filter.csat = csat;
  }
  const product = v.optionalString(fields, 'product', { max: LIMITS.profileValue });
  if (product !== undefined) filter.product = product;
  const sourcePage = v.optionalString(fields, 'sourcePage', { max: LIMITS.url });
  if (sourcePage !== undefined) filter.sourcePage = sourcePage;
  Object.assign(filter, parseFieldFilter(fields));
  const range = readRange(fields);
  if (range.from !== undefined) filter.createdFrom = range.from;
  if (range.to !== undefined) filter.createdTo = range.to;
  return filter;
}

/** `field=<custom key>&value=<text>`: both or neither. */
function parseFieldFilter(fields: Record<string, string>): Pick<ChatFilter, 'field'> {
  const { field: key, value } = fields;
  if (key === undefined && value === undefined) return {};
  if (key === undefined) throw invalid('field: is required with value (a custom key such as profile.plan)');
  if (!CUSTOM_KEY.test(key)) throw invalid('field: must be a custom key (profile. followed by a letter, then letters, digits or _)');
  if (value === undefined) throw invalid(`value: is required with field (the value ${key} must hold)`);
  return { field: { key, value: v.optionalString(fields, 'value', { max: LIMITS.profileValue })! } };
}

const EDITABLE_KEYS = ['priority', 'tags', 'description'];

/**
 * priority, tags, description, custom `profile.` keys (values checked by the shared profile
 * validator, as every write is) and `assigneeId` (a manager's id, or null).
 */
function parseEdits(body: unknown): ChatEdits {
  const fields = v.readFields(body, Object.keys(body ?? {}));
  const profile: ProfileWrite = {};
  const edits: ChatEdits = { profile };
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'assigneeId') {
      if (value !== null && (typeof value !== 'string' || !value)) throw invalid('assigneeId: must be a manager id or null');
      edits.assigneeId = value;
    } else if (builtInField(key) || key.startsWith('profile.')) profile[key] = value; // the validator says which are the managers'
    else throw invalid(`${key}: is not a known field (expected ${EDITABLE_KEYS.join(', ')}, assigneeId or a custom profile. key)`);
  }
  return edits;
}

/**
 * `q` (search text) and `assignee` (`me`, `none` or a manager id). `me` without an account
 * behind the token matches nothing assigned, so it reads as `none`'s opposite: no chats.
 */
function parseSearch(fields: Record<string, string>, caller: Caller): Pick<ChatFilter, 'q' | 'assignee' | 'unassigned'> {
  const filter: Pick<ChatFilter, 'q' | 'assignee' | 'unassigned'> = {};
  const q = v.optionalString(fields, 'q', { max: SEARCH_MAX });
  if (q !== undefined) {
    if (matchQuery(q) === null) throw invalid('q: must hold a letter or digit');
    filter.q = q.trim();
  }
  const assignee = v.optionalString(fields, 'assignee', { max: 64 });
  if (assignee === 'none') filter.unassigned = true;
  else if (assignee === 'me') filter.assignee = caller.manager?.id ?? '';
  else if (assignee !== undefined) filter.assignee = assignee;
  return filter;
}

/** Who each request speaks for, set once its token is checked. */
const callers = new WeakMap<FastifyRequest, Caller>();
const setCaller = (request: FastifyRequest, caller: Caller) => callers.set(request, caller);
function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (!caller) throw new Error('manager route without a checked caller');
  return caller;
}

/** Routes reached without a token: signing in. */
const isPublicRoute = (request: FastifyRequest) => (request.routeOptions.config as { public?: boolean } | undefined)?.public === true;

/** Accounts, and every write to the channel's settings. */
const OWNER_PATHS = ['/managers', '/profile-fields', '/csat-settings', '/operating-hours', '/display-settings', '/goal'];
function ownerOnly(request: FastifyRequest): boolean {
  const path = (request.routeOptions.url ?? '').replace(/^\/api\/manager/, '');
  const settings = OWNER_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  if (!settings) return false;
  // An agent reads settings, and may change their own account (PATCH /managers/:id decides).
  if (path.startsWith('/managers')) return request.method !== 'PATCH';
  return request.method !== 'GET';
}

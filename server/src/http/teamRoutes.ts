/**
 * `/api/manager` routes of the team (SPEC §4, "Additions"): console sign-in and sign-out, accounts
 * (owners only, beside each manager's own), the teammates anyone may assign, and each manager's
 * API tokens. Registered inside the manager routes, which check the token and the role first;
 * `POST /session` is the one route reached without a token.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LIMITS } from '../../../src/shared/limits.ts';
import { MANAGER_ROLES } from '../../../src/shared/team.ts';
import {
  createApiToken,
  createManager,
  deleteManager,
  listApiTokens,
  listManagers,
  revokeApiToken,
  signIn,
  signOut,
  toManager,
  toTeammate,
  updateManager,
  type AccountInput,
  type Caller,
} from '../domain/team.ts';
import type { ManagerTokenRecord } from '../domain/types.ts';
import type { AuthBackoff } from '../limits/authBackoff.ts';
import { addressKey } from '../limits/clientAddress.ts';
import { rateLimited } from '../limits/rateLimited.ts';
import type { SessionSockets } from '../realtime/SessionSockets.ts';
import type { Store } from '../store/Store.ts';
import { HttpError, invalid } from './errors.ts';
import * as v from './validate.ts';

type Params = { id: string };

export interface TeamRouteDeps {
  backoff: AuthBackoff;
  managerSockets: SessionSockets;
  callerOf: (request: FastifyRequest) => Caller;
}

const toApiToken = ({ id, name, createdAt, lastUsedAt }: ManagerTokenRecord) => ({ id, name, createdAt, lastUsedAt });

/** `avatarUrl`: an http(s) URL or null. */
function optionalAvatar(fields: v.Fields): string | null | undefined {
  const value = fields.avatarUrl;
  if (value === undefined || value === null) return value;
  const url = v.optionalString(fields, 'avatarUrl', { max: LIMITS.url })!;
  if (!/^https?:\/\/\S+$/i.test(url)) throw invalid('avatarUrl: must be an http or https URL, or null');
  return url;
}

function readAccount(body: unknown, allowed: readonly string[]): AccountInput {
  const fields = v.readFields(body, allowed);
  return {
    name: v.optionalString(fields, 'name', { max: LIMITS.managerName }),
    email: v.optionalString(fields, 'email', { max: LIMITS.email }),
    password: v.optionalString(fields, 'password', { max: LIMITS.passwordMax * 4 }),
    currentPassword: v.optionalString(fields, 'currentPassword', { max: LIMITS.passwordMax * 4 }),
    role: v.optionalOneOf(fields, 'role', MANAGER_ROLES) ?? undefined,
    avatarUrl: optionalAvatar(fields),
  };
}

export function registerTeamRoutes(app: FastifyInstance, store: Store, { backoff, managerSockets, callerOf }: TeamRouteDeps): void {
  const endSockets = (hashes: readonly string[]) => hashes.forEach((hash) => managerSockets.closeHashed(hash));

  app.post('/session', { config: { public: true } }, async (request) => {
    const fields = v.readFields(request.body, ['email', 'password']);
    const email = v.requiredString(fields, 'email', { max: LIMITS.email });
    const password = v.requiredString(fields, 'password', { max: LIMITS.passwordMax * 4 });
    let signedIn: Awaited<ReturnType<typeof signIn>> = null;
    const { passed, waitMs } = await backoff.attempt(addressKey(request.ip), async () => (signedIn = await signIn(store, email, password)) !== null);
    if (waitMs) throw rateLimited('authorization: too many failed sign-ins from this address', waitMs);
    if (!passed || !signedIn) throw new HttpError(401, 'invalid_credentials', 'email, password: no account has this email and password');
    const { token, manager } = signedIn as NonNullable<typeof signedIn>;
    return { token, manager: toManager(manager) };
  });
  app.get('/session', async (request) => {
    const caller = callerOf(request);
    // kind: how the caller signed in (`session`, `api`, or `owner-token` for MANAGER_TOKEN).
    return { manager: caller.manager && toManager(caller.manager), role: caller.role, kind: caller.token?.kind ?? 'owner-token' };
  });
  app.delete('/session', async (request, reply) => {
    endSockets([await signOut(store, callerOf(request))]);
    return reply.code(204).send();
  });

  app.get('/managers', async () => ({ managers: (await listManagers(store)).map(toManager) }));
  app.post('/managers', async (request, reply) => {
    const input = readAccount(request.body, ['name', 'email', 'password', 'role', 'avatarUrl']);
    if (input.name === undefined) throw v.missing('name', 'the name customers and teammates see');
    if (input.email === undefined) throw v.missing('email', 'the address the manager signs in with');
    if (input.password === undefined) throw v.missing('password', `at least ${LIMITS.passwordMin} characters`);
    const manager = await createManager(store, { ...input, name: input.name, email: input.email, password: input.password, role: input.role ?? 'agent' });
    reply.code(201);
    return { manager: toManager(manager) };
  });
  app.patch<{ Params: Params }>('/managers/:id', async (request) => {
    const input = readAccount(request.body, ['name', 'email', 'password', 'currentPassword', 'role', 'avatarUrl']);
    const { manager, ended } = await updateManager(store, callerOf(request), request.params.id, input);
    endSockets(ended);
    return { manager: toManager(manager) };
  });
  app.delete<{ Params: Params }>('/managers/:id', async (request, reply) => {
    endSockets(await deleteManager(store, callerOf(request), request.params.id));
    return reply.code(204).send();
  });
  /** Everyone a chat may be assigned to: names and roles, no addresses. */
  app.get('/teammates', async () => ({ teammates: (await listManagers(store)).map(toTeammate) }));

  app.get('/tokens', async (request) => ({ tokens: (await listApiTokens(store, callerOf(request))).map(toApiToken) }));
  app.post('/tokens', async (request, reply) => {
    const fields = v.readFields(request.body, ['name']);
    const name = v.requiredString(fields, 'name', { max: LIMITS.tokenName });
    const { record, token } = await createApiToken(store, callerOf(request), name);
    reply.code(201);
    return { ...toApiToken(record), token };
  });
  app.delete<{ Params: Params }>('/tokens/:id', async (request, reply) => {
    endSockets([await revokeApiToken(store, callerOf(request), request.params.id)]);
    return reply.code(204).send();
  });
}

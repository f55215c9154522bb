/**
 * Request limits per visitor and per client address, and the bytes quotas, counted in the
 * CounterStore `limitStores.ts` chose (fixed windows from each key's first count). A refused request is
 * refused before its handler runs, so it changes nothing stored; the 429 names the limit and says
 * when to retry (`Retry-After`, seconds).
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { addressKey } from './clientAddress.ts';
import type { CounterStore } from './counterStore.ts';
import { RATE_NAMES, type Limits, type RateName } from './limitRules.ts';
import { rateLimited, windowName } from './rateLimited.ts';

/** Who the visitor of a request is (its session token, a survey link's token), if it has one. */
export type VisitorOf = (request: FastifyRequest) => string | undefined;
type Hook = (request: FastifyRequest) => Promise<void>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route's limits, for a scope that checks them before any other work (`checkRouteLimits`). */
    limits?: Hook[];
  }
}

/** Route options carrying `hooks` as the route's limits. */
export const limitedBy = (hooks: Hook[]) => ({ config: { limits: hooks } });

/** Runs the limits of the request's route, if it has any; throws the 429 of the first one over. */
export async function checkRouteLimits(request: FastifyRequest): Promise<void> {
  for (const check of request.routeOptions.config.limits ?? []) await check(request);
}

export interface RateLimiter {
  /** A hook counting the request per visitor, when `visitorOf` finds one. */
  perVisitor(name: RateName, visitorOf: VisitorOf): Hook;
  /** A hook counting the request per client address. */
  perAddress(name: RateName): Hook;
  /** Both, visitor first: a visitor over its own limit does not use up its neighbours' allowance. */
  hooks(name: RateName, visitorOf: VisitorOf): Hook[];
  /** Counts `amount` (bytes) against a quota; refuses when the window's total goes over it. */
  charge(request: FastifyRequest, name: RateName, amount: number, visitor?: string): Promise<void>;
  /** Like `charge`, answering false instead of refusing. */
  tryCharge(request: FastifyRequest, name: RateName, amount: number, visitor?: string): Promise<boolean>;
}

const WHAT: Record<RateName, string> = {
  boot: 'boots',
  newChat: 'new chats',
  message: 'messages',
  track: 'events',
  trackBytes: 'event data',
  surveyAnswer: 'survey answers',
  profileWrite: 'profile writes',
  read: 'reads',
};
type Scope = 'visitor' | 'ip';
const FROM: Record<Scope, string> = { visitor: 'from one visitor', ip: 'from one address' };

/** Credentials never sit in a counter store as they are: a digest names them. */
export const digestOf = (secret: string): string => createHash('sha256').update(secret).digest('base64url').slice(0, 22);

const pass: Hook = async () => {};
const NO_LIMITS: RateLimiter = {
  perVisitor: () => pass,
  perAddress: () => pass,
  hooks: () => [],
  charge: async () => {},
  tryCharge: async () => true,
};

/**
 * Builds the limiters over `counters`; `limits` null turns every limit off.
 * @example const limiter = createRateLimiter(resolveLimits(undefined), createCounters())
 */
export function createRateLimiter(limits: Limits | null, counters: CounterStore): RateLimiter {
  if (!limits) return NO_LIMITS;
  const check = (name: RateName, scope: Scope) => {
    const rule = limits[name];
    return async (_request: FastifyRequest, subject: string) => {
      // Names and scopes in the key keep limits apart in a store they share (Redis).
      const count = await counters.add(`${name}:${scope}:${subject}`, 1, rule.windowSeconds * 1000);
      if (count.total > rule[scope]) {
        throw rateLimited(`${WHAT[name]}: at most ${rule[scope]} per ${windowName(rule.windowSeconds)} ${FROM[scope]}`, count.resetInMs);
      }
    };
  };
  const checks = Object.fromEntries(
    RATE_NAMES.map((name) => [name, { visitor: check(name, 'visitor'), ip: check(name, 'ip') }]),
  ) as Record<RateName, Record<Scope, (request: FastifyRequest, subject: string) => Promise<void>>>;

  const quota = async (request: FastifyRequest, name: RateName, amount: number, visitor: string | undefined) => {
    const rule = limits[name];
    const scopes: [Scope, string][] = [['ip', addressKey(request.ip)]];
    if (visitor) scopes.unshift(['visitor', digestOf(visitor)]);
    for (const [scope, subject] of scopes) {
      const count = await counters.add(`bytes:${name}:${scope}:${subject}`, amount, rule.windowSeconds * 1000);
      if (count.total > rule[scope]) {
        return rateLimited(`${WHAT[name]}: at most ${rule[scope]} bytes per ${windowName(rule.windowSeconds)} ${FROM[scope]}`, count.resetInMs);
      }
    }
    return null;
  };

  const perVisitor = (name: RateName, visitorOf: VisitorOf): Hook => async (request) => {
    const visitor = visitorOf(request);
    if (visitor) await checks[name].visitor(request, digestOf(visitor));
  };
  const perAddress = (name: RateName): Hook => (request) => checks[name].ip(request, addressKey(request.ip));
  return {
    perVisitor,
    perAddress,
    hooks: (name, visitorOf) => [perVisitor(name, visitorOf), perAddress(name)],
    async charge(request, name, amount, visitor) {
      const refusal = await quota(request, name, amount, visitor);
      if (refusal) throw refusal;
    },
    tryCharge: async (request, name, amount, visitor) => (await quota(request, name, amount, visitor)) === null,
  };
}

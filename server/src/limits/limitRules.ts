/**
 * What one visitor and one address may do, and why each default is what it is. The defaults are
 * generous for a person at a keyboard and tight for a script: a limit a customer meets in normal
 * use is a bug. `RATE_LIMITS` (JSON, read by config.ts) overrides any of them, key by key.
 */

/** A count per fixed window, kept per visitor (session token) and per client address. */
export interface RateRule {
  visitor: number;
  ip: number;
  windowSeconds: number;
}

/** Failed manager sign-ins from one address: free tries, then waits that double up to a ceiling. */
export interface AuthRule {
  failures: number;
  firstWaitSeconds: number;
  maxWaitSeconds: number;
  /** Failures are counted over this window, starting at the first one. */
  forgetSeconds: number;
}

/** Open WebSockets at once, per visitor and per manager credential. */
export interface SocketRule {
  visitor: number;
  manager: number;
}

export const RATE_NAMES = ['boot', 'newChat', 'message', 'track', 'trackBytes', 'surveyAnswer', 'profileWrite', 'read'] as const;
export type RateName = (typeof RATE_NAMES)[number];

export type Limits = Record<RateName, RateRule> & { managerAuth: AuthRule; sockets: SocketRule };
export type LimitOverrides = { [K in keyof Limits]?: Partial<Limits[K]> };

/** Each default, with its reason (the README's "Limits" table says the same). */
export const DEFAULT_LIMITS: Limits = {
  // One boot per page load; a shopper rarely opens a page every 2 s. One address may be an office
  // or a mobile carrier's gateway, so it gets four times that.
  boot: { visitor: 30, ip: 120, windowSeconds: 60 },
  // A customer opens a chat or two per visit; hundreds a minute is a script.
  newChat: { visitor: 10, ip: 60, windowSeconds: 600 },
  // A fast typist sends under one message a second sustained; 30 a minute leaves room for a burst
  // of short lines, and the outbox waits out the rest.
  message: { visitor: 30, ip: 300, windowSeconds: 60 },
  // A page tracks an event per user action: two a second sustained is far above that.
  track: { visitor: 120, ip: 600, windowSeconds: 60 },
  // Bytes of event data (name + properties as JSON) a visitor may add: an event is a few hundred
  // bytes, so 1 MiB an hour is thousands of them; it bounds how fast a script can grow the database.
  trackBytes: { visitor: 1024 * 1024, ip: 8 * 1024 * 1024, windowSeconds: 3600 },
  // One answer per survey, plus retries and a changed mind (per link on the link page).
  surveyAnswer: { visitor: 10, ip: 60, windowSeconds: 600 },
  // updateUser, tags and updateProfile, usually a few per page load.
  profileWrite: { visitor: 60, ip: 300, windowSeconds: 60 },
  // Reads of the customer's chats, marking them read and the long poll: a few per screen a person
  // opens, and one poll per event that reaches them. Four a second sustained is a script.
  read: { visitor: 240, ip: 1200, windowSeconds: 60 },
  // A person mistypes a token a few times; a guesser meets waits of 1 s, 2 s, 4 s … 15 min.
  managerAuth: { failures: 5, firstWaitSeconds: 1, maxWaitSeconds: 900, forgetSeconds: 3600 },
  // A customer with many tabs open; the shared MANAGER_TOKEN serves every console tab of a team.
  sockets: { visitor: 8, manager: 32 },
};

/**
 * The limits in force: the defaults with `overrides` laid over them, or null when they are off.
 * @example resolveLimits({ message: { visitor: 5 } }).message // { visitor: 5, ip: 300, windowSeconds: 60 }
 */
export function resolveLimits(overrides: LimitOverrides | 'off' | undefined): Limits | null {
  if (overrides === 'off') return null;
  const limits = structuredClone(DEFAULT_LIMITS);
  if (overrides === undefined) return limits;
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new Error('must be "off" or a JSON object of limits');
  }
  for (const [name, given] of Object.entries(overrides)) {
    if (!Object.hasOwn(limits, name)) {
      throw new Error(`"${name}" is not a limit; the limits are ${Object.keys(limits).join(', ')}`);
    }
    const rule = limits[name as keyof Limits] as unknown as Record<string, number>;
    if (typeof given !== 'object' || given === null || Array.isArray(given)) {
      throw new Error(`${name}: must be an object such as {"${Object.keys(rule)[0]}": 10}`);
    }
    for (const [field, value] of Object.entries(given)) {
      if (!Object.hasOwn(rule, field)) throw new Error(`${name}.${field}: not a field; use ${Object.keys(rule).join(', ')}`);
      if (!Number.isSafeInteger(value) || (value as number) < 1) throw new Error(`${name}.${field}: must be a positive integer`);
      rule[field] = value as number;
    }
  }
  const auth = limits.managerAuth;
  if (auth.maxWaitSeconds < auth.firstWaitSeconds) throw new Error('managerAuth.maxWaitSeconds: must be at least firstWaitSeconds');
  return limits;
}

/** `RATE_LIMITS`: `off`, or a JSON object of overrides; checked by `resolveLimits` too. */
export function parseLimits(text: string): LimitOverrides | 'off' {
  if (text.trim() === 'off') return 'off';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('must be "off" or a JSON object such as {"message":{"visitor":60}}');
  }
  resolveLimits(value as LimitOverrides);
  return value as LimitOverrides;
}

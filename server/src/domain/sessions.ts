/**
 * Customer sessions: a random token the SDK keeps, of which only the hash is stored. A session
 * ends after an idle time (shorter for members, whose sessions unlock a person's history) that
 * slides with use; the last use is written at most once an hour, not on every request.
 */
import type { SessionRecord, Store, StoreTx } from '../store/Store.ts';
import { hashToken, newToken } from './crypto.ts';
import { DomainError } from './errors.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How stale a session's recorded last use may get before a use writes it again. */
export const TOUCH_INTERVAL_MS = 60 * 60 * 1000;
/** Sessions deleted per transaction by a purge, so it never holds the write lock for long. */
export const PURGE_BATCH = 500;

/** How long a session may sit unused before it ends, in ms. */
export interface SessionIdle {
  visitorMs: number;
  memberMs: number;
}

export const DEFAULT_SESSION_IDLE: SessionIdle = { visitorMs: 180 * DAY_MS, memberMs: 30 * DAY_MS };

export const daysToMs = (days: number): number => days * DAY_MS;

/** `touched` says whether this use wrote the last use, so a caller whose work fails can write it again. */
export type SessionLookup = { state: 'live'; session: SessionRecord; touched: boolean } | { state: 'expired' | 'unknown' };

const idleOf = (session: SessionRecord, idle: SessionIdle) => (session.member ? idle.memberMs : idle.visitorMs);

/** Finds a token's session; a live one counts as used now (written when the last write is an hour old). */
export async function useSession(tx: StoreTx, token: string, idle: SessionIdle): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const session = await tx.findSession(tokenHash);
  if (!session) return { state: 'unknown' };
  if (tx.now - session.lastUsedAt > idleOf(session, idle)) return { state: 'expired' };
  const touched = tx.now - session.lastUsedAt >= TOUCH_INTERVAL_MS;
  if (touched) await tx.touchSession(tokenHash, tx.now);
  return { state: 'live', session, touched };
}

/** Records a use of the session now, whatever its last recorded use. */
export async function touchSession(store: Store, token: string): Promise<void> {
  await store.transaction((tx) => tx.touchSession(hashToken(token), tx.now));
}

/** The refusal of a token that no longer opens a session, saying which way it failed. */
export function sessionRefusal(state: 'expired' | 'unknown'): DomainError {
  return state === 'expired'
    ? new DomainError('unauthorized', 'session_expired', 'token: the session expired after a long time unused; call boot again')
    : new DomainError('unauthorized', 'invalid_token', 'token: unknown or ended session; call boot again');
}

export async function startSession(tx: StoreTx, userId: string): Promise<string> {
  const token = newToken();
  await tx.insertSession(hashToken(token), userId, tx.now);
  return token;
}

/** Ends a session, so its token opens nothing from now on. */
export async function revokeSession(store: Store, token: string): Promise<void> {
  await store.transaction((tx) => tx.deleteSession(hashToken(token)));
}

/** Deletes every expired session, a bounded batch per transaction; returns how many went. */
export async function purgeExpiredSessions(store: Store, idle: SessionIdle): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await store.transaction((tx) =>
      tx.purgeSessions({ visitorBefore: tx.now - idle.visitorMs, memberBefore: tx.now - idle.memberMs, limit: PURGE_BATCH }),
    );
    total += deleted;
    if (deleted < PURGE_BATCH) return total;
  }
}

/** Purges now and then every hour, until the returned function is called. */
export function schedulePurge(store: Store, idle: SessionIdle, everyMs = TOUCH_INTERVAL_MS): () => void {
  const run = () => purgeExpiredSessions(store, idle).catch((error) => console.error('session purge failed', error));
  const first = setTimeout(run, 0);
  const timer = setInterval(run, everyMs);
  timer.unref();
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

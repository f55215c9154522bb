/**
 * Failed manager sign-ins back off per client address: after `failures` wrong credentials, the
 * address waits `firstWaitSeconds`, then twice as long after each further failure, up to
 * `maxWaitSeconds`; while it waits every attempt is refused unchecked, a right credential too (a
 * guesser learns nothing). A success resets the count. Other addresses are never affected.
 */
import type { CounterStore } from './counterStore.ts';
import type { AuthRule } from './limitRules.ts';

export interface Attempt {
  /** Whether the credential was checked and right. */
  passed: boolean;
  /** > 0: the address is waiting; the credential was not checked. */
  waitMs: number;
}

export interface AuthBackoff {
  /** Checks a credential with `verify` unless `address` must wait, and records the outcome. */
  attempt(address: string, verify: () => boolean | Promise<boolean>): Promise<Attempt>;
}

/** Checks every credential and counts nothing: the back-off with limits off. */
export const NO_BACKOFF: AuthBackoff = { attempt: async (_address, verify) => ({ passed: await verify(), waitMs: 0 }) };

/** @example const backoff = createAuthBackoff(DEFAULT_LIMITS.managerAuth, new MemoryCounters(1000)) */
export function createAuthBackoff(rule: AuthRule | null, counters: CounterStore): AuthBackoff {
  if (!rule) return NO_BACKOFF;
  async function check(address: string, verify: () => boolean | Promise<boolean>): Promise<Attempt> {
    const waiting = await counters.read(`auth-wait:${address}`);
    if (waiting) return { passed: false, waitMs: waiting.resetInMs };
    if (await verify()) {
      await counters.reset(`auth-failures:${address}`);
      return { passed: true, waitMs: 0 };
    }
    const { total } = await counters.add(`auth-failures:${address}`, 1, rule!.forgetSeconds * 1000);
    if (total >= rule!.failures) {
      const waitMs = Math.min(rule!.maxWaitSeconds, rule!.firstWaitSeconds * 2 ** (total - rule!.failures)) * 1000;
      await counters.add(`auth-wait:${address}`, 1, waitMs);
    }
    return { passed: false, waitMs: 0 };
  }
  // One check at a time per address (a password's hash takes a while): attempts sent at once wait
  // their turn, so they cannot all pass the wait before the first failure is counted.
  const turns = new Map<string, Promise<unknown>>();
  return {
    attempt(address, verify) {
      const run = (turns.get(address) ?? Promise.resolve()).then(() => check(address, verify));
      const done = run.catch(() => undefined);
      turns.set(address, done);
      void done.then(() => turns.get(address) === done && turns.delete(address));
      return run;
    },
  };
}

/**
 * Open WebSockets per visitor and per manager credential. Each open socket holds a subscription
 * and a replay; a cap keeps one customer (or a script holding their token) from opening thousands.
 */
import type { SocketRule } from './limitRules.ts';

export interface SocketCounts {
  /** Takes a place for a socket of `owner`; false when `owner` has its `max` open already. */
  take(kind: keyof SocketRule, owner: string): boolean;
  /** Gives the place back, when the socket closes. */
  release(kind: keyof SocketRule, owner: string): void;
  /** The cap for `kind`, for the refusal's message. */
  max(kind: keyof SocketRule): number;
}

/** Null rule (limits off): no cap. */
export function createSocketCounts(rule: SocketRule | null): SocketCounts {
  const open = new Map<string, number>();
  return {
    take(kind, owner) {
      const key = `${kind}:${owner}`;
      const count = open.get(key) ?? 0;
      if (rule && count >= rule[kind]) return false;
      open.set(key, count + 1);
      return true;
    },
    release(kind, owner) {
      const key = `${kind}:${owner}`;
      const count = (open.get(key) ?? 1) - 1;
      if (count > 0) open.set(key, count);
      else open.delete(key);
    },
    max: (kind) => (rule ? rule[kind] : Infinity),
  };
}

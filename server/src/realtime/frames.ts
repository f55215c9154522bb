/** Reading the client's frames; anything malformed is refused with a reason. */
import type { ClientFrame } from '../../../src/shared/types.ts';
import { findLoneSurrogate } from '../../../src/shared/wellFormed.ts';

export type Hello =
  | { kind: 'customer'; token: string; since: number }
  | { kind: 'manager'; managerToken: string; since: number };

/** The rule for a resume cursor, the same for a socket's hello and an HTTPS poll. */
export const SINCE_RULE = 'since: must be a non-negative integer (the last event seq seen)';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseFrame(raw: string): Parsed<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'frame: is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as ClientFrame).type !== 'string') {
    return { ok: false, message: 'frame: must be an object with a string "type"' };
  }
  const lone = findLoneSurrogate(value, 'frame');
  if (lone) return { ok: false, message: lone };
  return { ok: true, value: value as Record<string, unknown> };
}

/** `{ type: 'hello', token | managerToken, since }`; a missing `since` means from the start. */
export function readHello(frame: Record<string, unknown>): Parsed<Hello> {
  if (frame.type !== 'hello') return { ok: false, message: 'frame: the first frame must be {"type":"hello"}' };
  const since = frame.since ?? 0;
  if (typeof since !== 'number' || !Number.isSafeInteger(since) || since < 0) {
    return { ok: false, message: SINCE_RULE };
  }
  if (typeof frame.token === 'string' && frame.token !== '') {
    return { ok: true, value: { kind: 'customer', token: frame.token, since } };
  }
  if (typeof frame.managerToken === 'string' && frame.managerToken !== '') {
    return { ok: true, value: { kind: 'manager', managerToken: frame.managerToken, since } };
  }
  return { ok: false, message: 'hello: needs a token (customer) or a managerToken (manager)' };
}

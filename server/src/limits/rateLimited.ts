/** The refusal of a limited request: 429, `Retry-After` in seconds, the limit named in the message. */
import { HttpError } from '../http/errors.ts';

/** Whole seconds, at least 1: `Retry-After: 0` would invite an instant retry. */
export const retrySeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/**
 * @example throw rateLimited('messages: at most 30 per minute from one visitor', 42_000)
 * // 429 { error: { code: 'rate_limited', message: 'messages: … ; retry in 42 s' } }
 */
export function rateLimited(what: string, retryInMs: number): HttpError {
  const seconds = retrySeconds(retryInMs);
  return new HttpError(429, 'rate_limited', `${what}; retry in ${seconds} s`, {
    'Retry-After': String(seconds),
    // A cross-origin page reads only the headers it is allowed to: the SDK needs this one.
    'Access-Control-Expose-Headers': 'Retry-After',
  });
}

/** "minute", "10 minutes", "hour", "90 s": the window as the message says it. */
export function windowName(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? 'hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'minute' : `${seconds / 60} minutes`;
  return `${seconds} s`;
}

import type { ApiErrorBody } from '../shared/types';

/**
 * Errors carry `status` and `code` from the server's `{ error: { code, message } }`, and
 * `retryable` when the same request may succeed later (network down, 5xx, 408, 429). Plain
 * properties rather than classes, so the messenger chunk can read them without sharing code.
 */
export interface ApiError extends Error {
  status: number;
  code: string;
  retryable: boolean;
  /** How long the server asked to wait before a retry (`Retry-After`, in ms); 0 when it did not say. */
  retryAfter: number;
}

const apiError = (status: number, code: string, message: string, retryAfter = 0): ApiError =>
  Object.assign(new Error(message), { status, code, retryAfter, retryable: !status || status >= 500 || status === 408 || status === 429 });

export const isRetryable = (error: unknown): boolean => !!(error && (error as ApiError).retryable);

export type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/**
 * JSON over fetch against `${base}${path}`, with the session token once there is one.
 * @example const api = createApiClient('https://chat.example.com/api/widget/KEY', () => token, signal)
 */
export function createApiClient(base: string, token: () => string | undefined, signal: AbortSignal): Request {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = {};
    const bearer = token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        credentials: 'omit',
      });
    } catch (error) {
      throw apiError(0, 'network', `${method} ${path} did not reach the server: ${(error as Error).message}`);
    }
    if (response.status === 204) return undefined as T;
    const data = (await response.json().catch(() => undefined)) as (T & Partial<ApiErrorBody>) | undefined;
    if (!response.ok) {
      const err = data && data.error;
      // Retry-After in seconds, as the server sends it; an HTTP date reads as NaN and counts as unsaid.
      const retryAfter = +response.headers.get('retry-after')! * 1000 || 0;
      throw apiError(response.status, err ? err.code : 'http_' + response.status, err ? err.message : response.statusText, retryAfter);
    }
    return data as T;
  };
}

/**
 * Retries `fn` while it fails with a retryable error, waiting 1 s, 2 s, 4 s … up to `maxDelay`, or
 * as long as the server asked; a server asking for longer than `maxDelay` gets the error at once.
 */
export async function withRetry<T>(fn: () => Promise<T>, signal: AbortSignal, attempts = 6, maxDelay = 15000): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const asked = (error as ApiError).retryAfter || 0;
      if (!isRetryable(error) || attempt + 1 >= attempts || signal.aborted || asked > maxDelay) throw error;
      await sleep(Math.max(asked, Math.min(maxDelay, 1000 * 2 ** attempt)), signal);
    }
  }
}

/** Waits `ms`, or less when `signal` aborts; an aborted signal ends it at once, setting no timer. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const id = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(id);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

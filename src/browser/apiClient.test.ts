import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, withRetry, type ApiError } from './apiClient';

const limited = (retryAfter: string) =>
  new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'messages: at most 30 per minute from one visitor; retry in 2 s' } }), {
    status: 429,
    headers: { 'content-type': 'application/json', 'retry-after': retryAfter },
  });

const signal = new AbortController().signal;
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('resolved'); }, (error: ApiError) => error);

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the API client', () => {
  it('reads Retry-After of a 429 as retryAfter in ms, and keeps the error retryable', async () => {
    vi.stubGlobal('fetch', async () => limited('2'));
    const error = await failure(createApiClient('https://chat.example/api/widget/KEY', () => 'tok', signal)('POST', '/events', {}));
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryable: true, retryAfter: 2000 });
    expect(error.message).toBe('messages: at most 30 per minute from one visitor; retry in 2 s');
  });

  it('reads no wait from a Retry-After it does not understand, or from a refusal without one', async () => {
    vi.stubGlobal('fetch', async () => limited('Wed, 21 Oct 2099 07:28:00 GMT'));
    const request = createApiClient('https://chat.example/api', () => undefined, signal);
    expect((await failure(request('GET', '/x'))).retryAfter).toBe(0);
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 400 }));
    expect((await failure(request('GET', '/x'))).retryAfter).toBe(0);
  });
});

describe('withRetry', () => {
  const limitedError = (retryAfter: number) =>
    Object.assign(new Error('limited'), { status: 429, code: 'rate_limited', retryable: true, retryAfter });

  it('waits as long as the server asked before trying again', async () => {
    const fn = vi.fn().mockRejectedValueOnce(limitedError(5000)).mockResolvedValue('ok');
    const done = withRetry(fn, signal);
    await vi.advanceTimersByTimeAsync(4999);
    expect(fn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(done).resolves.toBe('ok');
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('gives up at once when the server asks for a longer wait than it would retry for', async () => {
    const fn = vi.fn().mockRejectedValue(limitedError(600_000));
    await expect(withRetry(fn, signal)).rejects.toThrow('limited');
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

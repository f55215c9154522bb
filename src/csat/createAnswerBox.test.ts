import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPersistentQueue } from '../browser/createPersistentQueue';
import type { CsatAnswerRequest, Message } from '../shared/types';
import { answersKey, createAnswerBox, type AnswerBox } from './createAnswerBox';
import { pendingOf } from './pendingOf';

const KEY = answersKey('sangdam:key:outbox:u1');
const survey = (chatId: string, messageId: string, body: CsatAnswerRequest): Message => ({
  id: messageId, chatId, author: 'bot', text: 'How was it?', createdAt: 1, seq: 1,
  form: {
    type: 'csat', scale: 5, required: false, comment: true, questions: { ko: '', en: 'How was it?', ja: '' },
    answer: { score: body.score as 1, comment: body.comment ?? null, answeredAt: 2 },
  },
});
const answered = async (_m: string, path: string, body: CsatAnswerRequest) => {
  const [, , chatId, , messageId] = path.split('/');
  return { message: survey(chatId, messageId, body) };
};
const offline = () => Object.assign(new Error('did not reach the server'), { status: 0, code: 'network', retryable: true });
const limited = () =>
  Object.assign(new Error('survey answers: at most 10 per 10 minutes from one visitor; retry in 3 s'), {
    status: 429, code: 'rate_limited', retryable: true, retryAfter: 3000,
  });
const refused = () => Object.assign(new Error('This survey was already answered.'), { status: 409, code: 'conflict', retryable: false });

/** What waits for survey m7, as its form shows it. */
const pending = (box: AnswerBox) => pendingOf(box.entries.value.filter((a) => a.messageId === 'm7'));

let ids = 0;
const newId = () => `a${++ids}`;

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('the answer box', () => {
  it('lives beside the outbox under its own localStorage key', () => {
    expect(KEY).toBe('sangdam:key:outbox:u1:answers');
  });

  it('keeps an answer in localStorage until the server acknowledges it, then hands over the answered survey', async () => {
    let release!: () => void;
    const request = vi.fn((m: string, path: string, body: CsatAnswerRequest) =>
      new Promise((resolve) => (release = () => resolve(answered(m, path, body)))));
    const changes: Array<Message | undefined> = [];
    const box = createAnswerBox(createPersistentQueue, request as never, KEY, newId, (_a, message) => changes.push(message));
    const acknowledged = box.answer('chat1', 'm7', 4, 'Quick and kind');
    expect(JSON.parse(localStorage.getItem(KEY)!)).toMatchObject([
      { chatId: 'chat1', messageId: 'm7', score: 4, comment: 'Quick and kind', state: 'sending' },
    ]);
    expect(pending(box)).toMatchObject({ score: 4, state: 'sending' });
    const { answerId } = pending(box)!;
    expect(request).toHaveBeenCalledWith('POST', '/chats/chat1/messages/m7/answer', { answerId, score: 4, comment: 'Quick and kind' });
    release();
    expect((await acknowledged).form?.answer).toMatchObject({ score: 4, comment: 'Quick and kind' });
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(pending(box)).toBeUndefined();
    expect(changes.at(-1)?.id).toBe('m7');
  });

  it('sends no comment field when the customer wrote none', async () => {
    const request = vi.fn(answered);
    await createAnswerBox(createPersistentQueue, request as never, KEY, newId, () => {}).answer('chat1', 'm7', 5);
    expect(request.mock.calls[0][2]).toEqual({ answerId: expect.any(String), score: 5 });
  });

  it('retries with the same answerId while the server is unreachable', async () => {
    let down = true;
    const request = vi.fn(async (m: string, path: string, body: CsatAnswerRequest) => {
      if (down) throw offline();
      return answered(m, path, body);
    });
    const box = createAnswerBox(createPersistentQueue, request as never, KEY, newId, () => {});
    const acknowledged = box.answer('chat1', 'm7', 1);
    await vi.advanceTimersByTimeAsync(7500);
    expect(request.mock.calls.length).toBeGreaterThanOrEqual(3);
    down = false;
    box.kick();
    await expect(acknowledged).resolves.toMatchObject({ id: 'm7' });
    expect(new Set(request.mock.calls.map((call) => call[2].answerId)).size).toBe(1);
  });

  it('resumes an answer a previous page left behind, with its answerId', async () => {
    const request = vi.fn(async (_m: string, _p: string, _b: CsatAnswerRequest): Promise<unknown> => {
      throw offline();
    });
    createAnswerBox(createPersistentQueue, request as never, KEY, newId, () => {}).answer('chat1', 'm7', 3).catch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    const firstId = request.mock.calls[0][2].answerId;

    // The page reloads: a new box on the same key finds the answer and sends it again.
    request.mockImplementation(answered);
    const changes: Array<Message | undefined> = [];
    const reloaded = createAnswerBox(createPersistentQueue, request as never, KEY, newId, (_a, message) => changes.push(message));
    expect(pending(reloaded)).toMatchObject({ answerId: firstId, score: 3, state: 'sending' });
    await vi.advanceTimersByTimeAsync(0);
    expect(request).toHaveBeenLastCalledWith('POST', '/chats/chat1/messages/m7/answer', { answerId: firstId, score: 3 });
    expect(changes.at(-1)?.form?.answer?.score).toBe(3);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('marks a refused answer failed with the server message, and a new choice gets a new answerId', async () => {
    const request = vi.fn(async (_m: string, _p: string, _b: CsatAnswerRequest): Promise<unknown> => {
      throw refused();
    });
    const box = createAnswerBox(createPersistentQueue, request as never, KEY, newId, () => {});
    await expect(box.answer('chat1', 'm7', 2)).rejects.toThrow('already answered');
    expect(pending(box)).toMatchObject({ state: 'failed', error: 'This survey was already answered.' });
    const refusedId = pending(box)!.answerId;

    request.mockImplementation(answered);
    await box.answer('chat1', 'm7', 5);
    expect(request.mock.calls[1][2]).toMatchObject({ score: 5 });
    expect(request.mock.calls[1][2].answerId).not.toBe(refusedId);
    expect(pending(box)).toBeUndefined();
  });

  it('forgets a refused answer once the survey is seen answered, so nothing waits at the next boot', async () => {
    const request = vi.fn(async (): Promise<unknown> => {
      throw refused();
    });
    const box = createAnswerBox(createPersistentQueue, request as never, KEY, newId, () => {});
    await box.answer('chat1', 'm7', 2).catch(() => {});
    box.answered(survey('chat1', 'other', { answerId: 'x', score: 5 }));
    expect(pending(box)).toMatchObject({ state: 'failed' });
    box.answered(survey('chat1', 'm7', { answerId: 'x', score: 5 }));
    expect(pending(box)).toBeUndefined();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('waits the Retry-After of a refused answer, then sends the same answerId again', async () => {
    const request = vi.fn(answered).mockRejectedValueOnce(limited());
    const box = createAnswerBox(createPersistentQueue, request as never, KEY, newId, () => {});
    const acknowledged = box.answer('chat1', 'm7', 4);
    await vi.advanceTimersByTimeAsync(2999);
    expect(request).toHaveBeenCalledTimes(1);
    expect(pending(box)).toMatchObject({ state: 'sending', score: 4 });
    await vi.advanceTimersByTimeAsync(1);
    await expect(acknowledged).resolves.toMatchObject({ id: 'm7' });
    expect(request).toHaveBeenCalledTimes(2);
    expect(request.mock.calls[1][2].answerId).toBe(request.mock.calls[0][2].answerId);
    expect(pending(box)).toBeUndefined();
  });

  it('keeps the score and the comment after it as two steps, sent in order, the comment carrying the score answerId', async () => {
    const request = vi.fn(async (_m: string, path: string, body: Record<string, unknown>): Promise<unknown> => {
      if (path.endsWith('/answer')) throw offline();
      return { message: { ...survey('chat1', 'm7', { answerId: 'x', score: 4, comment: body.comment as string }) } };
    });
    const box = createAnswerBox(createPersistentQueue, request as never, KEY, newId, () => {});
    box.answer('chat1', 'm7', 4).catch(() => {});
    box.comment('chat1', 'm7', 'Quick and kind').catch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(pending(box)).toMatchObject({ score: 4, comment: 'Quick and kind', state: 'sending' });
    const { answerId } = pending(box)!;
    expect(JSON.parse(localStorage.getItem(KEY)!)).toMatchObject([
      { messageId: 'm7', score: 4, answerId },
      { messageId: 'm7', step: 'comment', comment: 'Quick and kind', answerId },
    ]);
    // The comment waits behind the score, however often the score is retried.
    await vi.advanceTimersByTimeAsync(3000);
    expect(request.mock.calls.every((call) => call[1] === '/chats/chat1/messages/m7/answer')).toBe(true);

    // The page reloads before anything was stored: both steps resume, in order.
    request.mockImplementation(async (_m: string, path: string, body: Record<string, unknown>) => {
      const comment = path.endsWith('/comment') ? (body.comment as string) : undefined;
      return { message: survey('chat1', 'm7', { answerId: 'x', score: 4, comment }) };
    });
    box.stop();
    const reloaded = createAnswerBox(createPersistentQueue, request as never, KEY, newId, () => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(request.mock.calls.slice(-2)).toEqual([
      ['POST', '/chats/chat1/messages/m7/answer', { answerId, score: 4 }],
      ['POST', '/chats/chat1/messages/m7/answer/comment', { answerId, comment: 'Quick and kind' }],
    ]);
    expect(pending(reloaded)).toBeUndefined();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('sends a comment alone when its score is already stored, without an answerId', async () => {
    const request = vi.fn(async (_m: string, _p: string, _b: unknown) => ({ message: survey('chat1', 'm7', { answerId: 'x', score: 2, comment: 'Slow' }) }));
    const box = createAnswerBox(createPersistentQueue, request as never, KEY, newId, () => {});
    await box.comment('chat1', 'm7', 'Slow');
    expect(request).toHaveBeenCalledWith('POST', '/chats/chat1/messages/m7/answer/comment', { comment: 'Slow' });
  });

  it('keeps a skip until the server records it, then forgets it', async () => {
    const request = vi.fn(async (_m: string, _p: string, _b: unknown): Promise<unknown> => {
      throw offline();
    });
    const box = createAnswerBox(createPersistentQueue, request as never, KEY, newId, () => {});
    const skipped = box.skip('chat1', 'm7');
    await vi.advanceTimersByTimeAsync(0);
    expect(pending(box)).toMatchObject({ skip: true, state: 'sending' });
    expect(request).toHaveBeenCalledWith('POST', '/chats/chat1/messages/m7/skip', {});
    const asked = survey('chat1', 'm7', { answerId: 'x', score: 1 });
    request.mockResolvedValue({ message: { ...asked, form: { ...asked.form!, answer: null, skippedAt: 9 } } });
    box.kick();
    await expect(skipped).resolves.toMatchObject({ form: { skippedAt: 9 } });
    expect(pending(box)).toBeUndefined();
  });
});

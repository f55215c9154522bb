import { describe, expect, it } from 'vitest';
import { pendingOf, stepRequest } from './pendingOf';

describe('stepRequest', () => {
  it('sends the score alone or with its comment, the comment with the waiting score’s id, and a skip with no body', () => {
    expect(stepRequest({ answerId: 'a1', score: 4, state: 'sending' })).toEqual({ path: 'answer', body: { answerId: 'a1', score: 4 } });
    expect(stepRequest({ answerId: 'a1', score: 4, comment: 'Kind', state: 'sending' })).toEqual({ path: 'answer', body: { answerId: 'a1', score: 4, comment: 'Kind' } });
    expect(stepRequest({ step: 'comment', answerId: 'a1', comment: 'Kind', state: 'sending' })).toEqual({ path: 'answer/comment', body: { comment: 'Kind', answerId: 'a1' } });
    expect(stepRequest({ step: 'comment', comment: 'Kind', state: 'sending' })).toEqual({ path: 'answer/comment', body: { comment: 'Kind' } });
    expect(stepRequest({ step: 'skip', state: 'sending' })).toEqual({ path: 'skip', body: {} });
  });
});

describe('pendingOf', () => {
  it('shows the waiting score and comment as one choice, failed when any step was refused', () => {
    expect(pendingOf([])).toBeUndefined();
    expect(
      pendingOf([
        { answerId: 'a1', score: 4, state: 'sending' },
        { step: 'comment', comment: 'Kind', state: 'failed', error: 'comment: too long' },
      ]),
    ).toEqual({ state: 'failed', answerId: 'a1', score: 4, comment: 'Kind', error: 'comment: too long' });
  });
});

import type { PendingAnswer, PendingSurvey } from '../messenger/services/types';

/** One step as a queue keeps it, wherever the survey is answered (the widget, the link page). */
export type SurveyStep = Omit<PendingAnswer, 'chatId' | 'messageId'>;

/**
 * The call that stores one step, under the survey's path: the score (`answer`, with the comment
 * when given together), the comment added to it (`answer/comment`, with the score's `answerId`
 * while that still waits), or a skip.
 * @example stepRequest({ step: 'comment', comment: 'Kind', state: 'sending' }) // { path: 'answer/comment', body: { comment: 'Kind' } }
 */
export function stepRequest({ step, answerId, score, comment }: SurveyStep): { path: string; body: object } {
  if (step === 'skip') return { path: 'skip', body: {} };
  if (step === 'comment') return { path: 'answer/comment', body: answerId ? { comment, answerId } : { comment } };
  return { path: 'answer', body: comment ? { answerId, score, comment } : { answerId, score } };
}

/**
 * The steps still waiting for one survey (score, comment, skip), oldest first, as one view for
 * the form: what was given, and whether it is on its way or was refused (with the first reason).
 * The widget's answer box and the link page's queue both keep their steps this way.
 * @example pendingOf([{ score: 4, state: 'sending', … }, { step: 'comment', comment: 'Kind', … }])
 */
export function pendingOf(steps: readonly SurveyStep[]): PendingSurvey | undefined {
  if (!steps.length) return undefined;
  const scored = steps.find((a) => !a.step);
  const commented = steps.find((a) => a.step === 'comment') || (scored?.comment ? scored : undefined);
  const failed = steps.find((a) => a.state === 'failed');
  const view: PendingSurvey = { state: failed ? 'failed' : 'sending' };
  if (scored) Object.assign(view, { answerId: scored.answerId, score: scored.score });
  if (commented) view.comment = commented.comment;
  if (steps.some((a) => a.step === 'skip')) view.skip = true;
  if (failed?.error) view.error = failed.error;
  return view;
}

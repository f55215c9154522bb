import type { PendingAnswer, PendingSurvey } from '../messenger/host/types';

/**
 * The steps still waiting for one survey (score, comment, skip), oldest first, as one view for
 * the form: what was given, and whether it is on its way or was refused (with the first reason).
 * The widget's answer box and the link page's queue both keep their steps this way.
 * @example pendingOf([{ score: 4, state: 'sending', … }, { step: 'comment', comment: 'Kind', … }])
 */
export function pendingOf(steps: readonly Omit<PendingAnswer, 'chatId' | 'messageId'>[]): PendingSurvey | undefined {
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

import type { CsatForm } from '../types';

/**
 * How far a survey has come: 0 waiting, 1 scored, 2 settled (scored with its comment, or
 * skipped). A survey never goes back, so a copy of its message that arrives late (a stale read,
 * an event replayed) must not replace one further along.
 * @example surveyProgress(incoming.form) < surveyProgress(current.form) // keep current
 */
export const surveyProgress = (form: CsatForm | undefined): number =>
  form?.skippedAt || form?.answer?.comment ? 2 : +!!form?.answer;

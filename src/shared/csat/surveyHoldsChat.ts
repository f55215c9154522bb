import type { CsatForm } from '../types';

/**
 * Whether a survey keeps its customer from writing in the chat (SPEC §3, `required`): a required
 * survey holds the chat until its score is stored, and, with `commentRequired`, its comment too.
 * The server refuses a message on the same rule, so a stale client cannot get round it.
 * @example surveyHoldsChat(message.form) // true: required and not answered yet
 */
export const surveyHoldsChat = (form?: CsatForm | null): boolean =>
  !!form?.required && !form.skippedAt && !(form.answer && (form.answer.comment || !form.commentRequired || !form.comment));

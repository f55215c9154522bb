/** Readers for the survey's request bodies: the manager's operating hours and a customer's answer. */
import { validateOperatingHours, type OperatingHours } from '../../../src/shared/operatingHours.ts';
import { LIMITS } from '../../../src/shared/types.ts';
import type { AnswerInput, CommentInput } from '../domain/csatAnswers.ts';
import { invalid } from './errors.ts';
import * as v from './validate.ts';

/** `{ answerId, score, comment? }` (CsatAnswerRequest); the score's scale is the survey's to check. */
export function parseCsatAnswer(body: unknown): AnswerInput {
  const fields = v.readFields(body, ['answerId', 'score', 'comment']);
  const answerId = v.requiredString(fields, 'answerId', { max: 64 });
  const { score } = fields;
  if (score === undefined) throw v.missing('score', "a number: the chosen option's score");
  if (typeof score !== 'number' || !Number.isFinite(score)) {
    throw invalid("score: must be a number (the chosen option's score)");
  }
  return { answerId, score, comment: readComment(fields.comment) };
}

/** `{ comment, answerId? }` (CsatCommentRequest): the comment added to an answer already stored. */
export function parseCsatComment(body: unknown): CommentInput {
  const fields = v.readFields(body, ['comment', 'answerId']);
  if (fields.comment === undefined) throw v.missing('comment', `a string of at most ${LIMITS.csatComment} characters`);
  const comment = readComment(fields.comment);
  if (comment === null) throw invalid('comment: must not be empty (a comment added to an answer has text)');
  const answerId = fields.answerId === undefined ? undefined : v.requiredString(fields, 'answerId', { max: 64 });
  return answerId === undefined ? { comment } : { comment, answerId };
}

/** A skip has no fields: an absent body or `{}`. */
export function parseCsatSkip(body: unknown): void {
  const fields = v.readFields(body, Object.keys(body ?? {}));
  if (Object.keys(fields).length > 0) throw invalid(`${Object.keys(fields)[0]}: a skip takes no fields (send {} or no body)`);
}

/** Trimmed; absent, null or only spaces is no comment. */
function readComment(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const comment = typeof value === 'string' ? value.trim() : null;
  if (comment === null || [...comment].length > LIMITS.csatComment) {
    throw invalid(`comment: must be a string of at most ${LIMITS.csatComment} characters`);
  }
  return comment === '' ? null : comment;
}

/** `{ timeZone, weekly }`, checked by the shared validator; a PUT replaces the whole week. */
export function parseOperatingHours(body: unknown): OperatingHours {
  const checked = validateOperatingHours(v.readFields(body, ['timeZone', 'weekly']));
  if (!checked.ok) throw invalid(checked.message);
  return checked.hours;
}

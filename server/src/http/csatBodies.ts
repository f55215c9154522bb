/** Readers for the survey's request bodies: the manager's operating hours and a customer's answer. */
import { validateOperatingHours, type OperatingHours } from '../../../src/shared/operatingHours.ts';
import { LIMITS } from '../../../src/shared/types.ts';
import type { AnswerInput } from '../domain/csatAnswers.ts';
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

/**
 * A required survey holds its chat (SPEC §3): until the score (and, with `commentRequired`, the
 * comment) is stored, the customer cannot write in that chat. The widget replaces its composer
 * then; this keeps a stale client, or any other caller of the API, to the same rule.
 */
import { surveyHoldsChat } from '../../../src/shared/csat/index.ts';
import type { StoreTx } from '../store/Store.ts';
import { DomainError } from './errors.ts';

/** Refuses a customer's message while the chat's latest survey holds it; other chats are not held. */
export async function assertChatNotHeldBySurvey(tx: StoreTx, chatId: string): Promise<void> {
  const survey = await tx.latestSurvey(chatId);
  const form = survey && (await tx.getMessage(survey.messageId))?.form;
  if (!form || !surveyHoldsChat(form)) return;
  const what = form.answer ? 'its comment (commentRequired)' : 'its score (required)';
  throw new DomainError(
    'conflict',
    'survey_required',
    `text: this chat's satisfaction survey must be answered first; the survey rule requires ${what} before the customer writes in this chat again`,
  );
}

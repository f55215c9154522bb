/**
 * Skipping the satisfaction survey (SPEC §3): a survey that is not required can be skipped from
 * the widget or the customer link. The skip is recorded on the survey, counted as declined in the
 * statistics, and the form shows it as skipped from then on (it does not come back after a
 * reload); a skipped survey takes no answer. Skipping again changes nothing, so a retry is safe.
 */
import type { Message } from '../../../src/shared/types.ts';
import type { Store, StoreTx } from '../store/Store.ts';
import { surveyChat, surveyInChat, surveyOfLink, withSurveyMessage } from './csatSurvey.ts';
import { customerChat } from './customerChats.ts';
import { DomainError } from './errors.ts';
import { recordEvent } from './events.ts';
import type { ChatDetail, SurveyRecord, UserRecord } from './types.ts';

/** The customer skips a survey in one of their own chats. */
export async function skipInChat(tx: StoreTx, user: UserRecord, chatId: string, messageId: string): Promise<Message> {
  const detail = await customerChat(tx, user, chatId);
  const { survey, message } = await surveyInChat(tx, chatId, messageId);
  return skip(tx, detail, survey, message);
}

/** Whoever holds the customer link skips its survey. */
export async function skipByLink(store: Store, token: string): Promise<Message> {
  return store.transaction(async (tx) => {
    const { survey, message } = await surveyOfLink(tx, token);
    return skip(tx, await surveyChat(tx, survey), survey, message);
  });
}

/** `current` is the survey's chat as read in this unit of work; it is not read again. */
async function skip(tx: StoreTx, current: ChatDetail, survey: SurveyRecord, message: Message): Promise<Message> {
  const form = message.form!;
  if (survey.skippedAt) return message;
  if (await tx.findAnswerOfSurvey(survey.messageId)) {
    throw new DomainError('conflict', 'already_answered', 'survey: is already answered; it can no longer be skipped');
  }
  if (form.required) {
    throw new DomainError('conflict', 'survey_required', 'survey: the survey rule makes it required (required: true); it cannot be skipped');
  }
  const now = tx.now;
  const declined: Message = { ...message, form: { ...form, skippedAt: now } };
  await tx.skipSurvey(survey.messageId, now);
  await tx.updateMessageForm(survey.messageId, declined.form!);
  await recordEvent(tx, survey.chatId, 'message', { message: declined, detail: withSurveyMessage(current, declined) });
  return declined;
}

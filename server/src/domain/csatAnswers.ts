/**
 * Answers to the satisfaction survey, from the widget or the customer link. An answer is stored
 * once: the survey's message id and the client's answerId are each unique, so a retry (same
 * answerId) gets the stored survey back and writes nothing, and a second answer is refused.
 * Storing it writes `profile.csat` (and `profile.csatComment`) through the shared validator,
 * updates the survey's form and records both changes, all in one unit of work.
 */
import { isOnScale, scaleScores } from '../../../src/shared/csat/index.ts';
import type { Language, Message } from '../../../src/shared/types.ts';
import type { Store, StoreTx } from '../store/Store.ts';
import { surveyInChat, surveyOfLink, surveyNotFound } from './csatSurvey.ts';
import { chatNotFound, DomainError } from './errors.ts';
import { recordEvent } from './events.ts';
import { writtenProfile } from './profile.ts';
import type { AnswerVia, SurveyRecord, UserRecord } from './types.ts';

/** A checked answer body: `comment` is trimmed, and null when empty or absent. */
export interface AnswerInput {
  answerId: string;
  /** Any finite number; whether it is on the survey's scale is checked against the survey. */
  score: number;
  comment: string | null;
}

/** What the customer link page needs to show the survey. */
export interface LinkedSurvey {
  form: NonNullable<Message['form']>;
  language: Language;
  channel: { name: string; color: string };
}

/** The customer answers a survey in one of their own chats. */
export async function answerInChat(
  store: Store,
  user: UserRecord,
  chatId: string,
  messageId: string,
  input: AnswerInput,
): Promise<Message> {
  return store.transaction(async (tx) => {
    const detail = await tx.getChatDetail(chatId);
    if (!detail || detail.chat.userId !== user.id) throw chatNotFound();
    const { survey, message } = await surveyInChat(tx, chatId, messageId);
    return answer(tx, survey, message, input, 'widget');
  });
}

/** Whoever holds the customer link answers its survey. */
export async function answerByLink(store: Store, token: string, input: AnswerInput): Promise<Message> {
  return store.transaction(async (tx) => {
    const { survey, message } = await surveyOfLink(tx, token);
    return answer(tx, survey, message, input, 'link');
  });
}

/** The survey behind a customer link, in its customer's language, with the channel's look. */
export async function readLinkedSurvey(store: Store, token: string): Promise<LinkedSurvey> {
  return store.transaction(async (tx) => {
    const { survey, message } = await surveyOfLink(tx, token);
    const detail = await tx.getChatDetail(survey.chatId);
    const user = detail && (await tx.getUser(detail.chat.userId));
    const channel = detail && (await tx.getChannel(detail.chat.channelId));
    if (!user || !channel) throw surveyNotFound();
    return { form: message.form!, language: user.language, channel: { name: channel.name, color: channel.color } };
  });
}

async function answer(
  tx: StoreTx,
  survey: SurveyRecord,
  message: Message,
  input: AnswerInput,
  via: AnswerVia,
): Promise<Message> {
  const form = message.form!;
  const stored = await tx.findAnswerOfSurvey(survey.messageId);
  if (stored) {
    if (stored.answerId === input.answerId) return message;
    throw new DomainError('conflict', 'already_answered', 'survey: is already answered; an answer cannot be changed');
  }
  const { score, comment } = input;
  if (!isOnScale(form.scale, score)) {
    const scores = scaleScores(form.scale).join(', ');
    throw new DomainError('invalid', 'invalid_request', `score: must be one of ${scores} on this ${form.scale}-point survey`);
  }
  if (comment !== null && !form.comment) {
    throw new DomainError('invalid', 'invalid_request', 'comment: this survey has no comment box; send the score alone');
  }
  if (await tx.findAnswerById(input.answerId)) {
    throw new DomainError('conflict', 'answer_id_used', 'answerId: was already used for another survey; send a new one');
  }
  const now = tx.now;
  const answered: Message = { ...message, form: { ...form, answer: { score, comment, answeredAt: now } } };
  const { chatId, messageId } = survey;
  await tx.insertAnswer({ chatId, messageId, answerId: input.answerId, score, scale: form.scale, comment, answeredAt: now, via });
  await tx.updateMessageForm(messageId, answered.form!);
  const { chat } = (await tx.getChatDetail(chatId))!;
  // The profile holds the latest answer: a comment left on an earlier survey does not stay beside a new score.
  const write = { 'profile.csat': score, 'profile.csatComment': comment };
  const profile = writtenProfile(chat.profile, write, await tx.listProfileFields(chat.channelId), 'survey');
  await tx.updateChat({ ...chat, profile, updatedAt: now });
  await recordEvent(tx, chatId, 'message', { message: answered });
  await recordEvent(tx, chatId, 'chat');
  return answered;
}

/**
 * Answers to the satisfaction survey, from the widget or the customer link. The score is stored
 * the moment a face is chosen; a comment sent afterwards is added to that same answer. An answer
 * is stored once: the survey's message id and the client's answerId are each unique, so a retry
 * (same answerId) gets the stored survey back and writes nothing, and a second answer is refused;
 * a comment is added once, and sending the stored comment again changes nothing. A skipped survey
 * takes no answer. Each step writes `profile.csat` / `profile.csatComment` through the shared
 * validator, updates the survey's form and records both changes, all in one unit of work.
 */
import { isOnScale, scaleScores } from '../../../src/shared/csat/index.ts';
import type { Language, Message } from '../../../src/shared/types.ts';
import type { Store, StoreTx } from '../store/Store.ts';
import { surveyChat, surveyInChat, surveyOfLink, surveyNotFound, withSurveyMessage } from './csatSurvey.ts';
import { customerChat } from './customerChats.ts';
import { DomainError } from './errors.ts';
import { recordEvent } from './events.ts';
import { writtenProfile, type ProfileWrite } from './profile.ts';
import type { AnswerVia, ChatDetail, SurveyRecord, UserRecord } from './types.ts';

/** A checked answer body: `comment` is trimmed, and null when empty or absent. */
export interface AnswerInput {
  answerId: string;
  /** Any finite number; whether it is on the survey's scale is checked against the survey. */
  score: number;
  comment: string | null;
}

/** A checked comment body: trimmed and not empty. */
export interface CommentInput {
  comment: string;
  /** When sent, the stored answer's: the comment then surely joins the score this client gave. */
  answerId?: string;
}

/** What the customer link page needs to show the survey. */
export interface LinkedSurvey {
  form: NonNullable<Message['form']>;
  language: Language;
  channel: { name: string; color: string };
}

/** The customer answers a survey in one of their own chats. */
export async function answerInChat(
  tx: StoreTx,
  user: UserRecord,
  chatId: string,
  messageId: string,
  input: AnswerInput,
): Promise<Message> {
  const detail = await customerChat(tx, user, chatId);
  const { survey, message } = await surveyInChat(tx, chatId, messageId);
  return answer(tx, detail, survey, message, input, 'widget');
}

/** The customer adds the comment to the answer they gave a survey in one of their own chats. */
export async function commentInChat(
  tx: StoreTx,
  user: UserRecord,
  chatId: string,
  messageId: string,
  input: CommentInput,
): Promise<Message> {
  const detail = await customerChat(tx, user, chatId);
  const { survey, message } = await surveyInChat(tx, chatId, messageId);
  return addComment(tx, detail, survey, message, input);
}

/** Whoever holds the customer link adds the comment to its survey's answer. */
export async function commentByLink(store: Store, token: string, input: CommentInput): Promise<Message> {
  return store.transaction(async (tx) => {
    const { survey, message } = await surveyOfLink(tx, token);
    return addComment(tx, await surveyChat(tx, survey), survey, message, input);
  });
}

/** Whoever holds the customer link answers its survey. */
export async function answerByLink(store: Store, token: string, input: AnswerInput): Promise<Message> {
  return store.transaction(async (tx) => {
    const { survey, message } = await surveyOfLink(tx, token);
    return answer(tx, await surveyChat(tx, survey), survey, message, input, 'link');
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

/** `current` is the survey's chat as read in this unit of work; it is not read again. */
async function answer(
  tx: StoreTx,
  current: ChatDetail,
  survey: SurveyRecord,
  message: Message,
  input: AnswerInput,
  via: AnswerVia,
): Promise<Message> {
  const form = message.form!;
  const stored = await tx.findAnswerOfSurvey(survey.messageId);
  if (stored) {
    if (stored.answerId === input.answerId) return message;
    throw alreadyAnswered();
  }
  if (survey.skippedAt) throw skipped();
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
  // The profile holds the latest answer: a comment left on an earlier survey does not stay beside a new score.
  await record(tx, current, answered, { 'profile.csat': score, 'profile.csatComment': comment });
  return answered;
}

async function addComment(
  tx: StoreTx,
  current: ChatDetail,
  survey: SurveyRecord,
  message: Message,
  input: CommentInput,
): Promise<Message> {
  const form = message.form!;
  if (!form.comment) throw new DomainError('invalid', 'invalid_request', 'comment: this survey has no comment box');
  const stored = await tx.findAnswerOfSurvey(survey.messageId);
  if (!stored) {
    if (survey.skippedAt) throw skipped();
    throw new DomainError('conflict', 'not_answered', 'survey: has no score yet; send the answer (…/answer) before its comment');
  }
  if (input.answerId !== undefined && input.answerId !== stored.answerId) throw alreadyAnswered();
  if (stored.comment !== null) {
    if (stored.comment === input.comment) return message; // a retry: nothing written twice
    throw new DomainError('conflict', 'comment_given', 'comment: this answer already has its comment; a comment cannot be changed');
  }
  const { comment } = input;
  const answered: Message = { ...message, form: { ...form, answer: { ...form.answer!, comment } } };
  await tx.addAnswerComment(survey.messageId, comment);
  await tx.updateMessageForm(survey.messageId, answered.form!);
  // The profile holds the latest answer (the one profile.csat holds), even when a newer survey
  // is still unanswered; a comment on an older answer does not overwrite a newer score's.
  const latest = await tx.latestAnswer(survey.chatId);
  await record(tx, current, answered, latest?.messageId === survey.messageId ? { 'profile.csatComment': comment } : null);
  return answered;
}

/**
 * Writes the answer's keys into the chat profile (when given) and announces the survey and the
 * chat. Both events carry the chat as it now stands, built from `current` and this change rather
 * than read back.
 */
async function record(tx: StoreTx, current: ChatDetail, answered: Message, write: ProfileWrite | null) {
  let detail = withSurveyMessage(current, answered);
  if (write) {
    const { chat } = detail;
    const profile = writtenProfile(chat.profile, write, await tx.listProfileFields(chat.channelId), 'survey');
    detail = { ...detail, chat: { ...chat, profile, updatedAt: tx.now } };
    await tx.updateChat(detail.chat);
  }
  const chatId = detail.chat.id;
  await recordEvent(tx, chatId, 'message', { message: answered, detail });
  if (write) await recordEvent(tx, chatId, 'chat', { detail });
}

const alreadyAnswered = () => new DomainError('conflict', 'already_answered', 'survey: is already answered; an answer cannot be changed');
const skipped = () => new DomainError('conflict', 'survey_skipped', 'survey: was skipped; a skipped survey takes no answer');

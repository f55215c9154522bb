/**
 * Posting the satisfaction survey (SPEC §3) into a chat as it closes, and finding a survey again:
 * by its message in the customer's own chat, or by the customer link of a chat held elsewhere.
 */
import { surveyApplies } from '../../../src/shared/csat/index.ts';
import { isWithinOperatingHours } from '../../../src/shared/operatingHours.ts';
import type { CsatForm, Message } from '../../../src/shared/types.ts';
import type { StoreTx } from '../store/Store.ts';
import { hashToken, surveyLinkToken } from './crypto.ts';
import { chatKeyTypes, currentCsatSettings, currentOperatingHours } from './csatSettings.ts';
import { profileView } from './profile.ts';
import { DomainError } from './errors.ts';
import { postMessage } from './messages.ts';
import { renderForChat } from './templates.ts';
import type { ChatDetail, SurveyRecord } from './types.ts';

export const surveyNotFound = (): DomainError =>
  new DomainError('not_found', 'survey_not_found', 'survey: no such survey');

/**
 * Called inside the unit of work that closes the chat, with the chat as closed: when the channel's rule matches this chat,
 * posts the survey as a bot message in the customer's language, with its customer link. Nothing
 * is posted while an earlier survey of the chat is still unanswered. Returns the chat after the
 * post, or null when no survey was due.
 */
export async function postSurveyIfDue(tx: StoreTx, closed: ChatDetail, now: number): Promise<ChatDetail | null> {
  const { chat } = closed;
  const settings = await currentCsatSettings(tx, chat.channelId);
  if (!settings.enabled || (await tx.hasUnansweredSurvey(chat.id))) return null;
  const user = await tx.getUser(chat.userId);
  if (!user) throw new Error(`user ${chat.userId} of chat ${chat.id} missing`);
  const tags = Array.isArray(chat.profile.tags) ? chat.profile.tags : [];
  const hours = await currentOperatingHours(tx, chat.channelId);
  const keyType = await chatKeyTypes(tx, chat.channelId);
  const due = surveyApplies(settings, {
    userProfile: user.profile,
    chatTags: tags,
    insideOperatingHours: isWithinOperatingHours(hours, now),
    chatProfile: profileView(chat.state, chat.profile),
    chatKeyKnown: (key) => keyType(key) !== undefined,
    now,
  });
  if (!due) return null;
  // Question texts may hold variables (SPEC §2.5): each language is rendered for this chat.
  const fields = await tx.listProfileFields(chat.channelId);
  const render = (template: string) => renderForChat(template, chat, user, fields, hours.timeZone);
  const questions = { ko: render(settings.questions.ko), en: render(settings.questions.en), ja: render(settings.questions.ja) };
  const form: CsatForm = {
    type: 'csat',
    scale: settings.scale,
    required: settings.required,
    comment: settings.comment,
    commentRequired: settings.comment && settings.commentRequired,
    questions,
    answer: null,
  };
  const language = user.language in questions ? user.language : 'en';
  const text = questions[language];
  const template = settings.questions[language];
  const posted = await postMessage(tx, closed, { author: 'bot', text, form, template });
  const token = surveyLinkToken(tx.linkKey, posted.message.id);
  await tx.insertSurvey({ messageId: posted.message.id, chatId: chat.id, tokenHash: hashToken(token), createdAt: now });
  return posted.detail;
}

/** A survey of this chat, by its message id; any other message (or another chat's survey) is not found. */
export async function surveyInChat(
  tx: StoreTx,
  chatId: string,
  messageId: string,
): Promise<{ survey: SurveyRecord; message: Message }> {
  const survey = await tx.findSurveyByMessage(messageId);
  if (!survey || survey.chatId !== chatId) throw surveyNotFound();
  return { survey, message: await surveyMessage(tx, survey) };
}

/** The survey a customer link points to. */
export async function surveyOfLink(tx: StoreTx, token: string): Promise<{ survey: SurveyRecord; message: Message }> {
  const survey = await tx.findSurveyByTokenHash(hashToken(token));
  if (!survey) throw surveyNotFound();
  return { survey, message: await surveyMessage(tx, survey) };
}

/**
 * The token of a survey's link, derived again from the link key; null when the stored hash does
 * not match it (a survey from before links were derived, or a link key replaced since): that link
 * still works for the customer who has it, but no one can show it again.
 */
export function linkTokenOf(tx: StoreTx, survey: SurveyRecord): string | null {
  const token = surveyLinkToken(tx.linkKey, survey.messageId);
  return hashToken(token) === survey.tokenHash ? token : null;
}

async function surveyMessage(tx: StoreTx, survey: SurveyRecord): Promise<Message> {
  const message = await tx.getMessage(survey.messageId);
  if (!message?.form) throw new Error(`survey message ${survey.messageId} missing or without its form`);
  return message;
}

/** The chat a survey was posted in, read once for the whole unit of work that changes the survey. */
export async function surveyChat(tx: StoreTx, survey: SurveyRecord): Promise<ChatDetail> {
  const detail = await tx.getChatDetail(survey.chatId);
  if (!detail) throw new Error(`chat ${survey.chatId} of survey ${survey.messageId} missing`);
  return detail;
}

/**
 * The chat as it reads once the survey's form changed, without reading it again: the survey is
 * often the chat's last message, which then shows the new form.
 */
export function withSurveyMessage(detail: ChatDetail, survey: Message): ChatDetail {
  return detail.lastMessage?.id === survey.id ? { ...detail, lastMessage: survey } : detail;
}

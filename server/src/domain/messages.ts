/** Messages in a chat, from the customer, a manager or a bot — idempotent on the sender's clientId. */
import type { Author, CsatForm, Message } from '../../../src/shared/types.ts';
import type { Store, StoreTx } from '../store/Store.ts';
import { measuredChat } from './measureChat.ts';
import { newId } from './crypto.ts';
import { charLength, LIMITS } from '../../../src/shared/limits.ts';
import { isTemplate } from '../../../src/shared/template.ts';
import { chatNotFound, DomainError } from './errors.ts';
import { currentOperatingHours } from './csatSettings.ts';
import { recordEvent } from './events.ts';
import { reopenedProfile } from './profile.ts';
import { assertTemplate, renderForChat } from './templates.ts';
import { assertChatNotHeldBySurvey } from './csatHold.ts';
import type { ChatDetail, ManagerRecord } from './types.ts';

export interface NewMessage {
  author: Author;
  text: string;
  clientId?: string;
  authorName?: string;
  authorId?: string;
  authorAvatarUrl?: string;
  /** The survey's form, for the bot message posted when a chat closes. */
  form?: CsatForm;
  /** The text as written, when its variables made `text` differ from it. */
  template?: string;
}

export interface Posted {
  message: Message;
  detail: ChatDetail;
  /** False when the clientId was seen before and the stored message is returned. */
  created: boolean;
}

/**
 * Stores a message and its event in the caller's unit of work. A customer or manager writing in
 * a closed (or snoozed) chat reopens it first, announced as its own `chat` event; a bot message
 * (the survey posted at close) does not. Writing also means the customer has read everything.
 * A customer or manager message remeasures the chat's response times; a bot message neither
 * answers nor waits, so it leaves them as they are.
 *
 * `current` is the chat as read in this unit of work. What the message changes is known here, so
 * the chat is not read back: the message becomes the last one, a customer's message leaves nothing
 * unread, and any other adds one unread message (its seq is above every read marker).
 */
export async function postMessage(tx: StoreTx, current: ChatDetail, input: NewMessage): Promise<Posted> {
  const chatId = current.chat.id;
  if (input.clientId !== undefined) {
    // Each side has its own clientIds: a customer reusing a manager's cannot swallow their reply.
    const stored = await tx.findMessageByClientId(chatId, input.author, input.clientId);
    if (stored) return { message: stored, detail: current, created: false };
  }
  if (input.author === 'customer') await assertChatNotHeldBySurvey(tx, chatId);
  let { chat } = current;
  const now = tx.now;
  if (chat.state !== 'opened' && input.author !== 'bot') {
    chat = await measuredChat(tx, { ...chat, state: 'opened', profile: reopenedProfile(chat.profile, now), updatedAt: now });
    await tx.updateChat(chat);
    await recordEvent(tx, chatId, 'chat', { detail: { ...current, chat } });
  }
  // The chat's next: `current` was read under the chat's lock, so no other writer takes it too.
  const seq = (await tx.lastMessageSeq(chatId)) + 1;
  const message: Message = { id: newId(), chatId, author: input.author, text: input.text, createdAt: now, seq };
  if (input.clientId !== undefined) message.clientId = input.clientId;
  if (input.authorName !== undefined) message.authorName = input.authorName;
  if (input.authorId !== undefined) message.authorId = input.authorId;
  if (input.authorAvatarUrl !== undefined) message.authorAvatarUrl = input.authorAvatarUrl;
  if (input.form !== undefined) message.form = input.form;
  if (input.template !== undefined && input.template !== input.text) message.template = input.template;
  await tx.insertMessage(message);
  const readSeq = input.author === 'customer' ? seq : chat.readSeq;
  chat = { ...chat, readSeq, updatedAt: now, activityAt: now };
  if (input.author !== 'bot') chat = await measuredChat(tx, chat, message);
  await tx.updateChat(chat);
  const unread = input.author === 'customer' ? 0 : current.unread + 1;
  const detail: ChatDetail = { chat, lastMessage: message, unread, user: current.user };
  await recordEvent(tx, chatId, 'message', { message, detail });
  return { message, detail, created: true };
}

/**
 * A manager's reply. Its variables (SPEC §2.5) are checked against the channel's keys and rendered
 * against this chat and its customer; the stored text is the rendered one, the template kept beside
 * it. An unknown variable refuses the reply and stores nothing. A retry with a known clientId
 * returns the stored message as it was rendered then.
 */
export async function sendManagerMessage(
  store: Store,
  chatId: string,
  author: ManagerRecord | null,
  { authorName, ...input }: { text: string; clientId?: string; authorName?: string },
  /** Whether a first reply takes the chat: a person's does, a script's (MANAGER_TOKEN) does not. */
  takes = true,
): Promise<Posted> {
  const by: Partial<NewMessage> = author ? { authorId: author.id, authorName: authorName ?? author.name } : authorName === undefined ? {} : { authorName };
  if (author?.avatarUrl) by.authorAvatarUrl = author.avatarUrl;
  return store.transaction(async (tx) => {
    const detail = await assignedToAuthor(tx, chatId, takes ? author : null);
    const posted = await postReply(tx, detail, input, by);
    // A person answering has read what they answered (a script's reply reads nothing).
    if (author && takes && posted.created) await tx.markReadByManager(author.id, chatId, posted.message.seq);
    return posted;
  });
}

/** The reply as written, or with its variables filled from the chat and its customer. */
async function postReply(tx: StoreTx, detail: ChatDetail, input: { text: string; clientId?: string }, by: Partial<NewMessage>): Promise<Posted> {
  if (!isTemplate(input.text)) return postMessage(tx, detail, { author: 'manager', ...input, ...by });
  const fields = await tx.listProfileFields(detail.chat.channelId);
  assertTemplate('text', input.text, fields);
  const { timeZone } = await currentOperatingHours(tx, detail.chat.channelId);
  const text = renderForChat(input.text, detail.chat, await tx.getUser(detail.chat.userId), fields, timeZone);
  if (charLength(text) > LIMITS.messageText) {
    throw new DomainError('invalid', 'invalid_request', `text: is longer than ${LIMITS.messageText} characters once its variables are filled`);
  }
  if (!text.trim()) throw new DomainError('invalid', 'invalid_request', 'text: is empty once its variables are filled; give them a fallback');
  return postMessage(tx, detail, { author: 'manager', ...input, ...by, text, template: input.text });
}

/**
 * The chat, taken by the manager replying when nobody owns it yet: the first to answer owns it
 * until it is reassigned. A retried reply (known clientId) finds it already theirs.
 */
async function assignedToAuthor(tx: StoreTx, chatId: string, author: ManagerRecord | null): Promise<ChatDetail> {
  const detail = await tx.getChatDetail(chatId);
  if (!detail) throw chatNotFound();
  if (!author || detail.chat.assigneeId) return detail;
  const chat = { ...detail.chat, assigneeId: author.id, updatedAt: tx.now };
  await tx.updateChat(chat);
  return { ...detail, chat };
}

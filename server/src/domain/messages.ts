/** Messages in a chat, from the customer, a manager or a bot — idempotent on the sender's clientId. */
import type { Author, CsatForm, Message } from '../../../src/shared/types.ts';
import type { Store, StoreTx } from '../store/Store.ts';
import { measuredChat } from './chatMetrics.ts';
import { newId } from './crypto.ts';
import { chatNotFound } from './errors.ts';
import { recordEvent } from './events.ts';
import { reopenedProfile } from './profile.ts';
import type { ChatDetail, UserRecord } from './types.ts';

export interface NewMessage {
  author: Author;
  text: string;
  clientId?: string;
  authorName?: string;
  /** The survey's form, for the bot message posted when a chat closes. */
  form?: CsatForm;
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
 */
export async function postMessage(tx: StoreTx, chatId: string, input: NewMessage): Promise<Posted> {
  if (input.clientId !== undefined) {
    const stored = await tx.findMessageByClientId(chatId, input.clientId);
    if (stored) return { message: stored, detail: (await tx.getChatDetail(chatId))!, created: false };
  }
  let { chat } = (await tx.getChatDetail(chatId))!;
  const now = tx.now;
  if (chat.state !== 'opened' && input.author !== 'bot') {
    chat = await measuredChat(tx, { ...chat, state: 'opened', profile: reopenedProfile(chat.profile, now), updatedAt: now });
    await tx.updateChat(chat);
    await recordEvent(tx, chatId, 'chat');
  }
  const seq = await tx.nextEventSeq();
  const message: Message = { id: newId(), chatId, author: input.author, text: input.text, createdAt: now, seq };
  if (input.clientId !== undefined) message.clientId = input.clientId;
  if (input.authorName !== undefined) message.authorName = input.authorName;
  if (input.form !== undefined) message.form = input.form;
  await tx.insertMessage(message);
  const readSeq = input.author === 'customer' ? seq : chat.readSeq;
  chat = { ...chat, readSeq, updatedAt: now, activityAt: now };
  await tx.updateChat(input.author === 'bot' ? chat : await measuredChat(tx, chat, message));
  const detail = await recordEvent(tx, chatId, 'message', { seq, message });
  return { message, detail, created: true };
}

/** A customer's message in one of their own chats; another user's chat does not exist for them. */
export async function sendCustomerMessage(
  store: Store,
  user: UserRecord,
  chatId: string,
  input: { text: string; clientId: string },
): Promise<Posted> {
  return store.transaction(async (tx) => {
    const detail = await tx.getChatDetail(chatId);
    if (!detail || detail.chat.userId !== user.id) throw chatNotFound();
    return postMessage(tx, chatId, { author: 'customer', ...input });
  });
}

export async function sendManagerMessage(
  store: Store,
  chatId: string,
  input: { text: string; clientId?: string; authorName?: string },
): Promise<Posted> {
  return store.transaction(async (tx) => {
    if (!(await tx.getChatDetail(chatId))) throw chatNotFound();
    return postMessage(tx, chatId, { author: 'manager', ...input });
  });
}

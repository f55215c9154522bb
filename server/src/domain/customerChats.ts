/** A customer's own chats: starting one (idempotently), listing, reading, writing in, marking as read. */
import type { Message } from '../../../src/shared/types.ts';
import type { StoreTx } from '../store/Store.ts';
import { measuredChat } from './measureChat.ts';
import { newId } from './crypto.ts';
import { chatNotFound } from './errors.ts';
import { recordEvent } from './events.ts';
import { channelGoal, settleExpiredGoals, startedGoal } from './goals.ts';
import { marketingOf } from './marketing.ts';
import { postMessage, type Posted } from './messages.ts';
import { newChatProfile, writtenProfile, type ProfileWrite } from './profile.ts';
import { chatPage, messagePage } from './paging.ts';
import type { ChatDetail, ChatPage, ChatRecord, MessagePage, Paged, UserRecord } from './types.ts';

export interface NewChat {
  clientId: string;
  message?: { text: string; clientId: string };
  /** Chat-profile values from the SDK (page capture), checked against the channel's schema. */
  profile?: ProfileWrite;
}

export interface StartedChat {
  detail: ChatDetail;
  message?: Message;
  created: boolean;
}

/**
 * Creates the chat and its first message in one unit of work. A retry with the same clientId
 * returns the stored chat; its message is posted then if the first attempt did not carry one.
 * A refused profile refuses the whole call: no chat is created.
 */
export async function startChat(tx: StoreTx, user: UserRecord, input: NewChat): Promise<StartedChat> {
  const fields = input.profile ? await tx.listProfileFields(user.channelId) : [];
  const profile = input.profile ? writtenProfile({}, input.profile, fields, 'sdk') : {};
  const existing = await tx.findChatByClientId(user.id, input.clientId);
  let detail = existing && (await tx.getChatDetail(existing.id));
  if (!detail) {
    const now = tx.now;
    const goal = startedGoal(await channelGoal(tx, user.channelId), now);
    // Sangdam's own keys are added after the SDK's write was checked: they are read-only to it.
    const filled = { ...profile, ...marketingOf(profile['source.page']), contactMediumType: 'native', ...goal.profile };
    const chat: ChatRecord = {
      id: newId(),
      channelId: user.channelId,
      userId: user.id,
      state: 'opened',
      profile: newChatProfile(filled, now),
      clientId: input.clientId,
      readSeq: 0,
      createdAt: now,
      updatedAt: now,
      activityAt: now,
      ...(goal.goalDeadline === undefined ? {} : { goalDeadline: goal.goalDeadline }),
    };
    await tx.insertChat(await measuredChat(tx, chat));
    detail = await recordEvent(tx, chat.id, 'chat');
  }
  if (!input.message) return { detail, created: !existing };
  const posted = await postMessage(tx, detail, { author: 'customer', ...input.message });
  return { detail: posted.detail, message: posted.message, created: !existing };
}

/**
 * One of the customer's own chats. Another customer's chat is refused exactly like a chat that
 * does not exist, so a chat id never tells a customer whether someone else's chat is behind it.
 */
export async function customerChat(tx: StoreTx, user: UserRecord, chatId: string): Promise<ChatDetail> {
  const detail = await tx.getChatDetail(chatId);
  if (!detail || detail.chat.userId !== user.id) throw chatNotFound();
  return detail;
}

/** A customer's message in one of their own chats; another user's chat does not exist for them. */
export async function sendCustomerMessage(
  tx: StoreTx,
  user: UserRecord,
  chatId: string,
  input: { text: string; clientId: string },
): Promise<Posted> {
  return postMessage(tx, await customerChat(tx, user, chatId), { author: 'customer', ...input });
}

/** One page of the user's chats, most recent activity first. */
export async function listCustomerChats(tx: StoreTx, user: UserRecord, page: ChatPage): Promise<Paged<ChatDetail>> {
  await settleExpiredGoals(tx, { userId: user.id });
  return chatPage(tx, { userId: user.id }, page);
}

/** One of the user's chats with a page of its messages, from the newest. */
export async function readCustomerChat(
  tx: StoreTx,
  user: UserRecord,
  chatId: string,
  page: MessagePage,
): Promise<{ detail: ChatDetail; messages: Paged<Message> }> {
  await settleExpiredGoals(tx, { userId: user.id });
  const detail = await customerChat(tx, user, chatId);
  return { detail, messages: await messagePage(tx, chatId, page) };
}

/**
 * `source.page` is where a chat started, so it is frozen once the chat exists. The SDK sends the
 * values of `setPage` with every write, as a page moves on; they are left out here without an
 * error, so an integration that navigates keeps working.
 */
function withoutSourcePage(write: ProfileWrite): ProfileWrite {
  const kept: ProfileWrite = {};
  for (const key of Object.keys(write)) if (key !== 'source.page') kept[key] = write[key];
  return kept;
}

/**
 * The SDK's write into one of the customer's own chats (`updateProfile` / `setPage` after the
 * chat exists); `null` removes a key. An unchanged profile records nothing.
 */
export async function writeCustomerProfile(
  tx: StoreTx,
  user: UserRecord,
  chatId: string,
  write: ProfileWrite,
): Promise<ChatDetail> {
  await settleExpiredGoals(tx, { userId: user.id });
  const detail = await customerChat(tx, user, chatId);
  const { chat } = detail;
  const profile = writtenProfile(chat.profile, withoutSourcePage(write), await tx.listProfileFields(chat.channelId), 'sdk');
  if (JSON.stringify(profile) === JSON.stringify(chat.profile)) return detail;
  await tx.updateChat({ ...chat, profile, updatedAt: tx.now });
  return recordEvent(tx, chatId, 'chat');
}

/**
 * Moves the read marker to the last message and announces it, so the customer's other tabs
 * clear their badge. Nothing is recorded when nothing was unread.
 */
export async function markRead(tx: StoreTx, user: UserRecord, chatId: string): Promise<ChatDetail> {
  await settleExpiredGoals(tx, { userId: user.id });
  const detail = await customerChat(tx, user, chatId);
  if (detail.unread === 0) return detail;
  const readSeq = await tx.lastMessageSeq(chatId);
  await tx.updateChat({ ...detail.chat, readSeq });
  return recordEvent(tx, chatId, 'chat');
}

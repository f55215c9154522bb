/** What managers do with chats: find, read, close, reopen, and edit priority, tags, description. */
import type { Message, UserProfile } from '../../../src/shared/types.ts';
import type { Store, StoreTx } from '../store/Store.ts';
import { measuredChat } from './measureChat.ts';
import { linkTokenOf, postSurveyIfDue } from './csatSurvey.ts';
import { chatNotFound, DomainError } from './errors.ts';
import { recordEvent } from './events.ts';
import { settleExpiredGoals } from './goals.ts';
import { closedProfile, reopenedProfile, writtenProfile, type ProfileWrite } from './profile.ts';
import { chatPage, messagePage } from './paging.ts';
import type { ChatDetail, ChatFilter, ChatPage, ChatRecord, MessagePage, Paged } from './types.ts';

/**
 * One page of the chats matching `filter`, newest activity first, with how many customer messages
 * of each the reading manager has not read (none counted without an account).
 */
export async function listChats(
  store: Store,
  filter: ChatFilter,
  page: ChatPage,
  readerId: string | null,
): Promise<Paged<ChatDetail> & { unread: Map<string, number> }> {
  return store.transaction(async (tx) => {
    await settleExpiredGoals(tx);
    const chats = await chatPage(tx, filter, page);
    const unread = readerId ? await tx.unreadOfManager(readerId, chats.items.map((item) => item.chat.id)) : new Map<string, number>();
    return { ...chats, unread };
  });
}

/** Records that the manager has read every message the chat holds now. */
export async function markChatRead(store: Store, chatId: string, managerId: string): Promise<void> {
  await store.transaction(async (tx) => {
    const detail = await tx.getChatDetail(chatId);
    if (!detail) throw chatNotFound();
    await tx.markReadByManager(managerId, chatId, await tx.lastMessageSeq(chatId));
  });
}

/**
 * One chat with a page of its messages (from the newest), its latest survey (whose link a manager can send elsewhere) and its
 * customer's own profile (the values the SDK's boot and updateUser wrote).
 */
export async function readChat(
  store: Store,
  chatId: string,
  page: MessagePage,
): Promise<{ detail: ChatDetail; messages: Paged<Message>; surveyToken: string | null; customerProfile: UserProfile }> {
  return store.transaction(async (tx) => {
    await settleExpiredGoals(tx);
    const detail = await tx.getChatDetail(chatId);
    if (!detail) throw chatNotFound();
    const customer = await tx.getUser(detail.chat.userId);
    const survey = await tx.latestSurvey(chatId);
    return { detail, messages: await messagePage(tx, chatId, page), surveyToken: survey && linkTokenOf(tx, survey), customerProfile: customer ? customer.profile : {} };
  });
}

/**
 * Closes the chat (measuring its resolution time) and, in the same unit of work, posts the
 * satisfaction survey when the channel's rule matches it. Closing a closed chat changes nothing
 * and records nothing.
 */
export async function closeChat(store: Store, chatId: string): Promise<ChatDetail> {
  return store.transaction(async (tx) => {
    const detail = await tx.getChatDetail(chatId);
    if (!detail) throw chatNotFound();
    const { chat } = detail;
    if (chat.state === 'closed') return detail;
    const now = tx.now;
    await tx.updateChat(
      await measuredChat(tx, { ...chat, state: 'closed', profile: closedProfile(chat.profile, now), updatedAt: now }),
    );
    const closed = await recordEvent(tx, chatId, 'chat');
    return (await postSurveyIfDue(tx, closed, now)) ?? closed;
  });
}

/** Reopening starts a new period: `closedAt` goes and the metrics are measured afresh. */
export async function openChat(store: Store, chatId: string): Promise<ChatDetail> {
  return changeChat(store, chatId, (tx, chat, now) =>
    chat.state === 'opened'
      ? null
      : measuredChat(tx, { ...chat, state: 'opened', profile: reopenedProfile(chat.profile, now), updatedAt: now }),
  );
}

/** What a manager changes on a chat: profile values, and who owns it (`null`: nobody). */
export interface ChatEdits {
  profile: ProfileWrite;
  assigneeId?: string | null;
}

/**
 * A manager's write (priority, tags, description, custom keys, checked with the shared validator)
 * and the assignee, which must be a manager of this server.
 */
export async function editChat(store: Store, chatId: string, edits: ChatEdits): Promise<ChatDetail> {
  return changeChat(store, chatId, async (tx, chat, now) => {
    const fields = await tx.listProfileFields(chat.channelId);
    const profile = writtenProfile(chat.profile, edits.profile, fields, 'manager');
    let { assigneeId } = chat;
    if (edits.assigneeId !== undefined) {
      if (edits.assigneeId !== null && !(await tx.getManager(edits.assigneeId))) {
        throw new DomainError('invalid', 'invalid_request', 'assigneeId: no manager has this id');
      }
      assigneeId = edits.assigneeId ?? undefined;
    }
    if (JSON.stringify(profile) === JSON.stringify(chat.profile) && assigneeId === chat.assigneeId) return null;
    const { assigneeId: _before, ...rest } = chat;
    return { ...rest, profile, updatedAt: now, ...(assigneeId ? { assigneeId } : {}) };
  });
}

/** Applies `change` (null = nothing to do) and records a `chat` event in the same unit of work. */
async function changeChat(
  store: Store,
  chatId: string,
  change: (tx: StoreTx, chat: ChatRecord, now: number) => ChatRecord | null | Promise<ChatRecord | null>,
): Promise<ChatDetail> {
  return store.transaction(async (tx: StoreTx) => {
    const detail = await tx.getChatDetail(chatId);
    if (!detail) throw chatNotFound();
    const next = await change(tx, detail.chat, tx.now);
    if (!next) return detail;
    await tx.updateChat(next);
    return recordEvent(tx, chatId, 'chat');
  });
}

/**
 * Wire shapes (src/shared/types.ts) built from records. The customer's views leave out the
 * manager-only profile keys; the manager's views add who the customer is.
 */
import type { Chat, RealtimeEvent, WidgetChat, WidgetUser } from '../../../src/shared/types.ts';
import { customerProfileView, profileView } from './profile.ts';
import type { ManagerChat, ManagerEvent } from '../../../src/shared/managerApi.ts';
import type { ChatDetail, EventRecord, UserRecord } from './types.ts';

export function toChat({ chat, lastMessage }: ChatDetail): Chat {
  return {
    id: chat.id,
    state: chat.state,
    userId: chat.userId,
    profile: profileView(chat.state, chat.profile),
    createdAt: chat.createdAt,
    updatedAt: chat.updatedAt,
    lastMessage,
  };
}

export const toManagerChat = (detail: ChatDetail): ManagerChat => ({
  ...toChat(detail),
  user: detail.user,
});

const customerChat = (chat: Chat): Chat => ({ ...chat, profile: customerProfileView(chat.profile) });

export const toWidgetChat = (detail: ChatDetail): WidgetChat => ({
  ...customerChat(toChat(detail)),
  unread: detail.unread,
});

export const toWidgetUser = (user: UserRecord): WidgetUser => ({
  id: user.id,
  memberId: user.memberId,
  name: user.name,
  language: user.language,
  profile: user.profile,
  tags: user.tags,
  unsubscribeEmail: user.unsubscribeEmail,
  unsubscribeTexting: user.unsubscribeTexting,
});

/** An event as the customer who owns the chat receives it, with that chat's unread count. */
export function customerEvent({ seq, type, payload }: EventRecord): RealtimeEvent {
  const chat = customerChat(payload.chat);
  if (type === 'message' && payload.message) {
    return { seq, type, chat, message: payload.message, unread: payload.unread };
  }
  return { seq, type: 'chat', chat, unread: payload.unread };
}

export function managerEvent({ seq, type, payload }: EventRecord): ManagerEvent {
  const chat = { ...payload.chat, user: payload.user };
  if (type === 'message' && payload.message) return { seq, type, chat, message: payload.message };
  return { seq, type: 'chat', chat };
}

/**
 * Wire shapes (src/shared/types.ts) built from records. The customer's views leave out the
 * manager-only profile keys; the manager's views add who the customer is. Each side sees the
 * clientIds of its own messages only: another side's would tell it the keys that side sends next.
 */
import type { Chat, Message, RealtimeEvent, WidgetChat, WidgetUser } from '../../../src/shared/types.ts';
import { customerProfileView, profileView } from './profile.ts';
import type { ManagerChat, ManagerEvent } from '../../../src/shared/managerApi.ts';
import type { ChatDetail, EventRecord, UserRecord } from './types.ts';

export type Side = 'customer' | 'manager';

const sideOf = (message: Message): Side => (message.author === 'customer' ? 'customer' : 'manager');

/**
 * The message as `side` sees it: without its clientId unless that side wrote it, and the customer
 * never sees the template a manager's text was rendered from.
 */
export function messageFor(side: Side, message: Message): Message {
  const hideClientId = message.clientId !== undefined && sideOf(message) !== side;
  // The template and the author's account id are the team's: the customer sees the name only.
  const hideTeam = side === 'customer' && (message.template !== undefined || message.authorId !== undefined);
  if (!hideClientId && !hideTeam) return message;
  const shown = { ...message };
  if (hideClientId) delete shown.clientId;
  if (hideTeam) {
    delete shown.template;
    delete shown.authorId;
  }
  return shown;
}

const chatFor = <T extends Chat>(side: Side, chat: T): T =>
  chat.lastMessage ? { ...chat, lastMessage: messageFor(side, chat.lastMessage) } : chat;

/** The chat as stored in an event: both sides read it through their own view. */
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
  ...chatFor('manager', toChat(detail)),
  user: detail.user,
  assigneeId: detail.chat.assigneeId ?? null,
});

const customerChat = (chat: Chat): Chat => chatFor('customer', { ...chat, profile: customerProfileView(chat.profile) });

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
    return { seq, type, chat, message: messageFor('customer', payload.message), unread: payload.unread };
  }
  return { seq, type: 'chat', chat, unread: payload.unread };
}

export function managerEvent({ seq, type, payload }: EventRecord): ManagerEvent {
  const chat = chatFor('manager', { ...payload.chat, user: payload.user, assigneeId: payload.assigneeId ?? null });
  if (type === 'message' && payload.message) return { seq, type, chat, message: messageFor('manager', payload.message) };
  return { seq, type: 'chat', chat };
}

import { chatSearchBody, userSearchBody } from './searchBodies.ts';

/** Conversions between SQLite rows (snake_case, JSON text, 0/1) and domain records. */
import type { Author, CsatForm, Language, Message } from '../../../../src/shared/types.ts';
import type {
  ChannelRecord,
  ChatDetail,
  ChatRecord,
  EventRecord,
  EventType,
  UserRecord,
} from '../../domain/types.ts';

export interface ChannelRow {
  id: string;
  name: string;
  color: string;
  plugin_key: string;
  member_secret: string | null;
  allowed_origins: string;
  language: string;
  created_at: number;
}

export const toChannel = (row: ChannelRow): ChannelRecord => ({
  id: row.id,
  name: row.name,
  color: row.color,
  pluginKey: row.plugin_key,
  memberSecret: row.member_secret,
  allowedOrigins: JSON.parse(row.allowed_origins),
  language: row.language as Language,
  createdAt: row.created_at,
});

export const channelParams = (c: ChannelRecord) => ({
  id: c.id,
  name: c.name,
  color: c.color,
  plugin_key: c.pluginKey,
  member_secret: c.memberSecret,
  allowed_origins: JSON.stringify(c.allowedOrigins),
  language: c.language,
  created_at: c.createdAt,
});

export interface UserRow {
  id: string;
  channel_id: string;
  member_id: string | null;
  member_verified: number;
  name: string | null;
  language: string;
  profile: string;
  tags: string;
  unsubscribe_email: number;
  unsubscribe_texting: number;
  created_at: number;
  updated_at: number;
}

export const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  channelId: row.channel_id,
  memberId: row.member_id,
  memberVerified: row.member_verified === 1,
  name: row.name,
  language: row.language as Language,
  profile: JSON.parse(row.profile),
  tags: JSON.parse(row.tags),
  unsubscribeEmail: row.unsubscribe_email === 1,
  unsubscribeTexting: row.unsubscribe_texting === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const userParams = (u: UserRecord) => ({
  id: u.id,
  channel_id: u.channelId,
  member_id: u.memberId,
  member_verified: u.memberVerified ? 1 : 0,
  name: u.name,
  language: u.language,
  profile: JSON.stringify(u.profile),
  tags: JSON.stringify(u.tags),
  unsubscribe_email: u.unsubscribeEmail ? 1 : 0,
  unsubscribe_texting: u.unsubscribeTexting ? 1 : 0,
  created_at: u.createdAt,
  updated_at: u.updatedAt,
  search_body: userSearchBody(u.name, u.memberId, u.profile),
});

export interface ChatRow {
  id: string;
  channel_id: string;
  user_id: string;
  state: ChatRecord['state'];
  profile: string;
  client_id: string;
  read_seq: number;
  created_at: number;
  updated_at: number;
  activity_at: number;
  metrics_tally: string | null;
  goal_deadline: number | null;
  assignee_id: string | null;
}

export const toChat = (row: ChatRow): ChatRecord => ({
  id: row.id,
  channelId: row.channel_id,
  userId: row.user_id,
  state: row.state,
  profile: JSON.parse(row.profile),
  clientId: row.client_id,
  readSeq: row.read_seq,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  activityAt: row.activity_at,
  ...(row.metrics_tally === null ? {} : { tally: JSON.parse(row.metrics_tally) }),
  ...(row.goal_deadline === null || row.goal_deadline === undefined ? {} : { goalDeadline: row.goal_deadline }),
  ...(row.assignee_id ? { assigneeId: row.assignee_id } : {}),
});

export const chatParams = (c: ChatRecord) => ({
  id: c.id,
  channel_id: c.channelId,
  user_id: c.userId,
  state: c.state,
  profile: JSON.stringify(c.profile),
  client_id: c.clientId,
  read_seq: c.readSeq,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
  activity_at: c.activityAt,
  metrics_tally: c.tally ? JSON.stringify(c.tally) : null,
  goal_deadline: c.goalDeadline ?? null,
  assignee_id: c.assigneeId ?? null,
  search_body: chatSearchBody(c.profile),
});

export interface MessageRow {
  id: string;
  chat_id: string;
  seq: number;
  author: Author;
  text: string;
  author_name: string | null;
  author_id: string | null;
  author_avatar_url: string | null;
  client_id: string | null;
  created_at: number;
  /** The survey's form as JSON, answer included; null for every other message. */
  form: string | null;
  /** The text as written with its variables; null when it held none. */
  template: string | null;
}

/** Optional wire fields are left out rather than sent as null. */
export function toMessage(row: MessageRow): Message {
  const message: Message = {
    id: row.id,
    chatId: row.chat_id,
    author: row.author,
    text: row.text,
    createdAt: row.created_at,
    seq: row.seq,
  };
  if (row.client_id !== null) message.clientId = row.client_id;
  if (row.author_name !== null) message.authorName = row.author_name;
  if (row.author_id) message.authorId = row.author_id;
  if (row.author_avatar_url) message.authorAvatarUrl = row.author_avatar_url;
  if (row.form !== null) message.form = JSON.parse(row.form) as CsatForm;
  if (row.template !== null) message.template = row.template;
  return message;
}

export const messageParams = (m: Message) => ({
  id: m.id,
  chat_id: m.chatId,
  seq: m.seq,
  author: m.author,
  text: m.text,
  author_name: m.authorName ?? null,
  author_id: m.authorId ?? null,
  author_avatar_url: m.authorAvatarUrl ?? null,
  client_id: m.clientId ?? null,
  created_at: m.createdAt,
  form: m.form ? JSON.stringify(m.form) : null,
  template: m.template ?? null,
});

/** A chat row joined with its user, its last message (columns prefixed `m_`) and its unread count. */
export interface ChatDetailRow extends ChatRow {
  user_name: string | null;
  user_member_id: string | null;
  user_member_verified: number;
  unread: number;
  m_id: string | null;
  m_seq: number;
  m_author: Author;
  m_text: string;
  m_author_name: string | null;
  m_author_id: string | null;
  m_author_avatar_url: string | null;
  m_client_id: string | null;
  m_created_at: number;
  m_form: string | null;
  m_template: string | null;
}

export const toChatDetail = (row: ChatDetailRow): ChatDetail => ({
  chat: toChat(row),
  unread: row.unread,
  user: { id: row.user_id, name: row.user_name, memberId: row.user_member_id, memberVerified: row.user_member_verified === 1 },
  lastMessage:
    row.m_id === null
      ? null
      : toMessage({
          id: row.m_id,
          chat_id: row.id,
          seq: row.m_seq,
          author: row.m_author,
          text: row.m_text,
          author_name: row.m_author_name,
          author_id: row.m_author_id,
          author_avatar_url: row.m_author_avatar_url,
          client_id: row.m_client_id,
          created_at: row.m_created_at,
          form: row.m_form,
          template: row.m_template,
        }),
});

export interface EventRow {
  seq: number;
  channel_id: string;
  user_id: string;
  chat_id: string;
  type: EventType;
  payload: string;
  created_at: number;
}

export const toEvent = (row: EventRow): EventRecord => ({
  seq: row.seq,
  channelId: row.channel_id,
  userId: row.user_id,
  chatId: row.chat_id,
  type: row.type,
  payload: JSON.parse(row.payload),
  createdAt: row.created_at,
});

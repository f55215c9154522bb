/**
 * Shapes of the Manager API that only the console reads. The chats, events, display settings and
 * survey statistics the server sends are in src/shared/managerApi.ts, shared with the server.
 */
import type { ManagerChat } from '../../shared/managerApi';
import type { BuiltInType, CustomField, LocalizedNames, Writer } from '../../shared/profile/fields';
import type { Message, UserProfile } from '../../shared/types';

export interface ChatDetail {
  chat: ManagerChat;
  /** One page of the thread, from the newest; `next` is the `before` of the older page. */
  messages: Message[];
  next?: string | null;
  /** The customer link that answers the chat's latest survey, when one was sent. */
  csatLink?: string | null;
  /** The customer's own profile (not the chat's), as the SDK wrote it. */
  customerProfile?: UserProfile;
}

export interface BuiltInFieldView {
  key: string;
  type: BuiltInType;
  names: LocalizedNames;
  writer: Writer;
}

export interface ProfileFields {
  fields: CustomField[];
  builtIns: BuiltInFieldView[];
}

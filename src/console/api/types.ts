/**
 * Shapes of the Manager API as the console reads them. The shared wire types (Chat, Message, the
 * profile schema, the survey rule) come from src/shared; these add what only managers see.
 */
import type { Scale } from '../../shared/csat/scale';
import type { BuiltInType, CustomField, LocalizedNames, Writer } from '../../shared/profile/fields';
import type { Chat, Message, UserProfile } from '../../shared/types';

/** A chat as the Manager API and the manager's realtime stream show it. */
export interface ManagerChat extends Chat {
  user?: { id: string; name: string | null; memberId: string | null };
}

export interface ChatDetail {
  chat: ManagerChat;
  messages: Message[];
  /** The customer link that answers the chat's latest survey, when one was sent. */
  csatLink?: string | null;
  /** The customer's own profile (not the chat's), as the SDK wrote it. */
  customerProfile?: UserProfile;
}

export type ManagerEvent =
  | { seq: number; type: 'message'; chat: ManagerChat; message: Message }
  | { seq: number; type: 'chat'; chat: ManagerChat };

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

export interface DisplaySettings {
  /** Keys of the profile fields the panel leaves out, for every chat. */
  hidden: string[];
}

export interface ScoreCounts {
  sent: number;
  answered: number;
  responseRate: number;
  average: number | null;
}

export interface ScaleStats extends ScoreCounts {
  scale: Scale;
  distribution: Partial<Record<'1' | '2' | '3' | '4' | '5', number>>;
}

export interface CsatStats {
  overall: ScoreCounts;
  scales: ScaleStats[];
}

/** Readers for the widget API's request bodies (types in src/shared/types.ts). */
import { matchLanguage } from '../../../src/shared/matchLanguage.ts';
import { LIMITS, type Language } from '../../../src/shared/types.ts';
import type { NewChat } from '../domain/customerChats.ts';
import type { ProfileWrite } from '../domain/profile.ts';
import type { BootInput, UserChanges } from '../domain/users.ts';
import { invalid } from './errors.ts';
import * as v from './validate.ts';

const USER_PROFILE = { maxKeys: LIMITS.profileKeys, lists: true } as const;
const ID = { max: 128 };
const SECRET = { max: LIMITS.secret };
const EVENT_PROPERTIES = { maxKeys: LIMITS.eventProperties };

/** Any BCP 47 tag (`en-US`, `ko`), read as the closest language of the widget, as the SDK does. */
function optionalLanguage(fields: v.Fields): Language | undefined {
  const value = fields.language;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > 100) throw invalid('language: must be a language tag such as ko, en-US or ja-JP');
  return matchLanguage(value);
}

export function parseBoot(body: unknown): BootInput {
  const raw = v.readFields(body, [
    'token', 'memberId', 'memberHash', 'profile', 'language', 'unsubscribeEmail', 'unsubscribeTexting', 'pageView',
  ]);
  // `null` means "not given" here, as Channel Talk snippets often pass memberId: null.
  const fields = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null));
  return {
    token: v.optionalString(fields, 'token', SECRET),
    memberId: v.optionalString(fields, 'memberId', { max: LIMITS.memberId }),
    memberHash: v.optionalString(fields, 'memberHash', SECRET),
    profile: v.optionalFlatObject(fields, 'profile', USER_PROFILE),
    language: optionalLanguage(fields),
    unsubscribeEmail: v.optionalBoolean(fields, 'unsubscribeEmail'),
    unsubscribeTexting: v.optionalBoolean(fields, 'unsubscribeTexting'),
    pageView: v.optionalFlatObject(fields, 'pageView', EVENT_PROPERTIES),
  };
}

export function parseUserChanges(body: unknown): UserChanges {
  const fields = v.readFields(body, [
    'language', 'profile', 'profileOnce', 'tags', 'unsubscribeEmail', 'unsubscribeTexting',
  ]);
  return {
    language: optionalLanguage(fields),
    profile: v.optionalFlatObject(fields, 'profile', USER_PROFILE),
    profileOnce: v.optionalFlatObject(fields, 'profileOnce', USER_PROFILE),
    tags: v.optionalStringList(fields, 'tags', LIMITS.tags, LIMITS.tag),
    unsubscribeEmail: v.optionalBoolean(fields, 'unsubscribeEmail'),
    unsubscribeTexting: v.optionalBoolean(fields, 'unsubscribeTexting'),
  };
}

export function parseTagChange(body: unknown): { add?: string[]; remove?: string[] } {
  const fields = v.readFields(body, ['add', 'remove']);
  return {
    add: v.optionalStringList(fields, 'add', LIMITS.tags, LIMITS.tag),
    remove: v.optionalStringList(fields, 'remove', LIMITS.tags, LIMITS.tag),
  };
}

export function parseTrack(body: unknown) {
  const fields = v.readFields(body, ['name', 'properties']);
  return {
    name: v.requiredString(fields, 'name', { max: LIMITS.eventName }),
    properties: v.optionalFlatObject(fields, 'properties', EVENT_PROPERTIES) ?? {},
  };
}

export function parseNewMessage(body: unknown, path?: string): { text: string; clientId: string } {
  const fields = v.readFields(body, ['text', 'clientId'], path);
  return {
    text: v.requiredText(fields, 'text', { max: LIMITS.messageText, path }),
    clientId: v.requiredString(fields, 'clientId', { ...ID, path }),
  };
}

export function parseNewChat(body: unknown): NewChat {
  const fields = v.readFields(body, ['clientId', 'message', 'profile']);
  const clientId = v.requiredString(fields, 'clientId', ID);
  const message = fields.message === undefined ? undefined : parseNewMessage(fields.message, 'message');
  // The profile's keys and values are checked against the channel's schema by the domain.
  const profile = v.optionalObject(fields, 'profile');
  return profile === undefined ? { clientId, message } : { clientId, message, profile };
}

/** `{ profile: { key: value | null, … } }` for `PATCH /chats/:id/profile`. */
export function parseProfileWrite(body: unknown): ProfileWrite {
  const fields = v.readFields(body, ['profile']);
  const profile = v.optionalObject(fields, 'profile');
  if (profile === undefined) throw v.missing('profile', 'an object of key → value; null removes a key');
  return profile;
}

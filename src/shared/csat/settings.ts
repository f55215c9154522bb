/**
 * The survey rule of a channel (SPEC §3) and its validation, shared by the server and the console.
 * `PUT /csat-settings` with only some fields keeps the others: `mergeCsatSettings` does that.
 */
import { LIMITS as SHARED } from '../limits';
import { checkCondition, CONDITION_LIMITS, type Condition } from '../conditions/index';
import { builtInField, type BuiltInType, type FieldType } from '../profile/fields';
import { isScale, type Scale } from './scale';

/** A condition of the survey's filters (the shared `Condition`). */
export type ProfileCondition = Condition;

/** The type of a chat-profile key in a channel's schema (built-ins and custom fields), undefined when the key is not in it. */
export type ChatKeyType = (key: string) => BuiltInType | undefined;

/**
 * The `ChatKeyType` of a channel: a built-in key's type, else that of the custom field of the key.
 * @example chatKeyTypeOf([{ key: 'profile.plan', type: 'List' }])('profile.plan') // 'List'
 */
export function chatKeyTypeOf(customFields: readonly { key: string; type: FieldType }[]): ChatKeyType {
  const custom = new Map(customFields.map((field) => [field.key, field.type]));
  return (key) => builtInField(key)?.type ?? custom.get(key);
}

/** Something wrong with a saved rule that the channel's schema has changed under (a field deleted since). */
export interface RuleProblem {
  key: string;
  message: string;
}

export interface CsatFilters {
  /** Conditions on the customer's profile, all of which must hold (e.g. grade = VIP). */
  profile: Condition[];
  /** Conditions on the chat's own profile (built-in keys and `profile.` custom fields), all of which must hold. */
  chat: Condition[];
  /** When not empty, only chats with at least one of these tags get the survey. */
  includeTags: string[];
  /** Chats with any of these tags never get the survey (e.g. 컴플레인). */
  excludeTags: string[];
  /** When the chat is closed: at any time, only within operating hours, or only outside them. */
  operatingHours: 'any' | 'inside' | 'outside';
}

export interface CsatSettings {
  enabled: boolean;
  scale: Scale;
  /** The score must be given before the customer writes in the chat again; the form has no skip. */
  required: boolean;
  /** Offer a comment box. */
  comment: boolean;
  /** With `comment`: the comment must be given too (with `required`, before the customer writes again). */
  commentRequired: boolean;
  questions: { ko: string; en: string; ja: string };
  filters: CsatFilters;
}

export const DEFAULT_CSAT_SETTINGS: CsatSettings = {
  enabled: false,
  scale: 5,
  required: false,
  comment: true,
  commentRequired: false,
  questions: {
    ko: '상담은 만족스러우셨나요?',
    en: 'How satisfied were you with this conversation?',
    ja: '今回の対応はいかがでしたか？',
  },
  filters: { profile: [], chat: [], includeTags: [], excludeTags: [], operatingHours: 'any' },
};

/** The survey rule's own bounds; tag filters take chat tags, so they share the chat-profile List's. */
const LIMITS = { question: 200, tags: SHARED.chatListItems, tag: SHARED.chatListItem, conditions: CONDITION_LIMITS.conditions } as const;

type Result = { ok: true; settings: CsatSettings } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkTags(value: unknown, name: string): string | undefined {
  if (!Array.isArray(value) || value.length > LIMITS.tags) return `${name}: must be an array of at most ${LIMITS.tags} tags`;
  const bad = value.findIndex((t) => typeof t !== 'string' || !t.trim() || t.length > LIMITS.tag);
  return bad < 0 ? undefined : `${name}[${bad}]: must be a non-empty string of at most ${LIMITS.tag} characters`;
}

const sameCondition = (a: Condition, b: Record<string, unknown>) =>
  a.key === b.key && a.op === b.op && JSON.stringify(a.value) === JSON.stringify(b.value) && Object.keys(b).every((k) => k === 'key' || k === 'op' || k === 'value');

function checkConditions(list: unknown, name: string, schemaType: ChatKeyType | undefined, kept: readonly Condition[] = []): string | undefined {
  if (!Array.isArray(list) || list.length > LIMITS.conditions) return `${name}: must be an array of at most ${LIMITS.conditions} conditions`;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    // A condition sent back as it was saved is not held to today's schema (what changed since is reported, not refused).
    const typeOf = isObject(c) && kept.some((old) => sameCondition(old, c)) ? undefined : schemaType;
    if (typeOf && isObject(c) && typeof c.key === 'string' && c.key && !typeOf(c.key))
      return `${name}[${i}].key: ${c.key} is not a key of this channel's chat profile (a built-in key, or a custom field with its profile. prefix)`;
    const error = checkCondition(c, typeOf && isObject(c) && typeof c.key === 'string' ? typeOf(c.key) : undefined, `${name}[${i}]`);
    if (error) return error;
  }
  return undefined;
}

function checkFilters(f: unknown, chatKeyType: ChatKeyType | undefined, kept: readonly Condition[]): string | undefined {
  if (!isObject(f)) return 'filters: must be an object';
  for (const key of Object.keys(f)) {
    if (['profile', 'chat', 'includeTags', 'excludeTags', 'operatingHours'].indexOf(key) < 0)
      return `filters.${key}: is not a filter (allowed: profile, chat, includeTags, excludeTags, operatingHours)`;
  }
  // A customer profile is free-form: its conditions are read by the type their value has.
  const profileError = f.profile === undefined ? undefined : checkConditions(f.profile, 'filters.profile', undefined);
  if (profileError) return profileError;
  const chatError = f.chat === undefined ? undefined : checkConditions(f.chat, 'filters.chat', chatKeyType, kept);
  if (chatError) return chatError;
  for (const key of ['includeTags', 'excludeTags'] as const) {
    const error = f[key] === undefined ? undefined : checkTags(f[key], `filters.${key}`);
    if (error) return error;
  }
  if (f.operatingHours !== undefined && ['any', 'inside', 'outside'].indexOf(f.operatingHours as string) < 0)
    return 'filters.operatingHours: must be one of any, inside, outside';
  return undefined;
}

function check(patch: Record<string, unknown>, chatKeyType: ChatKeyType | undefined, kept: readonly Condition[]): string | undefined {
  for (const key of Object.keys(patch)) {
    if (key === 'problems') continue; // read-only, sent back by clients that PUT what they got
    if (['enabled', 'scale', 'required', 'comment', 'commentRequired', 'questions', 'filters'].indexOf(key) < 0)
      return `${key}: is not a survey setting (allowed: enabled, scale, required, comment, commentRequired, questions, filters)`;
  }
  for (const key of ['enabled', 'required', 'comment', 'commentRequired'] as const) {
    if (patch[key] !== undefined && typeof patch[key] !== 'boolean') return `${key}: must be true or false`;
  }
  if (patch.scale !== undefined && !isScale(patch.scale)) return 'scale: must be 2, 3 or 5';
  if (patch.questions !== undefined) {
    if (!isObject(patch.questions)) return 'questions: must be an object { ko, en, ja }';
    for (const key of Object.keys(patch.questions)) {
      const q = patch.questions[key];
      if (['ko', 'en', 'ja'].indexOf(key) < 0) return `questions.${key}: is not a language (allowed: ko, en, ja)`;
      if (typeof q !== 'string' || !q.trim() || q.length > LIMITS.question) return `questions.${key}: must be a non-empty string of at most ${LIMITS.question} characters`;
    }
  }
  return patch.filters === undefined ? undefined : checkFilters(patch.filters, chatKeyType, kept);
}

/**
 * Applies a partial update to the current rule; fields left out keep their value, and so do
 * questions and filters left out of a partial `questions` / `filters`.
 * `chatKeyType`, when given, is the channel's chat-profile schema: `filters.chat` conditions in the
 * patch must then name one of its keys and fit its type, except conditions already saved, sent
 * back unchanged (a field deleted since is reported by `ruleProblems`, so a client that sends the
 * whole rule back can still change the rest of it). Without it (a stored rule read back, a
 * draft checked in the console) they are checked by the type their value has. A `problems` key
 * (what `GET` reports) is ignored.
 * @example mergeCsatSettings(current, { enabled: true, scale: 3 })
 */
export function mergeCsatSettings(current: CsatSettings, patch: unknown, chatKeyType?: ChatKeyType): Result {
  if (!isObject(patch)) return { ok: false, message: 'body: must be an object of survey settings' };
  const error = check(patch, chatKeyType, current.filters.chat ?? []);
  if (error) return { ok: false, message: error };
  const { problems: _ignored, ...p } = patch as Partial<CsatSettings> & { problems?: unknown };
  return {
    ok: true,
    settings: {
      ...current,
      ...p,
      questions: { ...current.questions, ...(p.questions || {}) },
      filters: { ...current.filters, ...(p.filters || {}) },
    },
  };
}

/**
 * What no longer fits in a saved rule's `filters.chat`: a key the schema has lost (a custom field
 * deleted since) or a condition its key's type no longer takes. Such a condition never holds, so
 * while it stays the survey is sent to no chat.
 */
export function ruleProblems(settings: CsatSettings, chatKeyType: ChatKeyType): RuleProblem[] {
  const problems: RuleProblem[] = [];
  settings.filters.chat.forEach((condition, i) => {
    const type = chatKeyType(condition.key);
    const message = type
      ? checkCondition(condition, type, `filters.chat[${i}]`)
      : `filters.chat[${i}].key: ${condition.key} is no longer in this channel's chat profile (the field was deleted); this condition matches no chat until it is removed`;
    if (message) problems.push({ key: condition.key, message });
  });
  return problems;
}

/**
 * The survey rule of a channel (SPEC §3) and its validation, shared by the server and the console.
 * `PUT /csat-settings` with only some fields keeps the others: `mergeCsatSettings` does that.
 */
import { LIMITS as SHARED } from '../limits';
import { isScale, type Scale } from './scale';

export type ProfileCondition = { key: string; op: 'eq' | 'neq'; value: string | number | boolean } | { key: string; op: 'exists' | 'missing' };

export interface CsatFilters {
  /** Conditions on the customer's profile, all of which must hold (e.g. grade = VIP). */
  profile: ProfileCondition[];
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
  /** The answer cannot be skipped (the form has no dismiss). */
  required: boolean;
  /** Offer a comment box. */
  comment: boolean;
  questions: { ko: string; en: string; ja: string };
  filters: CsatFilters;
}

export const DEFAULT_CSAT_SETTINGS: CsatSettings = {
  enabled: false,
  scale: 5,
  required: false,
  comment: true,
  questions: {
    ko: '상담은 만족스러우셨나요?',
    en: 'How satisfied were you with this conversation?',
    ja: '今回の対応はいかがでしたか？',
  },
  filters: { profile: [], includeTags: [], excludeTags: [], operatingHours: 'any' },
};

/** The survey rule's own bounds; tag filters take chat tags, so they share the chat-profile List's. */
const LIMITS = { question: 200, tags: SHARED.chatListItems, tag: SHARED.chatListItem, conditions: 10, key: SHARED.profileKey, value: 200 } as const;

type Result = { ok: true; settings: CsatSettings } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkTags(value: unknown, name: string): string | undefined {
  if (!Array.isArray(value) || value.length > LIMITS.tags) return `${name}: must be an array of at most ${LIMITS.tags} tags`;
  const bad = value.findIndex((t) => typeof t !== 'string' || !t.trim() || t.length > LIMITS.tag);
  return bad < 0 ? undefined : `${name}[${bad}]: must be a non-empty string of at most ${LIMITS.tag} characters`;
}

function checkCondition(c: unknown, name: string): string | undefined {
  if (!isObject(c)) return `${name}: must be an object { key, op, value }`;
  if (typeof c.key !== 'string' || !c.key || c.key.length > LIMITS.key) return `${name}.key: must be a profile key of 1 to ${LIMITS.key} characters`;
  if (c.op === 'exists' || c.op === 'missing') return undefined;
  if (c.op !== 'eq' && c.op !== 'neq') return `${name}.op: must be one of eq, neq, exists, missing`;
  const v = c.value;
  const ok = typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= LIMITS.value);
  return ok ? undefined : `${name}.value: must be a string of at most ${LIMITS.value} characters, a finite number or a boolean`;
}

function checkFilters(f: unknown): string | undefined {
  if (!isObject(f)) return 'filters: must be an object';
  for (const key of Object.keys(f)) {
    if (['profile', 'includeTags', 'excludeTags', 'operatingHours'].indexOf(key) < 0)
      return `filters.${key}: is not a filter (allowed: profile, includeTags, excludeTags, operatingHours)`;
  }
  if (f.profile !== undefined) {
    if (!Array.isArray(f.profile) || f.profile.length > LIMITS.conditions) return `filters.profile: must be an array of at most ${LIMITS.conditions} conditions`;
    for (let i = 0; i < f.profile.length; i++) {
      const error = checkCondition(f.profile[i], `filters.profile[${i}]`);
      if (error) return error;
    }
  }
  for (const key of ['includeTags', 'excludeTags'] as const) {
    const error = f[key] === undefined ? undefined : checkTags(f[key], `filters.${key}`);
    if (error) return error;
  }
  if (f.operatingHours !== undefined && ['any', 'inside', 'outside'].indexOf(f.operatingHours as string) < 0)
    return 'filters.operatingHours: must be one of any, inside, outside';
  return undefined;
}

function check(patch: Record<string, unknown>): string | undefined {
  for (const key of Object.keys(patch)) {
    if (['enabled', 'scale', 'required', 'comment', 'questions', 'filters'].indexOf(key) < 0)
      return `${key}: is not a survey setting (allowed: enabled, scale, required, comment, questions, filters)`;
  }
  for (const key of ['enabled', 'required', 'comment'] as const) {
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
  return patch.filters === undefined ? undefined : checkFilters(patch.filters);
}

/**
 * Applies a partial update to the current rule; fields left out keep their value, and so do
 * questions and filters left out of a partial `questions` / `filters`.
 * @example mergeCsatSettings(current, { enabled: true, scale: 3 })
 */
export function mergeCsatSettings(current: CsatSettings, patch: unknown): Result {
  if (!isObject(patch)) return { ok: false, message: 'body: must be an object of survey settings' };
  const error = check(patch);
  if (error) return { ok: false, message: error };
  const p = patch as Partial<CsatSettings>;
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

/**
 * Everything the server knows about chat-profile keys (SPEC §2), in one place so the shared
 * schema/validation module can replace it later. Stored profiles hold the values that were set;
 * `profileView` adds what is derived (`state`, the `medium` default of `priority`, empty `tags`).
 */
import { LIMITS, type ChatProfile, type ChatState, type ProfileValue } from '../../../src/shared/types.ts';

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

const BUILT_IN_KEYS = new Set([
  'priority', 'source.page', 'tags', 'description', 'source.workflow.id', 'goalState',
  'goalEventName', 'goalCheckedAt', 'source.marketing.type', 'source.marketing.id',
  'contactMediumType', 'appMessenger', 'state', 'firstOpenedAt', 'openedAt', 'waitingTime',
  'avgReplyTime', 'resolutionTime', 'operationWaitingTime', 'operationAvgReplyTime',
  'operationResolutionTime', 'closedAt',
]);
/** Manager notes about the customer; the customer's own view leaves them out. */
const MANAGER_ONLY_KEYS = ['priority', 'tags', 'description'];
/** Written by the satisfaction survey only, never by the page the customer is on. */
const SURVEY_KEYS = new Set(['profile.csat', 'profile.csatComment']);
const CUSTOM_NAME = /^[A-Za-z0-9_]{1,64}$/;
const MAX_KEYS = 50;

/** What a manager may change with `PATCH /chats/:id`; `null` clears the key. */
export interface ManagerEdits {
  priority?: Priority | null;
  tags?: string[];
  description?: string | null;
}

export const newChatProfile = (initial: ChatProfile, now: number): ChatProfile => ({
  ...initial,
  firstOpenedAt: now,
  openedAt: now,
});

export const closedProfile = (profile: ChatProfile, now: number): ChatProfile => ({
  ...profile,
  closedAt: now,
});

/** Reopening starts a new period: `closedAt` is dropped until the next close. */
export function reopenedProfile(profile: ChatProfile, now: number): ChatProfile {
  const { closedAt: _closedAt, ...rest } = profile;
  return { ...rest, openedAt: now };
}

export function editedProfile(profile: ChatProfile, edits: ManagerEdits): ChatProfile {
  const next: ChatProfile = { ...profile };
  for (const key of ['priority', 'tags', 'description'] as const) {
    const value = edits[key];
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The profile as every API shows it. */
export function profileView(state: ChatState, stored: ChatProfile): ChatProfile {
  return { ...stored, state, priority: stored.priority ?? 'medium', tags: stored.tags ?? [] };
}

export function customerProfileView(profile: ChatProfile): ChatProfile {
  const view = { ...profile };
  for (const key of MANAGER_ONLY_KEYS) delete view[key];
  return view;
}

export type ProfileParse = { ok: true; profile: ChatProfile } | { ok: false; message: string };

/**
 * Checks the chat-profile values the SDK sends when it creates a chat: `source.page` and custom
 * keys (`profile.` prefix optional). `null` values are skipped: there is nothing to clear yet.
 * @example parseCustomerProfile({ 'source.page': 'https://shop.example/p/1', productId: 'A1' })
 */
export function parseCustomerProfile(input: Record<string, unknown>): ProfileParse {
  const entries = Object.entries(input);
  if (entries.length > MAX_KEYS) return fail(`profile: at most ${MAX_KEYS} keys`);
  const profile: ChatProfile = {};
  for (const [rawKey, value] of entries) {
    const key = customerKey(rawKey);
    if (typeof key !== 'string') return key;
    if (value === null) continue;
    const checked = key === 'source.page' ? pageValue(value) : customValue(key, value);
    if (!checked.ok) return checked;
    profile[key] = checked.value;
  }
  return { ok: true, profile };
}

function customerKey(rawKey: string): string | { ok: false; message: string } {
  if (rawKey === 'source.page') return rawKey;
  if (BUILT_IN_KEYS.has(rawKey)) return fail(`${rawKey}: is set by the server or managers, not by the SDK`);
  const name = rawKey.startsWith('profile.') ? rawKey.slice('profile.'.length) : rawKey;
  if (!CUSTOM_NAME.test(name)) {
    return fail(`${rawKey}: is not a chat-profile key (custom keys are profile.<letters, digits, _>)`);
  }
  const key = `profile.${name}`;
  if (SURVEY_KEYS.has(key)) return fail(`${key}: is set by the satisfaction survey only`);
  return key;
}

type Checked = { ok: true; value: ProfileValue } | { ok: false; message: string };

function pageValue(value: unknown): Checked {
  if (typeof value === 'string' && value.length > 0 && value.length <= LIMITS.url) {
    return { ok: true, value };
  }
  return fail(`source.page: must be a string of 1 to ${LIMITS.url} characters`);
}

function customValue(key: string, value: unknown): Checked {
  if (typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value } : fail(`${key}: must be a finite number`);
  }
  if (typeof value === 'string') {
    return value.length <= LIMITS.profileValue
      ? { ok: true, value }
      : fail(`${key}: must be at most ${LIMITS.profileValue} characters`);
  }
  const isList =
    Array.isArray(value) &&
    value.length <= LIMITS.tags &&
    value.every((item) => typeof item === 'string' && item.length <= LIMITS.profileValue);
  if (isList) return { ok: true, value: value as string[] };
  return fail(`${key}: must be a string, number, boolean or list of at most ${LIMITS.tags} strings`);
}

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

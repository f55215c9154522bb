/**
 * A chat's profile (SPEC §2) as the server keeps it. Which keys exist and which values they take
 * is the shared module's business (src/shared/profile); this file applies checked writes, adds
 * the timestamps of opening and closing, and renders the stored values for each audience.
 * Stored profiles hold the values that were set; `profileView` adds what is derived (`state`,
 * the `medium` default of `priority`, empty `tags`).
 */
import { validateProfile, type CustomField, type Writer } from '../../../src/shared/profile/index.ts';
import type { ChatProfile, ChatState } from '../../../src/shared/types.ts';
import { DomainError } from './errors.ts';
import { METRIC_KEYS } from './responseTimes.ts';

/**
 * A chat-profile write exactly as a client sent it. It is checked against the channel's schema
 * inside the unit of work that applies it, so a field archived or deleted meanwhile is honoured.
 */
export type ProfileWrite = Record<string, unknown>;

/**
 * The customer's own view leaves out the managers' notes about them and the response-time
 * metrics, which measure the team, not the conversation the customer sees.
 */
const MANAGER_ONLY_KEYS = ['priority', 'tags', 'description', ...METRIC_KEYS];

/**
 * The profile with `write` applied (`null` removes a key), after checking it with the shared
 * validator; a refused write throws naming every refused key and its rule, and changes nothing.
 * @example writtenProfile({}, { productName: 'Linen shirt' }, fields, 'sdk')
 */
export function writtenProfile(
  profile: ChatProfile,
  write: ProfileWrite,
  fields: readonly CustomField[],
  writer: Writer,
): ChatProfile {
  const checked = validateProfile(write, fields, writer);
  if (!checked.ok) throw new DomainError('invalid', 'invalid_request', checked.message);
  const next: ChatProfile = { ...profile };
  for (const [key, value] of Object.entries(checked.profile)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
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

/**
 * The profile as every API shows it. Values of archived fields stay (read-only); values of
 * deleted fields were removed with the field.
 */
export function profileView(state: ChatState, stored: ChatProfile): ChatProfile {
  return { ...stored, state, priority: stored.priority ?? 'medium', tags: stored.tags ?? [] };
}

export function customerProfileView(profile: ChatProfile): ChatProfile {
  const view = { ...profile };
  for (const key of MANAGER_ONLY_KEYS) delete view[key];
  return view;
}

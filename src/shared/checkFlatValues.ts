import { charLength, LIMITS } from './limits';
import type { UserProfileValue } from './types';

export { charLength };

export interface FlatRule {
  /** At most this many keys are kept; the keys after them are refused. */
  maxKeys: number;
  /** Lists of strings or numbers are allowed (a user profile); event properties take none. */
  lists?: boolean;
}

const scalar = (value: unknown, maxLength: number) =>
  value === null || typeof value === 'boolean' || Number.isFinite(value) || (typeof value === 'string' && charLength(value) <= maxLength);

/** A key a flat object may have: 1 to LIMITS.profileKey characters, none of the prototype's names. */
export const isFlatKey = (key: string): boolean => !!key && charLength(key) <= LIMITS.profileKey && !/^(__proto__|constructor|prototype)$/.test(key);

/**
 * A value a flat object can store: a string of up to LIMITS.profileValue characters, a finite
 * number, a boolean, null — and with `lists`, a list of up to LIMITS.profileListItems strings
 * (each up to LIMITS.profileListItem characters) or finite numbers.
 */
export function isFlatValue(value: unknown, lists?: boolean): boolean {
  if (!Array.isArray(value)) return scalar(value, LIMITS.profileValue);
  return !!lists && value.length <= LIMITS.profileListItems && value.every((item) => item !== null && typeof item !== 'boolean' && scalar(item, LIMITS.profileListItem));
}

/**
 * The entries of a flat object (a user profile, event properties) that can be stored, at most
 * `rule.maxKeys` of them; `refuse` hears every other key. `undefined` values are skipped, as JSON
 * would skip them. The SDK drops the refused entries with a warning; the server refuses the body.
 * @example keepFlatValues({ age: 31, tags: ['a'], x: undefined }, { maxKeys: 50, lists: true }, warn) // { age: 31, tags: ['a'] }
 */
export function keepFlatValues(value: Record<string, unknown>, rule: FlatRule, refuse: (key: string) => void): Record<string, UserProfileValue> {
  const kept: Record<string, UserProfileValue> = {};
  let count = 0;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue;
    if (count < rule.maxKeys && isFlatKey(key) && isFlatValue(item, rule.lists)) {
      kept[key] = item as UserProfileValue;
      count++;
    } else refuse(key);
  }
  return kept;
}

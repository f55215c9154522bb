/**
 * Conditions on profile values (SPEC §3 "Survey rule"): `{ key, op, value? }`, checked against the
 * type of the key they read and evaluated against stored values. Pure: shared by the server (the
 * survey rule) and the console (its editors, and later the inbox filters).
 *
 * Values are compared in their stored form (SPEC §2.2): a Date is the text `YYYY-MM-DD`, a
 * Datetime and a duration are milliseconds, a List is an array of strings.
 */
import { charLength, LIMITS } from '../limits';
import type { BuiltInType } from '../profile/fields';

export const OPS = ['eq', 'neq', 'exists', 'missing', 'contains', 'containsAny', 'containsAll', 'lt', 'lte', 'gt', 'gte', 'withinDays'] as const;
export type Op = (typeof OPS)[number];

export type ConditionValue = string | number | boolean | string[];

export interface Condition {
  key: string;
  op: Op;
  /** Absent for `exists` / `missing`; required for every other op. */
  value?: ConditionValue;
}

/** The conditions' own bounds: how many one rule holds, and a text value's length. */
export const CONDITION_LIMITS = {
  conditions: 10,
  key: LIMITS.profileKey,
  value: 200,
  listItems: LIMITS.chatListItems,
  listItem: LIMITS.chatListItem,
  /** `withinDays` reaches back at most about a hundred years. */
  days: 36500,
} as const;

/** Which ops fit which type; `exists` / `missing` / `eq` / `neq` fit every type. */
const ORDERED: readonly BuiltInType[] = ['Number', 'Duration', 'Date', 'Datetime'];
export function opsFor(type: BuiltInType): Op[] {
  const ops: Op[] = ['eq', 'neq', 'exists', 'missing'];
  if (type === 'String' || type === 'List') ops.push('contains');
  if (type === 'List') ops.push('containsAny', 'containsAll');
  if (ORDERED.indexOf(type) >= 0) ops.push('lt', 'lte', 'gt', 'gte');
  if (type === 'Date' || type === 'Datetime') ops.push('withinDays');
  return ops;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === 'string' && charLength(v) <= CONDITION_LIMITS.value;

/** The rule a value of `type` must keep to for `op` (`eq`, `lt` … and `contains`), or undefined. */
function valueRule(type: BuiltInType, op: Op, value: unknown): string | undefined {
  if (op === 'contains') return isText(value) ? undefined : `must be a string of at most ${CONDITION_LIMITS.value} characters`;
  switch (type) {
    case 'Boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'String':
      return isText(value) ? undefined : `must be a string of at most ${CONDITION_LIMITS.value} characters`;
    case 'Number':
    case 'Duration':
      return isNumber(value) ? undefined : type === 'Duration' ? 'must be a duration in milliseconds (a finite number)' : 'must be a finite number';
    case 'Date':
      return typeof value === 'string' && DATE.test(value) ? undefined : 'must be a date written YYYY-MM-DD';
    case 'Datetime':
      return Number.isInteger(value) ? undefined : 'must be an integer timestamp in milliseconds since 1970-01-01 UTC';
    case 'List':
      return listRule(value);
  }
}

function listRule(value: unknown): string | undefined {
  const rule = `must be an array of 1 to ${CONDITION_LIMITS.listItems} non-empty strings of at most ${CONDITION_LIMITS.listItem} characters`;
  if (!Array.isArray(value) || !value.length || value.length > CONDITION_LIMITS.listItems) return rule;
  return value.every((item) => typeof item === 'string' && item.length > 0 && charLength(item) <= CONDITION_LIMITS.listItem) ? undefined : rule;
}

/**
 * The type a condition on a key without a schema (a customer profile's free-form key) is read as,
 * from the condition itself: an array is a List, a number a Number (a Datetime for `withinDays`),
 * a `YYYY-MM-DD` text compared with `lt`…`gte` or `withinDays` a Date, other text a String.
 */
export function typeFromCondition(condition: { op: Op; value?: unknown }): BuiltInType | undefined {
  const { op, value } = condition;
  if (op === 'containsAny' || op === 'containsAll' || Array.isArray(value)) return 'List';
  if (op === 'withinDays') return 'Datetime';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return 'Number';
  if (typeof value === 'string') return op === 'contains' || !DATE.test(value) || op === 'eq' || op === 'neq' ? 'String' : 'Date';
  return undefined;
}

/**
 * Checks one condition against the type of the key it reads and returns the rule it breaks
 * (naming `name`), or undefined. `type` undefined means the key has no schema: the type is then
 * taken from the condition (`typeFromCondition`).
 * @example checkCondition({ key: 'tags', op: 'containsAny', value: ['vip'] }, 'List', 'filters.chat[0]') // undefined
 */
export function checkCondition(condition: unknown, type: BuiltInType | undefined, name = 'condition'): string | undefined {
  if (!isObject(condition)) return `${name}: must be an object { key, op, value }`;
  for (const k of Object.keys(condition)) if (k !== 'key' && k !== 'op' && k !== 'value') return `${name}.${k}: is not part of a condition (allowed: key, op, value)`;
  const { key, op, value } = condition;
  if (typeof key !== 'string' || !key || key.length > CONDITION_LIMITS.key) return `${name}.key: must be a profile key of 1 to ${CONDITION_LIMITS.key} characters`;
  if (typeof op !== 'string' || OPS.indexOf(op as Op) < 0) return `${name}.op: must be one of ${OPS.join(', ')}`;
  if (op === 'exists' || op === 'missing') return value === undefined ? undefined : `${name}.value: ${op} takes no value`;
  if (value === undefined) return `${name}.value: ${op} needs a value`;
  const actual = type ?? typeFromCondition({ op: op as Op, value });
  if (!actual) return `${name}.value: must be a string, a finite number, a boolean or an array of strings`;
  const fit = opsFor(actual);
  if (fit.indexOf(op as Op) < 0) return `${name}.op: ${op} does not apply to ${key} (${actual}); use one of ${fit.join(', ')}`;
  if (op === 'withinDays')
    return isNumber(value) && value > 0 && value <= CONDITION_LIMITS.days ? undefined : `${name}.value: withinDays takes a positive number of days, at most ${CONDITION_LIMITS.days}`;
  if (op === 'containsAny' || op === 'containsAll') {
    const rule = listRule(value);
    return rule && `${name}.value: ${op} ${rule}`;
  }
  const rule = valueRule(actual, op as Op, value);
  return rule && `${name}.value: ${rule} (${key} is ${actual})`;
}

const isMissing = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const sameItems = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x) => b.indexOf(x) >= 0) && b.every((x) => a.indexOf(x) >= 0);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** -1, 0 or 1 for two numbers or two `YYYY-MM-DD` texts; undefined for anything else (never matches). */
function compare(stored: unknown, value: unknown): number | undefined {
  if (isNumber(stored) && isNumber(value)) return Math.sign(stored - value);
  if (typeof stored === 'string' && typeof value === 'string' && DATE.test(stored) && DATE.test(value)) return stored < value ? -1 : stored > value ? 1 : 0;
  return undefined;
}

function isEqual(stored: unknown, value: unknown): boolean {
  if (Array.isArray(stored) || Array.isArray(value)) return Array.isArray(stored) && Array.isArray(value) && sameItems(stored, value);
  return stored === value;
}

/**
 * Whether one condition holds for a stored value. A value of another type than the condition's
 * (a number where a date is expected, a list of numbers) does not match, except under `neq`
 * and `missing`, which hold for anything that is not equal / not there.
 */
export function holds(condition: Condition, stored: unknown, now: number): boolean {
  const { op, value } = condition;
  switch (op) {
    case 'exists':
      return !isMissing(stored);
    case 'missing':
      return isMissing(stored);
    case 'eq':
      return !isMissing(stored) && isEqual(stored, value);
    case 'neq':
      return isMissing(stored) || !isEqual(stored, value);
    case 'contains':
      if (typeof stored === 'string') return typeof value === 'string' && stored.indexOf(value) >= 0;
      return Array.isArray(stored) && stored.indexOf(value) >= 0;
    case 'containsAny':
      return Array.isArray(stored) && Array.isArray(value) && value.some((item) => stored.indexOf(item) >= 0);
    case 'containsAll':
      return Array.isArray(stored) && Array.isArray(value) && value.every((item) => stored.indexOf(item) >= 0);
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const order = compare(stored, value);
      if (order === undefined) return false;
      return op === 'lt' ? order < 0 : op === 'lte' ? order <= 0 : op === 'gt' ? order > 0 : order >= 0;
    }
    case 'withinDays': {
      if (!isNumber(value)) return false;
      const since = now - value * DAY;
      if (isNumber(stored)) return stored >= since && stored <= now;
      if (typeof stored === 'string' && DATE.test(stored)) return stored >= isoDay(since) && stored <= isoDay(now);
      return false;
    }
  }
}

/**
 * Whether every condition holds for `values` (a chat profile or a customer profile) at `now`.
 * `known`, when given, is the set of keys that exist: a condition on any other key (a custom
 * field deleted since the rule was saved) never holds, whatever its op, so a stale rule sends
 * nothing rather than guessing.
 * @example matches([{ key: 'profile.productName', op: 'contains', value: 'Shoe' }], chat.profile, Date.now())
 */
export function matches(conditions: readonly Condition[], values: Record<string, unknown>, now: number, known?: (key: string) => boolean): boolean {
  return conditions.every((condition) => (!known || known(condition.key)) && holds(condition, values[condition.key], now));
}

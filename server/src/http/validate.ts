/**
 * Small readers for JSON bodies and query strings. Each returns a typed value or throws a 400
 * whose message names the field and the rule, so the domain only ever sees checked input.
 */
import { charLength as length, isFlatKey, isFlatValue, type FlatRule } from '../../../src/shared/checkFlatValues.ts';
import { LIMITS, type UserProfileValue } from '../../../src/shared/types.ts';
import { invalid } from './errors.ts';

export type Fields = Record<string, unknown>;
export type Primitive = string | number | boolean | null;

const isPlainObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nameOf = (key: string, path?: string) => (path ? `${path}.${key}` : key);

/** The body as an object with only the listed keys; a missing body reads as `{}`. */
export function readFields(value: unknown, allowed: readonly string[], path?: string): Fields {
  if (value === undefined && path === undefined) return {};
  if (!isPlainObject(value)) throw invalid(`${path ?? 'body'}: must be a JSON object`);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw invalid(`${nameOf(key, path)}: is not a known field (expected ${allowed.join(', ')})`);
    }
  }
  return value;
}

/**
 * A query string with only the listed keys, each given at most once; an empty value counts as
 * absent (`?state=` means "no filter").
 */
export function readQuery(query: unknown, allowed: readonly string[]): Record<string, string> {
  const fields = readFields(query ?? {}, allowed, 'query');
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value !== 'string') throw invalid(`${key}: must be given once`);
    if (value !== '') values[key] = value;
  }
  return values;
}

interface TextRule {
  min?: number;
  max: number;
  path?: string;
}

export function optionalString(fields: Fields, key: string, { min = 1, max, path }: TextRule) {
  const value = fields[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || length(value) < min || length(value) > max) {
    throw invalid(`${nameOf(key, path)}: must be a string of ${min} to ${max} characters`);
  }
  return value;
}

export function requiredString(fields: Fields, key: string, rule: TextRule): string {
  const value = optionalString(fields, key, rule);
  if (value === undefined) {
    throw invalid(`${nameOf(key, rule.path)}: is required (a string of ${rule.min ?? 1} to ${rule.max} characters)`);
  }
  return value;
}

/** The refusal of a required field that is absent, e.g. `profile: is required (an object …)`. */
export const missing = (key: string, what: string) => invalid(`${key}: is required (${what})`);

/** Message text: a bounded string that is not only spaces. */
export function requiredText(fields: Fields, key: string, rule: TextRule): string {
  const value = requiredString(fields, key, rule);
  if (value.trim() === '') throw invalid(`${nameOf(key, rule.path)}: must not be only spaces`);
  return value;
}

export function optionalBoolean(fields: Fields, key: string): boolean | undefined {
  const value = fields[key];
  if (value === undefined || typeof value === 'boolean') return value;
  throw invalid(`${key}: must be true or false`);
}

/** One of a fixed set; `null` too when `nullable` (it clears the value). */
export function optionalOneOf<T extends string>(
  fields: Fields,
  key: string,
  values: readonly T[],
  nullable = false,
): T | null | undefined {
  const value = fields[key];
  if (value === undefined || (nullable && value === null)) return value as null | undefined;
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  throw invalid(`${key}: must be one of ${values.join(', ')}${nullable ? ' or null' : ''}`);
}

/** A list of distinct non-empty strings (duplicates are dropped, order kept). */
export function optionalStringList(fields: Fields, key: string, maxItems: number, maxLength: number) {
  const value = fields[key];
  if (value === undefined) return undefined;
  const ok =
    Array.isArray(value) &&
    value.length <= maxItems &&
    value.every((item) => typeof item === 'string' && item.trim() !== '' && length(item) <= maxLength);
  if (!ok) {
    throw invalid(`${key}: must be a list of at most ${maxItems} non-empty strings of up to ${maxLength} characters`);
  }
  return [...new Set(value as string[])];
}

/**
 * A flat object (no nesting) of strings, finite numbers, booleans and nulls, and with `lists`
 * (a user profile) lists of strings or numbers: the values the SDK keeps (src/shared/checkFlatValues.ts).
 */
export function optionalFlatObject(fields: Fields, key: string, rule: FlatRule & { lists: true }): Record<string, UserProfileValue> | undefined;
export function optionalFlatObject(fields: Fields, key: string, rule: FlatRule): Record<string, Primitive> | undefined;
export function optionalFlatObject(fields: Fields, key: string, { maxKeys, lists }: FlatRule) {
  const value = fields[key];
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw invalid(`${key}: must be an object`);
  const entries = Object.entries(value);
  if (entries.length > maxKeys) throw invalid(`${key}: must have at most ${maxKeys} keys`);
  const { profileValue, profileKey, profileListItems, profileListItem } = LIMITS;
  for (const [name, item] of entries) {
    if (!isFlatKey(name)) throw invalid(`${key}.${name}: is not an allowed key (1 to ${profileKey} characters)`);
    if (!isFlatValue(item, lists)) {
      const list = lists ? `, null or a list of up to ${profileListItems} strings (each up to ${profileListItem} characters) or numbers` : ' or null';
      throw invalid(`${key}.${name}: must be a string of up to ${profileValue} characters, a finite number, a boolean${list}`);
    }
  }
  return value as Record<string, UserProfileValue>;
}

/** A plain object to hand to a dedicated checker (e.g. the chat profile). */
export function optionalObject(fields: Fields, key: string): Fields | undefined {
  const value = fields[key];
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw invalid(`${key}: must be an object`);
  return value;
}

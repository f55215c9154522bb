/**
 * Small readers for JSON bodies and query strings. Each returns a typed value or throws a 400
 * whose message names the field and the rule, so the domain only ever sees checked input.
 */
import { invalid } from './errors.ts';

export type Fields = Record<string, unknown>;
export type Primitive = string | number | boolean | null;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const isPlainObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Length in characters (code points), so an emoji counts once. */
const length = (text: string): number => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

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

interface FlatRule {
  maxKeys: number;
  maxString: number;
}

/** A flat object of strings, finite numbers, booleans and nulls — no nesting. */
export function optionalFlatObject(fields: Fields, key: string, { maxKeys, maxString }: FlatRule) {
  const value = fields[key];
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw invalid(`${key}: must be an object`);
  const entries = Object.entries(value);
  if (entries.length > maxKeys) throw invalid(`${key}: must have at most ${maxKeys} keys`);
  for (const [name, item] of entries) {
    if (FORBIDDEN_KEYS.has(name) || length(name) < 1 || length(name) > 64) {
      throw invalid(`${key}.${name}: is not an allowed key (1 to 64 characters)`);
    }
    const ok =
      item === null ||
      typeof item === 'boolean' ||
      (typeof item === 'number' && Number.isFinite(item)) ||
      (typeof item === 'string' && length(item) <= maxString);
    if (!ok) {
      throw invalid(`${key}.${name}: must be a string of up to ${maxString} characters, a finite number, a boolean or null`);
    }
  }
  return value as Record<string, Primitive>;
}

/** A plain object to hand to a dedicated checker (e.g. the chat profile). */
export function optionalObject(fields: Fields, key: string): Fields | undefined {
  const value = fields[key];
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw invalid(`${key}: must be an object`);
  return value;
}

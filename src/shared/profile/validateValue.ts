import { charLength, LIMITS } from '../limits';
import type { BuiltInType } from './fields';

export type ValueResult = { ok: true; value: string | number | boolean | string[] | null } | { ok: false; rule: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Below this a timestamp is taken for seconds: 1e11 ms is March 1973, 1e11 s is the year 5138. */
const SECONDS_BELOW = 1e11;
/** Years 0001 to 9999, what ISO 8601 dates, spreadsheets and databases can all write. */
const MIN_TIME = -62135596800000; // 0001-01-01T00:00:00.000Z
const MAX_TIME = 253402300799999; // 9999-12-31T23:59:59.999Z
const YEARS = 'between the years 0001 and 9999';
const inYears = (ms: number) => ms >= MIN_TIME && ms <= MAX_TIME;

const fail = (rule: string): ValueResult => ({ ok: false, rule });
const ok = (value: string | number | boolean | string[] | null): ValueResult => ({ ok: true, value });

/** `YYYY-MM-DD` for a real calendar day, else undefined. */
function calendarDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(+m[1], +m[2] - 1, +m[3]); // Date.UTC would read years 0–99 as 1900–1999
  return +m[1] >= 1 && date.getUTCFullYear() === +m[1] && date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3] ? text : undefined;
}

/**
 * Checks one value against a field type and returns its stored form, or the rule it breaks.
 * `null` always passes (it clears the key); an empty string or list is stored as `null` too.
 * @example validateValue('Date', 1700000000000) // { ok: true, value: '2023-11-14' }
 */
export function validateValue(type: BuiltInType, value: unknown, maxString: number = LIMITS.profileValue): ValueResult {
  if (value === null) return ok(null);
  switch (type) {
    case 'Boolean':
      return typeof value === 'boolean' ? ok(value) : fail('must be true or false');
    case 'String':
      if (typeof value !== 'string') return fail(`must be a string of at most ${maxString} characters`);
      if (charLength(value) > maxString) return fail(`must be at most ${maxString} characters (got ${charLength(value)})`);
      return ok(value === '' ? null : value);
    case 'Number':
    case 'Duration':
      return typeof value === 'number' && Number.isFinite(value) ? ok(value) : fail('must be a finite number');
    case 'Date':
      // A timestamp in seconds would silently become a day in January 1970.
      if (typeof value === 'number' && value > 0 && value < SECONDS_BELOW && Number.isInteger(value))
        return fail(`looks like seconds (${value}); send YYYY-MM-DD or milliseconds since 1970-01-01 UTC`);
      if (typeof value === 'number' && Number.isInteger(value))
        return inYears(value) ? ok(new Date(value).toISOString().slice(0, 10)) : fail(`must be a date ${YEARS} (got the timestamp ${value})`);
      if (typeof value === 'string' && calendarDate(value)) return ok(value);
      return fail(`must be a date written YYYY-MM-DD (a real calendar day ${YEARS}) or a timestamp in milliseconds`);
    case 'Datetime':
      if (typeof value !== 'number' || !Number.isInteger(value))
        return fail('must be an integer timestamp in milliseconds since 1970-01-01 UTC');
      if (!inYears(value)) return fail(`must be a time ${YEARS} (got ${value} ms)`);
      if (value > 0 && value < SECONDS_BELOW)
        return fail(`looks like seconds (${value}); send milliseconds since 1970-01-01 UTC, e.g. ${value * 1000}`);
      return ok(value);
    case 'List': {
      if (!Array.isArray(value)) return fail(`must be an array of strings`);
      if (value.length > LIMITS.chatListItems) return fail(`must have at most ${LIMITS.chatListItems} items`);
      const bad = value.findIndex((item) => typeof item !== 'string' || !item.trim() || charLength(item) > LIMITS.chatListItem);
      if (bad >= 0) return fail(`item ${bad} must be a non-empty string of at most ${LIMITS.chatListItem} characters`);
      const unique = value.filter((item, i) => value.indexOf(item) === i) as string[];
      return ok(unique.length ? unique : null);
    }
  }
}

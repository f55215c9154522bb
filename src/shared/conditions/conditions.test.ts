import { describe, expect, it } from 'vitest';
import { checkCondition, holds, matches, opsFor, OPS, type Condition } from './index';

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const DAY = 86_400_000;
const is = (op: Condition['op'], value: Condition['value'], stored: unknown, now = NOW) => holds({ key: 'k', op, value }, stored, now);

describe('checkCondition', () => {
  it('takes the ops each type allows', () => {
    expect(opsFor('Boolean')).toEqual(['eq', 'neq', 'exists', 'missing']);
    expect(opsFor('String')).toEqual(['eq', 'neq', 'exists', 'missing', 'contains']);
    expect(opsFor('List')).toEqual(['eq', 'neq', 'exists', 'missing', 'contains', 'containsAny', 'containsAll']);
    expect(opsFor('Number')).toEqual(['eq', 'neq', 'exists', 'missing', 'lt', 'lte', 'gt', 'gte']);
    expect(opsFor('Duration')).toEqual(opsFor('Number'));
    expect(opsFor('Date')).toEqual([...opsFor('Number'), 'withinDays']);
    expect(opsFor('Datetime')).toEqual(opsFor('Date'));
  });

  it('accepts a value of the right type for every op of every type', () => {
    const good: [Parameters<typeof checkCondition>[1], Condition][] = [
      ['Boolean', { key: 'profile.vip', op: 'eq', value: true }],
      ['String', { key: 'priority', op: 'neq', value: 'low' }],
      ['String', { key: 'source.page', op: 'contains', value: '/shoes' }],
      ['List', { key: 'tags', op: 'contains', value: 'vip' }],
      ['List', { key: 'tags', op: 'eq', value: ['a', 'b'] }],
      ['List', { key: 'tags', op: 'containsAny', value: ['a'] }],
      ['List', { key: 'tags', op: 'containsAll', value: ['a', 'b'] }],
      ['Number', { key: 'profile.csat', op: 'lte', value: 2 }],
      ['Duration', { key: 'waitingTime', op: 'gt', value: 60_000 }],
      ['Date', { key: 'profile.birthday', op: 'gte', value: '2000-01-01' }],
      ['Date', { key: 'profile.birthday', op: 'withinDays', value: 7 }],
      ['Datetime', { key: 'closedAt', op: 'lt', value: NOW }],
      ['Datetime', { key: 'firstOpenedAt', op: 'withinDays', value: 0.5 }],
      ['Datetime', { key: 'closedAt', op: 'exists' }],
      ['Boolean', { key: 'profile.vip', op: 'missing' }],
    ];
    for (const [type, condition] of good) expect(checkCondition(condition, type), JSON.stringify(condition)).toBeUndefined();
  });

  it('refuses an op the type does not take, or a value of another type, naming the key and the rule', () => {
    const bad: [Parameters<typeof checkCondition>[1], unknown, string][] = [
      ['Boolean', { key: 'profile.vip', op: 'lt', value: 1 }, 'c.op: lt does not apply to profile.vip (Boolean); use one of eq, neq, exists, missing'],
      ['String', { key: 'priority', op: 'containsAny', value: ['high'] }, 'c.op: containsAny does not apply to priority (String); use one of eq, neq, exists, missing, contains'],
      ['Number', { key: 'profile.csat', op: 'contains', value: '3' }, 'c.op: contains does not apply to profile.csat (Number); use one of eq, neq, exists, missing, lt, lte, gt, gte'],
      ['Datetime', { key: 'closedAt', op: 'contains', value: '2026' }, 'c.op: contains does not apply to closedAt (Datetime); use one of eq, neq, exists, missing, lt, lte, gt, gte, withinDays'],
      ['Number', { key: 'profile.csat', op: 'withinDays', value: 3 }, 'c.op: withinDays does not apply to profile.csat (Number); use one of eq, neq, exists, missing, lt, lte, gt, gte'],
      ['Number', { key: 'profile.csat', op: 'eq', value: '5' }, 'c.value: must be a finite number (profile.csat is Number)'],
      ['Duration', { key: 'waitingTime', op: 'lt', value: Infinity }, 'c.value: must be a duration in milliseconds (a finite number) (waitingTime is Duration)'],
      ['Boolean', { key: 'profile.vip', op: 'eq', value: 'true' }, 'c.value: must be true or false (profile.vip is Boolean)'],
      ['Date', { key: 'profile.birthday', op: 'lt', value: 1700000000000 }, 'c.value: must be a date written YYYY-MM-DD (profile.birthday is Date)'],
      ['Datetime', { key: 'closedAt', op: 'gt', value: '2026-01-01' }, 'c.value: must be an integer timestamp in milliseconds since 1970-01-01 UTC (closedAt is Datetime)'],
      ['Datetime', { key: 'closedAt', op: 'withinDays', value: 0 }, 'c.value: withinDays takes a positive number of days, at most 36500'],
      ['Date', { key: 'profile.birthday', op: 'withinDays', value: '7' }, 'c.value: withinDays takes a positive number of days, at most 36500'],
      ['Datetime', { key: 'closedAt', op: 'withinDays', value: 40000 }, 'c.value: withinDays takes a positive number of days, at most 36500'],
      ['List', { key: 'tags', op: 'containsAny', value: 'vip' }, 'c.value: containsAny must be an array of 1 to 50 non-empty strings of at most 100 characters'],
      ['List', { key: 'tags', op: 'containsAll', value: [] }, 'c.value: containsAll must be an array of 1 to 50 non-empty strings of at most 100 characters'],
      ['List', { key: 'tags', op: 'containsAny', value: [1, 2] }, 'c.value: containsAny must be an array of 1 to 50 non-empty strings of at most 100 characters'],
      ['List', { key: 'tags', op: 'containsAny', value: Array.from({ length: 51 }, (_, i) => `t${i}`) }, 'c.value: containsAny must be an array of 1 to 50 non-empty strings of at most 100 characters'],
      ['List', { key: 'tags', op: 'containsAll', value: ['x'.repeat(101)] }, 'c.value: containsAll must be an array of 1 to 50 non-empty strings of at most 100 characters'],
      ['String', { key: 'priority', op: 'eq', value: 'x'.repeat(201) }, 'c.value: must be a string of at most 200 characters (priority is String)'],
      ['String', { key: 'priority', op: 'eq' }, 'c.value: eq needs a value'],
      ['String', { key: 'priority', op: 'exists', value: 'x' }, 'c.value: exists takes no value'],
      ['String', { key: 'priority', op: 'like', value: 'x' }, 'c.op: must be one of eq, neq, exists, missing, contains, containsAny, containsAll, lt, lte, gt, gte, withinDays'],
      ['String', { key: '', op: 'eq', value: 'x' }, 'c.key: must be a profile key of 1 to 64 characters'],
      ['String', { key: 'priority', op: 'eq', value: 'x', extra: 1 }, 'c.extra: is not part of a condition (allowed: key, op, value)'],
      ['String', 'priority=high', 'c: must be an object { key, op, value }'],
    ];
    for (const [type, condition, message] of bad) expect(checkCondition(condition, type, 'c')).toBe(message);
  });

  it('reads a key without a schema by the type its value has', () => {
    expect(checkCondition({ key: 'grade', op: 'eq', value: 'VIP' }, undefined)).toBeUndefined();
    expect(checkCondition({ key: 'orders', op: 'gte', value: 3 }, undefined)).toBeUndefined();
    expect(checkCondition({ key: 'joined', op: 'lt', value: '2024-01-01' }, undefined)).toBeUndefined();
    expect(checkCondition({ key: 'signedUpAt', op: 'withinDays', value: 30 }, undefined)).toBeUndefined();
    expect(checkCondition({ key: 'interests', op: 'containsAll', value: ['shoes'] }, undefined)).toBeUndefined();
    expect(checkCondition({ key: 'grade', op: 'lt', value: 'VIP' }, undefined, 'c')).toBe(
      'c.op: lt does not apply to grade (String); use one of eq, neq, exists, missing, contains',
    );
    expect(checkCondition({ key: 'grade', op: 'eq', value: { a: 1 } }, undefined, 'c')).toBe(
      'c.value: must be a string, a finite number, a boolean or an array of strings',
    );
  });

  it('lists every op exactly once', () => {
    expect(new Set(OPS).size).toBe(12);
  });
});

describe('holds', () => {
  it('exists / missing: null, an empty text and an empty list are missing', () => {
    for (const v of [undefined, null, '', []]) {
      expect(is('missing', undefined, v)).toBe(true);
      expect(is('exists', undefined, v)).toBe(false);
    }
    for (const v of [0, false, 'x', ['a']]) {
      expect(is('exists', undefined, v)).toBe(true);
      expect(is('missing', undefined, v)).toBe(false);
    }
  });

  it('eq / neq by type, with no coercion', () => {
    expect(is('eq', 'VIP', 'VIP')).toBe(true);
    expect(is('eq', 'VIP', 'vip')).toBe(false);
    expect(is('eq', 5, 5)).toBe(true);
    expect(is('eq', 5, '5')).toBe(false);
    expect(is('eq', true, true)).toBe(true);
    expect(is('eq', false, undefined)).toBe(false);
    expect(is('eq', '2026-12-02', '2026-12-02')).toBe(true);
    expect(is('eq', ['a', 'b'], ['b', 'a'])).toBe(true);
    expect(is('eq', ['a', 'b'], ['a'])).toBe(false);
    expect(is('eq', ['a'], 'a')).toBe(false);
    expect(is('neq', 'VIP', 'VIP')).toBe(false);
    expect(is('neq', 'VIP', 'Gold')).toBe(true);
    expect(is('neq', 'VIP', undefined)).toBe(true);
    expect(is('neq', 5, '5')).toBe(true);
  });

  it('contains: a part of a text, an item of a list', () => {
    expect(is('contains', 'shoe', 'Red shoes')).toBe(true);
    expect(is('contains', 'Shoe', 'Red shoes')).toBe(false);
    expect(is('contains', 'vip', ['new', 'vip'])).toBe(true);
    expect(is('contains', 'vi', ['new', 'vip'])).toBe(false);
    expect(is('contains', '5', 5)).toBe(false);
    expect(is('contains', 'x', undefined)).toBe(false);
  });

  it('containsAny / containsAll on a list, not on anything else', () => {
    expect(is('containsAny', ['a', 'z'], ['a', 'b'])).toBe(true);
    expect(is('containsAny', ['y', 'z'], ['a', 'b'])).toBe(false);
    expect(is('containsAll', ['a', 'b'], ['b', 'c', 'a'])).toBe(true);
    expect(is('containsAll', ['a', 'z'], ['a', 'b'])).toBe(false);
    expect(is('containsAny', ['a'], 'a')).toBe(false);
    expect(is('containsAll', ['a'], undefined)).toBe(false);
    // A list of numbers never equals the texts a condition holds.
    expect(is('containsAny', ['1', '2'], [1, 2])).toBe(false);
    expect(is('contains', '1', [1])).toBe(false);
  });

  it('lt / lte / gt / gte on numbers and durations', () => {
    expect(is('lt', 3, 2)).toBe(true);
    expect(is('lt', 3, 3)).toBe(false);
    expect(is('lte', 3, 3)).toBe(true);
    expect(is('gt', 60_000, 90_000)).toBe(true);
    expect(is('gt', 60_000, 60_000)).toBe(false);
    expect(is('gte', 60_000, 60_000)).toBe(true);
    expect(is('gt', 1, '2')).toBe(false);
    expect(is('lt', 1, undefined)).toBe(false);
    expect(is('lt', 1, null)).toBe(false);
  });

  it('lt / lte / gt / gte on dates (YYYY-MM-DD text) and datetimes (ms)', () => {
    expect(is('lt', '2026-01-01', '2025-12-31')).toBe(true);
    expect(is('gte', '2026-01-01', '2026-01-01')).toBe(true);
    expect(is('gt', '2026-01-01', '2025-12-31')).toBe(false);
    expect(is('lte', NOW, NOW)).toBe(true);
    expect(is('gt', NOW, NOW + 1)).toBe(true);
    // A text that is not a date, or a date against a timestamp, is not comparable.
    expect(is('lt', '2026-01-01', 'yesterday')).toBe(false);
    expect(is('lt', '2026-01-01', NOW)).toBe(false);
  });

  it('withinDays: a datetime or a date in the last n days up to now', () => {
    expect(is('withinDays', 7, NOW - 7 * DAY)).toBe(true);
    expect(is('withinDays', 7, NOW - 7 * DAY - 1)).toBe(false);
    expect(is('withinDays', 7, NOW)).toBe(true);
    expect(is('withinDays', 7, NOW + 1)).toBe(false);
    expect(is('withinDays', 7, '2026-11-25')).toBe(true);
    expect(is('withinDays', 7, '2026-12-02')).toBe(true);
    expect(is('withinDays', 7, '2026-11-24')).toBe(false);
    expect(is('withinDays', 7, '2026-12-03')).toBe(false);
    expect(is('withinDays', 7, undefined)).toBe(false);
    expect(is('withinDays', 7, 'soon')).toBe(false);
    expect(is('withinDays', 7, [NOW])).toBe(false);
  });
});

describe('matches', () => {
  const profile = { 'profile.productName': 'Red shoes', tags: ['vip'], waitingTime: 30_000 };
  it('holds when every condition holds, and for no condition at all', () => {
    expect(matches([], profile, NOW)).toBe(true);
    expect(
      matches(
        [
          { key: 'profile.productName', op: 'contains', value: 'shoes' },
          { key: 'tags', op: 'contains', value: 'vip' },
          { key: 'waitingTime', op: 'lt', value: 60_000 },
        ],
        profile,
        NOW,
      ),
    ).toBe(true);
    expect(matches([{ key: 'profile.productName', op: 'contains', value: 'shoes' }, { key: 'waitingTime', op: 'gt', value: 60_000 }], profile, NOW)).toBe(false);
  });

  it('never holds on a key the schema no longer has, whatever the op', () => {
    const known = (key: string) => key !== 'profile.gone';
    expect(matches([{ key: 'profile.gone', op: 'missing' }], profile, NOW, known)).toBe(false);
    expect(matches([{ key: 'profile.gone', op: 'neq', value: 'x' }], profile, NOW, known)).toBe(false);
    expect(matches([{ key: 'profile.gone', op: 'missing' }], profile, NOW)).toBe(true);
  });
});

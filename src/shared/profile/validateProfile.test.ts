import { describe, expect, it } from 'vitest';
import { READY_MADE_FIELDS, type CustomField } from './fields';
import { validateProfile } from './validateProfile';
import { validateValue } from './validateValue';

const field = (key: string, type: CustomField['type'], archived = false): CustomField => ({ key, type, names: { en: key }, order: 0, archived });
const SCHEMA: CustomField[] = [
  ...READY_MADE_FIELDS,
  field('profile.vip', 'Boolean'),
  field('profile.productName', 'String'),
  field('profile.quantity', 'Number'),
  field('profile.deliveryDate', 'Date'),
  field('profile.orderedAt', 'Datetime'),
  field('profile.sizes', 'List'),
  field('profile.legacyCode', 'String', true),
];

describe('validateValue: values that pass, with their stored form', () => {
  it.each([
    ['Boolean', true, true],
    ['Boolean', false, false],
    ['String', 'Linen shirt', 'Linen shirt'],
    ['String', '한국어 상품명', '한국어 상품명'],
    ['String', '', null],
    ['String', 'x'.repeat(1000), 'x'.repeat(1000)],
    ['Number', 0, 0],
    ['Number', -12.5, -12.5],
    ['Date', '2024-02-29', '2024-02-29'],
    ['Date', 1700000000000, '2023-11-14'],
    ['Datetime', 1700000000000, 1700000000000],
    ['Datetime', 0, 0],
    ['Datetime', 253402300799999, 253402300799999],
    ['Datetime', -62135596800000, -62135596800000],
    ['Date', '0001-01-01', '0001-01-01'],
    ['Date', '0050-06-15', '0050-06-15'],
    ['Date', '9999-12-31', '9999-12-31'],
    ['Date', 253402300799999, '9999-12-31'],
    ['List', ['S', 'M', 'S'], ['S', 'M']],
    ['List', [], null],
    ['Number', null, null],
  ] as const)('%s %j is stored as %j', (type, value, stored) => {
    expect(validateValue(type, value)).toEqual({ ok: true, value: stored });
  });
});

describe('validateValue: values that fail, with the rule', () => {
  it.each([
    ['Boolean', 'true', 'must be true or false'],
    ['Boolean', 1, 'must be true or false'],
    ['String', 42, 'must be a string of at most 1000 characters'],
    ['String', 'x'.repeat(1001), 'must be at most 1000 characters (got 1001)'],
    ['Number', NaN, 'must be a finite number'],
    ['Number', Infinity, 'must be a finite number'],
    ['Number', '3', 'must be a finite number'],
    ['Date', '2023-02-30', 'must be a date written YYYY-MM-DD (a real calendar day between the years 0001 and 9999) or a timestamp in milliseconds'],
    ['Date', '0000-12-31', 'must be a date written YYYY-MM-DD (a real calendar day between the years 0001 and 9999)'],
    ['Date', 8.64e15, 'must be a date between the years 0001 and 9999 (got the timestamp 8640000000000000)'],
    ['Date', 253402300800000, 'must be a date between the years 0001 and 9999'],
    ['Datetime', 8.64e15, 'must be a time between the years 0001 and 9999 (got 8640000000000000 ms)'],
    ['Datetime', -8.64e15, 'must be a time between the years 0001 and 9999'],
    ['Datetime', 253402300800000, 'must be a time between the years 0001 and 9999'],
    ['Datetime', -62135596800001, 'must be a time between the years 0001 and 9999'],
    ['Date', '2023-13-01', 'must be a date written YYYY-MM-DD'],
    ['Date', '14/11/2023', 'must be a date written YYYY-MM-DD'],
    ['Date', 1.5, 'must be a date written YYYY-MM-DD'],
    ['Date', 1700000000, 'looks like seconds (1700000000); send YYYY-MM-DD or milliseconds'],
    ['Datetime', 1700000000, 'looks like seconds (1700000000); send milliseconds since 1970-01-01 UTC, e.g. 1700000000000'],
    ['Datetime', '2023-11-14T00:00:00Z', 'must be an integer timestamp in milliseconds'],
    ['Datetime', 1.7e12 + 0.5, 'must be an integer timestamp in milliseconds'],
    ['List', 'S', 'must be an array of strings'],
    ['List', ['S', 3], 'item 1 must be a non-empty string of at most 100 characters'],
    ['List', ['ok', ' '], 'item 1 must be a non-empty string'],
    ['List', Array.from({ length: 51 }, (_, i) => `t${i}`), 'must have at most 50 items'],
  ] as const)('%s %j fails: %s', (type, value, rule) => {
    const result = validateValue(type, value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.rule).toContain(rule);
  });
});

describe('validateProfile', () => {
  it('normalises keys without the profile. prefix and keeps source.page from the SDK', () => {
    expect(validateProfile({ productName: 'Linen shirt', 'profile.quantity': 2, 'source.page': 'https://shop.test/p/42' }, SCHEMA, 'sdk')).toEqual({
      ok: true,
      profile: { 'profile.productName': 'Linen shirt', 'profile.quantity': 2, 'source.page': 'https://shop.test/p/42' },
    });
  });

  it('lets null clear one key', () => {
    expect(validateProfile({ vip: null }, SCHEMA, 'sdk')).toEqual({ ok: true, profile: { 'profile.vip': null } });
  });

  it.each([
    [{ shoeSize: 42 }, 'sdk', "profile.shoeSize: is not a field of this channel's chat profile"],
    [{ legacyCode: 'X' }, 'sdk', 'profile.legacyCode: is archived and read-only'],
    [{ state: 'closed' }, 'sdk', 'state: is computed by Sangdam and read-only'],
    [{ waitingTime: 1000 }, 'manager', 'waitingTime: is computed by Sangdam and read-only'],
    [{ tags: ['vip'] }, 'sdk', 'tags: is written by managers only'],
    [{ 'source.page': 'https://x.test' }, 'manager', 'source.page: is written by the page capture only'],
    [{ csat: 5 }, 'sdk', 'profile.csat: is written by the satisfaction survey only'],
    [{ priority: 'urgent' }, 'manager', 'priority: must be one of high, medium, low or null'],
    [{ 'profile.bad-key': 1 }, 'sdk', 'profile.bad-key: is not a valid key'],
    [{ quantity: NaN }, 'sdk', 'profile.quantity: must be a finite number (Number field)'],
    [{ orderedAt: 1700000000 }, 'sdk', 'profile.orderedAt: looks like seconds'],
    [{ deliveryDate: '2023-02-30' }, 'sdk', 'profile.deliveryDate: must be a date written YYYY-MM-DD'],
    [{ sizes: ['S', 3] }, 'sdk', 'profile.sizes: item 1 must be a non-empty string'],
    [{ productName: 'x'.repeat(1001) }, 'sdk', 'profile.productName: must be at most 1000 characters'],
    [{ 'source.page': 'https://x.test/' + 'p'.repeat(2048) }, 'sdk', 'source.page: must be at most 2048 characters'],
    [['productName'], 'sdk', 'profile: must be an object'],
  ] as const)('refuses %j written by %s: %s', (input, writer, message) => {
    const result = validateProfile(input, SCHEMA, writer);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });

  it('names every refused key, not only the first, and stores nothing of a refused write', () => {
    const result = validateProfile({ productName: 'ok', quantity: 'two', shoeSize: 1 }, SCHEMA, 'sdk');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.key)).toEqual(['profile.quantity', 'profile.shoeSize']);
    expect('profile' in result).toBe(false);
  });

  it('lets managers write priority, tags and description, and the survey write CSAT', () => {
    expect(validateProfile({ priority: 'high', tags: ['배송'], description: '교환 요청' }, SCHEMA, 'manager')).toEqual({
      ok: true,
      profile: { priority: 'high', tags: ['배송'], description: '교환 요청' },
    });
    expect(validateProfile({ csat: 5, csatComment: '친절했어요' }, SCHEMA, 'survey').ok).toBe(true);
  });
});

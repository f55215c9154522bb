import { describe, expect, it } from 'vitest';
import { checkTemplate, parseTemplate, renderTemplate, TEMPLATE_LIMITS, templateVariables } from './template';

const KEYS = ['source.page', 'tags', 'profile.productName', 'goalCheckedAt'];

describe('renderTemplate', () => {
  it('fills user and chat-profile variables, with spaces around names ignored', () => {
    const values = { 'user.name': '김민지', 'profile.productName': 'Linen shirt', 'source.page': 'https://shop.example/p/1' };
    expect(renderTemplate('{{user.name}}님, {{ profile.productName }} 문의 ({{source.page}})', values)).toBe(
      '김민지님, Linen shirt 문의 (https://shop.example/p/1)',
    );
  });

  it('uses the fallback when a value is missing, empty or an empty list, and nothing without one', () => {
    expect(renderTemplate('{{user.name|고객}}님', {})).toBe('고객님');
    expect(renderTemplate('{{ user.name | 고객 }}님', { 'user.name': '' })).toBe('고객님');
    expect(renderTemplate('[{{tags|없음}}]', { tags: [] })).toBe('[없음]');
    expect(renderTemplate('[{{user.grade}}]', { 'user.grade': null })).toBe('[]');
    expect(renderTemplate('[{{user.grade}}]', {})).toBe('[]');
  });

  it('writes lists joined with commas, numbers, booleans and dates simply', () => {
    expect(renderTemplate('{{tags}}', { tags: ['배송', 'VIP'] })).toBe('배송, VIP');
    expect(renderTemplate('{{user.points}}', { 'user.points': 1200.5 })).toBe('1200.5');
    expect(renderTemplate('{{user.vip}}', { 'user.vip': false })).toBe('false');
    expect(renderTemplate('{{goalCheckedAt}}', { goalCheckedAt: new Date(Date.UTC(2026, 0, 5, 9, 7)) })).toBe('2026-01-05 09:07');
    expect(renderTemplate('{{user.n}}', { 'user.n': Number.NaN })).toBe('');
  });

  it("writes date-times on the wall clock of the time zone it is given, across the date line", () => {
    const late = new Date(Date.UTC(2026, 0, 5, 15, 7, 30));
    expect(renderTemplate('{{openedAt}}', { openedAt: late }, { timeZone: 'Asia/Seoul' })).toBe('2026-01-06 00:07');
    expect(renderTemplate('{{openedAt}}', { openedAt: late }, { timeZone: 'America/New_York' })).toBe('2026-01-05 10:07');
    expect(renderTemplate('{{openedAt}}', { openedAt: late }, { timeZone: 'UTC' })).toBe('2026-01-05 15:07');
    // A Date is a day, not an instant: it is written as stored, in any zone.
    expect(renderTemplate('{{profile.birthday}}', { 'profile.birthday': '2026-01-05' }, { timeZone: 'Pacific/Kiritimati' })).toBe('2026-01-05');
  });

  it('inserts values as text: markup in a value or a fallback stays literal', () => {
    const attack = '<img src=x onerror=alert(1)>';
    expect(renderTemplate('Hi {{user.name}}', { 'user.name': attack })).toBe(`Hi ${attack}`);
    expect(renderTemplate('{{profile.productName|<b>x</b>}}', {})).toBe('<b>x</b>');
    // A value that looks like a variable is not rendered again.
    expect(renderTemplate('{{user.name}}', { 'user.name': '{{source.page}}' })).toBe('{{source.page}}');
  });

  it('keeps an escaped \\{{ and malformed braces as text', () => {
    expect(renderTemplate('\\{{user.name}} is a variable', { 'user.name': 'x' })).toBe('{{user.name}} is a variable');
    expect(renderTemplate('a {{ b', {})).toBe('a {{ b');
    expect(renderTemplate('{{not a name}}', {})).toBe('{{not a name}}');
    expect(renderTemplate('a { b } c }}', {})).toBe('a { b } c }}');
  });

  it('does not read names off the prototype', () => {
    expect(renderTemplate('[{{constructor}}][{{user.toString}}]', {})).toBe('[][]');
  });
});

describe('checkTemplate', () => {
  it('accepts known chat-profile keys, user.name and any well-formed user key', () => {
    expect(checkTemplate('{{user.name|고객}} {{user.grade}} {{profile.productName}} {{source.page}}', KEYS)).toEqual([]);
    expect(checkTemplate('no variables at all { }', KEYS)).toEqual([]);
    expect(checkTemplate('\\{{literal}}', KEYS)).toEqual([]);
  });

  it('names each unknown variable once', () => {
    expect(checkTemplate('{{profile.nope}} {{profile.nope}} {{pageTitle|x}}', KEYS)).toEqual([
      'unknown variable {{profile.nope}}',
      'unknown variable {{pageTitle}}',
    ]);
  });

  it('refuses malformed braces, bad names and over-long fallbacks', () => {
    expect(checkTemplate('hello {{user.name', KEYS)).toEqual([expect.stringMatching(/^\{\{user\.name is not closed with \}\}/)]);
    expect(checkTemplate('{{}}', KEYS)[0]).toMatch(/has no variable name/);
    expect(checkTemplate('{{user..name}}', KEYS)[0]).toMatch(/is not a variable name/);
    expect(checkTemplate('{{1abc}}', KEYS)[0]).toMatch(/is not a variable name/);
    expect(checkTemplate(`{{user.name|${'가'.repeat(TEMPLATE_LIMITS.fallback + 1)}}}`, KEYS)[0]).toMatch(/fallback longer than 100/);
    expect(checkTemplate(`{{user.name|${'가'.repeat(TEMPLATE_LIMITS.fallback)}}}`, KEYS)).toEqual([]);
  });

  it('bounds the number of variables in one template', () => {
    const many = (n: number) => Array.from({ length: n }, () => '{{user.name}}').join(' ');
    expect(checkTemplate(many(TEMPLATE_LIMITS.variables), KEYS)).toEqual([]);
    expect(checkTemplate(many(TEMPLATE_LIMITS.variables + 1), KEYS)).toEqual(['has 21 variables, more than 20']);
  });
});

describe('parseTemplate', () => {
  it('splits text and variables with their fallbacks', () => {
    expect(parseTemplate('Hi {{user.name|there}}!')).toEqual([
      { type: 'text', text: 'Hi ' },
      { type: 'variable', name: 'user.name', fallback: 'there' },
      { type: 'text', text: '!' },
    ]);
    expect(templateVariables('{{a}}{{b.c}}{{a}}')).toEqual(['a', 'b.c']);
  });
});

import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './formatDateTime';
import { formatProfileValue } from './formatProfileValue';

describe('formatProfileValue', () => {
  it('shows durations in minutes, under a minute as 1분 / 1 min', () => {
    expect(formatProfileValue('waitingTime', 'Duration', 20_000, 'ko')).toBe('1분');
    expect(formatProfileValue('operationResolutionTime', 'Duration', 65 * 60_000, 'en')).toBe('1 h 5 min');
  });

  it("shows datetimes and dates in the browser's locale", () => {
    expect(formatProfileValue('closedAt', 'Datetime', 1700000000000, 'ko')).toBe(formatDateTime(1700000000000));
    expect(formatProfileValue('profile.deliveryDate', 'Date', '2024-02-29', 'en')).toBe(formatDate('2024-02-29'));
    expect(formatDate('2024-02-29')).toMatch(/29/);
  });

  it('joins lists, names booleans and the chat state, and marks empty values', () => {
    expect(formatProfileValue('tags', 'List', ['배송', 'VIP'], 'ko')).toBe('배송, VIP');
    expect(formatProfileValue('profile.vip', 'Boolean', true, 'ko')).toBe('예');
    expect(formatProfileValue('state', 'String', 'closed', 'en')).toBe('Closed');
    expect(formatProfileValue('goalState', 'String', undefined, 'en')).toBe('—');
    expect(formatProfileValue('goalState', 'String', 'not_achieved', 'en')).toBe('Not achieved');
    expect(formatProfileValue('goalState', 'String', 'achieved', 'ko')).toBe('달성');
    expect(formatProfileValue('state', 'String', 'opened', 'ja')).toBe('対応中');
    expect(formatProfileValue('profile.vip', 'Boolean', false, 'ja')).toBe('いいえ');
    expect(formatProfileValue('profile.amount', 'Number', 12345, 'ja')).toBe('12,345');
    expect(formatProfileValue('tags', 'List', [], 'en')).toBe('—');
  });

  it("names the CSAT score's face", () => {
    expect(formatProfileValue('profile.csat', 'Number', 5, 'ko')).toBe('5 · 매우 만족');
    expect(formatProfileValue('profile.csat', 'Number', 1, 'en')).toBe('1 · Very dissatisfied');
    expect(formatProfileValue('profile.csat', 'Number', 4, 'ja')).toBe('4 · 満足');
  });
});

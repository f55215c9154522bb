import { describe, expect, it } from 'vitest';
import { formatUserValue } from './formatUserValue';

describe('formatUserValue', () => {
  it.each([
    [['linen', 'wool'], 'en', 'linen, wool'],
    [[95, 100], 'en', '95, 100'],
    [[], 'en', '—'],
    [null, 'ko', '—'],
    ['', 'en', '—'],
    [true, 'ko', '예'],
    [false, 'en', 'No'],
    [1042, 'en', '1042'],
    ['Mina', 'en', 'Mina'],
  ] as const)('shows %j in %s as %j', (value, language, shown) => {
    expect(formatUserValue(value as never, language)).toBe(shown);
  });
});

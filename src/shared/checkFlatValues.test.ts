import { describe, expect, it, vi } from 'vitest';
import { isFlatValue, keepFlatValues } from './checkFlatValues';

describe('flat values of a user profile or an event', () => {
  it.each([
    ['a string of 1000 characters', 'x'.repeat(1000), true, true],
    ['a string of 1001 characters', 'x'.repeat(1001), false, false],
    ['1000 emoji (counted as characters)', '😀'.repeat(1000), true, true],
    ['a finite number', 42.5, true, true],
    ['NaN', NaN, false, false],
    ['Infinity', Infinity, false, false],
    ['a boolean', false, true, true],
    ['null', null, true, true],
    ['a nested object', { a: 1 }, false, false],
    ['a list of strings', ['linen', 'wool'], true, false],
    ['a list of numbers', [95, 100], true, false],
    ['an empty list', [], true, false],
    ['a list of 31 items', Array.from({ length: 31 }, (_, i) => i), false, false],
    ['a list with a string of 201 characters', ['x'.repeat(201)], false, false],
    ['a list holding null', ['a', null], false, false],
    ['a list holding a boolean', [true], false, false],
    ['a list of lists', [['a']], false, false],
  ])('%s: storable in a user profile %s, in event properties %s', (_name, value, inProfile, inEvent) => {
    expect(isFlatValue(value, true)).toBe(inProfile);
    expect(isFlatValue(value, false)).toBe(inEvent);
  });

  it('keeps what it can store, skips undefined as JSON would, and names each key it refuses', () => {
    const refuse = vi.fn();
    const kept = keepFlatValues(
      { name: 'Mina', gone: undefined, bio: 'x'.repeat(1001), ['__proto__']: 'x', '': 1, ['k'.repeat(65)]: 1, likes: ['a'] },
      { maxKeys: 50, lists: true },
      refuse,
    );
    expect(kept).toEqual({ name: 'Mina', likes: ['a'] });
    expect(refuse.mock.calls.map(([key]) => key)).toEqual(['bio', '__proto__', '', 'k'.repeat(65)]);
  });

  it('keeps at most maxKeys keys and refuses the rest', () => {
    const refuse = vi.fn();
    expect(keepFlatValues({ a: 1, b: 2, c: 3 }, { maxKeys: 2 }, refuse)).toEqual({ a: 1, b: 2 });
    expect(refuse).toHaveBeenCalledWith('c');
  });
});

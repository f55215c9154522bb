import { describe, expect, it } from 'vitest';
import { median, quantile, spread, summarize } from '../bench/stats.mjs';

describe('bench statistics', () => {
  it('takes the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates quartiles linearly between neighbouring ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([10, 20], 0)).toBe(10);
    expect(quantile([10, 20], 1)).toBe(20);
  });

  it('reports extremes, quartiles and the interquartile range', () => {
    expect(spread([5, 1, 4, 2, 3])).toEqual({ min: 1, max: 5, p25: 2, p75: 4, iqr: 2 });
  });

  it('gives a single value as its own median with no spread', () => {
    expect(summarize([7])).toEqual({ n: 1, median: 7, min: 7, max: 7, p25: 7, p75: 7, iqr: 0 });
  });

  it('ignores rounds that measured nothing and returns nulls when none did', () => {
    expect(summarize([null, 10, undefined, 20, NaN])).toEqual({ n: 2, median: 15, min: 10, max: 20, p25: 12.5, p75: 17.5, iqr: 5 });
    expect(summarize([null])).toEqual({ n: 0, median: null, min: null, max: null, p25: null, p75: null, iqr: null });
  });

  it('does not reorder the array it is given', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

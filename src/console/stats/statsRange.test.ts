import { describe, expect, it } from 'vitest';
import { daysOfMillis, presetDays, rangeMillis, withDay } from './statsRange';

// A Monday afternoon, in the browser's own time zone.
const NOW = new Date(2026, 10, 23, 15, 30);

describe('the statistics period', () => {
  it('turns each preset into calendar days ending today', () => {
    expect(presetDays('today', NOW)).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    expect(presetDays('last7', NOW)).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(presetDays('last30', NOW)).toEqual({ from: '2026-10-25', to: '2026-11-23' });
    expect(presetDays('thisMonth', NOW)).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(presetDays('last7', new Date(2026, 2, 3, 1))).toEqual({ from: '2026-02-25', to: '2026-03-03' });
  });

  it('asks the API for the first day’s midnight up to before the midnight after the last day', () => {
    expect(rangeMillis({ from: '2026-11-23', to: '2026-11-23' })).toEqual({
      from: new Date(2026, 10, 23).getTime(),
      to: new Date(2026, 10, 24).getTime(),
    });
    expect(rangeMillis({ from: '2026-11-30', to: '2026-12-31' }).to).toBe(new Date(2027, 0, 1).getTime());
  });

  it('shows the days of a range the other way round, its end exclusive', () => {
    const { from, to } = rangeMillis({ from: '2026-11-17', to: '2026-11-23' });
    expect(daysOfMillis(from, to)).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(daysOfMillis(undefined, to)).toEqual({ from: undefined, to: '2026-11-23' });
  });

  it('keeps a typed day only when it exists, and moves the other end rather than cross it', () => {
    const range = { from: '2026-11-01', to: '2026-11-05' };
    expect(withDay(range, 'to', '2026-11-09')).toEqual({ from: '2026-11-01', to: '2026-11-09' });
    expect(withDay(range, 'from', '2026-11-09')).toEqual({ from: '2026-11-09', to: '2026-11-09' });
    expect(withDay(range, 'to', '2026-10-20')).toEqual({ from: '2026-10-20', to: '2026-10-20' });
    expect(withDay(range, 'to', '2026-02-30')).toBe(range);
    expect(withDay(range, 'to', '')).toBe(range);
  });
});

import { describe, expect, it } from 'vitest';
import { formatDuration } from './formatDuration';

const MIN = 60_000;

describe('formatDuration', () => {
  it.each([
    [0, '1분', '1 min'],
    [59_999, '1분', '1 min'],
    [MIN, '1분', '1 min'],
    [3 * MIN + 59_000, '3분', '3 min'],
    [59 * MIN, '59분', '59 min'],
    [60 * MIN, '1시간', '1 h'],
    [65 * MIN, '1시간 5분', '1 h 5 min'],
    [24 * 60 * MIN, '1일', '1 d'],
    [(26 * 60 + 5) * MIN, '1일 2시간 5분', '1 d 2 h 5 min'],
    [(50 * 60 + 0) * MIN, '2일 2시간', '2 d 2 h'],
  ])('shows %i ms as "%s" in Korean and "%s" in English', (ms, ko, en) => {
    expect(formatDuration(ms, 'ko')).toBe(ko);
    expect(formatDuration(ms, 'en')).toBe(en);
  });

  it('shows durations in Japanese units', () => {
    expect(formatDuration(20_000, 'ja')).toBe('1分');
    expect(formatDuration(65 * MIN, 'ja')).toBe('1時間 5分');
    expect(formatDuration((26 * 60 + 5) * MIN, 'ja')).toBe('1日 2時間 5分');
  });

  it('shows anything under one minute as one minute, as the original inbox does', () => {
    expect(formatDuration(1, 'ko')).toBe('1분');
    expect(formatDuration(30_000, 'en')).toBe('1 min');
  });
});

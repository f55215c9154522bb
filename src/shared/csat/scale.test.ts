import { describe, expect, it } from 'vitest';
import { isOnScale, scaleOptions, scaleScores, type Scale } from './scale';

describe('the survey scales', () => {
  it.each([
    [2, [1, 5]],
    [3, [1, 3, 5]],
    [5, [1, 2, 3, 4, 5]],
  ] as const)('a %i-point scale stores %j, worst first', (scale, scores) => {
    expect(scaleScores(scale)).toEqual(scores);
  });

  it.each([
    [2, 0, 1], [2, 1, 5],
    [3, 0, 1], [3, 1, 3], [3, 2, 5],
    [5, 0, 1], [5, 1, 2], [5, 2, 3], [5, 3, 4], [5, 4, 5],
  ] as const)('on a %i-point scale, option %i stores score %i', (scale, index, score) => {
    expect(scaleOptions(scale as Scale, 'en')[index].score).toBe(score);
  });

  it('refuses scores that are not options of the scale', () => {
    expect(isOnScale(2, 3)).toBe(false);
    expect(isOnScale(3, 2)).toBe(false);
    expect(isOnScale(3, 4)).toBe(false);
    expect(isOnScale(5, 6)).toBe(false);
    expect(isOnScale(5, 0)).toBe(false);
    expect(isOnScale(5, '5')).toBe(false);
    expect(isOnScale(5, 4)).toBe(true);
  });

  it('names every face in Korean, English and Japanese, from 매우 불만족 to 매우 만족', () => {
    expect(scaleOptions(5, 'ko').map((o) => o.label)).toEqual(['매우 불만족', '불만족', '보통', '만족', '매우 만족']);
    expect(scaleOptions(2, 'en').map((o) => o.label)).toEqual(['Very dissatisfied', 'Very satisfied']);
    expect(scaleOptions(3, 'ja').map((o) => o.label)).toEqual(['とても不満', '普通', 'とても満足']);
  });
});

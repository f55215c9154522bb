import { describe, expect, it } from 'vitest';
import { matchLanguage } from './matchLanguage';

describe('matchLanguage', () => {
  it.each([
    ['ko', 'ko'], ['ko-KR', 'ko'], ['KO', 'ko'], ['ko_KR', 'ko'], [' ja-JP ', 'ja'], ['ja', 'ja'],
    ['en-US', 'en'], ['en', 'en'], ['zh', 'en'], ['zh-Hant-TW', 'en'], ['kok', 'en'], ['jv', 'en'], ['', 'en'], ['x-klingon', 'en'],
  ])('reads %j as %j', (tag, language) => {
    expect(matchLanguage(tag)).toBe(language);
  });
});

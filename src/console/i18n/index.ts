import { en } from './en';
import { ko } from './ko';
import type { ConsoleLanguage, ConsoleStrings } from './types';

export type { ConsoleLanguage, ConsoleStrings } from './types';

export const LANGUAGES: readonly ConsoleLanguage[] = ['ko', 'en'];
const byLanguage: Record<ConsoleLanguage, ConsoleStrings> = { ko, en };

export const stringsFor = (language: ConsoleLanguage): ConsoleStrings => byLanguage[language];

/**
 * The console's language from the browser's preferences: Korean when it comes first, else English.
 * @example detectLanguage(['ko-KR', 'en']) // 'ko'
 */
export function detectLanguage(preferred: readonly string[]): ConsoleLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ko' || base === 'en') return base;
  }
  return 'en';
}

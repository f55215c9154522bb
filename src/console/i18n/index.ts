import { en } from './en';
import { ja } from './ja';
import { ko } from './ko';
import type { ConsoleLanguage, ConsoleStrings } from './types';

export type { ConsoleLanguage, ConsoleStrings } from './types';

export const LANGUAGES: readonly ConsoleLanguage[] = ['ko', 'en', 'ja'];
const byLanguage: Record<ConsoleLanguage, ConsoleStrings> = { ko, en, ja };

export const stringsFor = (language: ConsoleLanguage): ConsoleStrings => byLanguage[language];

/**
 * The console's language from the browser's preferences: the first of them the console speaks
 * (Korean, English or Japanese, by the tag's primary language), else English.
 * @example detectLanguage(['ko-KR', 'en']) // 'ko'
 * @example detectLanguage(['ja-JP', 'en']) // 'ja'
 */
export function detectLanguage(preferred: readonly string[]): ConsoleLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as readonly string[]).indexOf(base) >= 0) return base as ConsoleLanguage;
  }
  return 'en';
}

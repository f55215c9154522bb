import type { Language } from './types';

/**
 * The widget's language closest to a BCP 47 tag (`'ko-KR'`, `'ja'`, `'zh-Hant-TW'`,
 * `navigator.language`, any case): Korean or Japanese by the primary subtag, English for every
 * other. The SDK and the server both read a customer's language through it.
 * @example matchLanguage('ko-KR') // 'ko'
 */
export function matchLanguage(tag: string): Language {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'ko' || primary === 'ja' ? primary : 'en';
}

import { csat as en } from '../shared/i18n/en';
import { csat as ja } from '../shared/i18n/ja';
import { csat as ko } from '../shared/i18n/ko';
import type { CsatStrings } from '../shared/i18n/types';
import type { Language } from '../shared/types';

const byLanguage: Record<Language, CsatStrings> = { en, ja, ko };

/** The survey form's strings in the customer's language, English when the language is unknown. */
export const csatStrings = (language: Language): CsatStrings => byLanguage[language] || en;

import type { Language } from '../shared/types';
import type { MessengerStrings } from '../shared/i18n/types';
import { messenger as en } from '../shared/i18n/en';
import { messenger as ja } from '../shared/i18n/ja';
import { messenger as ko } from '../shared/i18n/ko';

const byLanguage: Record<Language, MessengerStrings> = { en, ja, ko };

/** The messenger's strings in the user's language, English when the language is unknown. */
export const stringsFor = (language: Language): MessengerStrings => byLanguage[language] || en;

import type { UserProfileValue } from '../../shared/types';
import { stringsFor, type ConsoleLanguage } from '../i18n';

/**
 * One value of a customer's own profile as the console shows it: lists joined with commas,
 * booleans as yes/no, nothing (null, empty) as a dash. Numbers stay as written (member numbers,
 * years), with no grouping.
 * @example formatUserValue(['linen', 'wool'], 'en') // "linen, wool"
 */
export function formatUserValue(value: UserProfileValue | undefined, language: ConsoleLanguage): string {
  const t = stringsFor(language);
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return t.empty;
  if (Array.isArray(value)) return (value as (string | number)[]).join(', ');
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  return String(value);
}

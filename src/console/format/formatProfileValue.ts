import { SCORE_LABELS, type Score } from '../../shared/csat/scale';
import type { BuiltInType } from '../../shared/profile/fields';
import type { ChatState, ProfileValue } from '../../shared/types';
import { stringsFor, type ConsoleLanguage } from '../i18n';
import { formatDate, formatDateTime } from './formatDateTime';
import { formatDuration } from './formatDuration';

const isScore = (value: unknown): value is Score => value === 1 || value === 2 || value === 3 || value === 4 || value === 5;

/**
 * One chat-profile value as the profile panel shows it, by the field's type: durations in minutes,
 * datetimes and dates in the browser's locale, lists joined, booleans as yes/no. A value of the
 * wrong type is shown as text rather than hidden.
 * @example formatProfileValue('waitingTime', 'Duration', 30_000, 'ko') // "1분"
 */
export function formatProfileValue(key: string, type: BuiltInType, value: ProfileValue | undefined, language: ConsoleLanguage): string {
  const t = stringsFor(language);
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return t.empty;
  if (key === 'state' && typeof value === 'string') return t.states[value as ChatState] ?? value;
  if (key === 'goalState' && typeof value === 'string') return t.goalStates[value as keyof typeof t.goalStates] ?? value;
  if (key === 'profile.csat' && isScore(value)) return `${value} · ${SCORE_LABELS[language][value]}`;
  if (Array.isArray(value)) return value.join(', ');
  switch (type) {
    case 'Duration':
      return typeof value === 'number' ? formatDuration(value, language) : String(value);
    case 'Datetime':
      return typeof value === 'number' ? formatDateTime(value) : String(value);
    case 'Date':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'Boolean':
      return value === true ? t.yes : value === false ? t.no : String(value);
    case 'Number':
      return typeof value === 'number' ? new Intl.NumberFormat(language).format(value) : String(value);
    default:
      return String(value);
  }
}

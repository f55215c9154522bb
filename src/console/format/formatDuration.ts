import { stringsFor, type ConsoleLanguage } from '../i18n';

const MINUTE = 60_000;

/**
 * A response-time metric (milliseconds) as the inbox shows it: whole minutes, hours and days,
 * and anything under one minute as one minute (the original product does the same).
 * @example formatDuration(65 * 60_000, 'ko') // "1시간 5분"
 * @example formatDuration(20_000, 'en') // "1 min"
 */
export function formatDuration(ms: number, language: ConsoleLanguage): string {
  const units = stringsFor(language).duration;
  const total = Math.max(1, Math.floor(ms / MINUTE));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts: string[] = [];
  if (days) parts.push(units.day(days));
  if (hours) parts.push(units.hour(hours));
  if (minutes) parts.push(units.minute(minutes));
  return parts.join(' ');
}

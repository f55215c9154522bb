/**
 * A timestamp (ms) in the browser's own locale and time zone, date and time.
 * @example formatDateTime(1700000000000) // "Nov 14, 2023, 10:13 PM" in en-US
 */
export const formatDateTime = (time: number): string =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(time);

/** A calendar day `YYYY-MM-DD` in the browser's locale, without shifting it by the time zone. */
export function formatDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** A message's time: the clock for today, else the date too. */
export function formatMessageTime(time: number, now = Date.now()): string {
  const sameDay = new Date(time).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(undefined, sameDay ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' }).format(time);
}

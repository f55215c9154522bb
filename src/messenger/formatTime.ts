const MINUTE = 60e3;
const STEPS = [
  [60 * MINUTE, MINUTE, 'minute'],
  [24 * 60 * MINUTE, 60 * MINUTE, 'hour'],
  [7 * 24 * 60 * MINUTE, 24 * 60 * MINUTE, 'day'],
] as const;

/** Clock time of a message, e.g. "3:04 PM" / "오후 3:04". */
export const clockTime = (time: number, language: string): string =>
  new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(time);

/**
 * How long ago, for the chat list: "now", "5 minutes ago", "yesterday", then a date.
 * @example timeAgo(Date.now() - 120e3, 'en') // "2 minutes ago"
 */
export function timeAgo(time: number, language: string, now = Date.now()): string {
  const elapsed = Math.max(0, now - time);
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (elapsed < MINUTE) return relative.format(0, 'second');
  for (const [below, unit, name] of STEPS) {
    if (elapsed < below) return relative.format(-Math.floor(elapsed / unit), name);
  }
  return new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric' }).format(time);
}

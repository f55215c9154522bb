/**
 * A channel's operating hours: a time zone and, per weekday, the intervals it is open. Used for the
 * survey's operating-hours filter and the `operation…` response-time metrics.
 */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** `HH:MM` from 00:00; an end may be `24:00`. An interval never crosses midnight: split it in two. */
export type Interval = { start: string; end: string };

export interface OperatingHours {
  /** IANA time zone, e.g. `Asia/Seoul`. */
  timeZone: string;
  weekly: Record<Weekday, Interval[]>;
}

/** Open around the clock, every day: what a channel has until a manager sets its hours. */
export const ALWAYS_OPEN: OperatingHours = {
  timeZone: 'UTC',
  weekly: { sun: [{ start: '00:00', end: '24:00' }], mon: [{ start: '00:00', end: '24:00' }], tue: [{ start: '00:00', end: '24:00' }], wed: [{ start: '00:00', end: '24:00' }], thu: [{ start: '00:00', end: '24:00' }], fri: [{ start: '00:00', end: '24:00' }], sat: [{ start: '00:00', end: '24:00' }] },
};

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || !zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks operating hours as a manager sends them.
 * @example validateOperatingHours({ timeZone: 'Asia/Seoul', weekly: { mon: [{ start: '09:00', end: '18:00' }], … } })
 */
export function validateOperatingHours(input: unknown): { ok: true; hours: OperatingHours } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  if (typeof input !== 'object' || input === null) return fail('body: must be an object { timeZone, weekly }');
  const { timeZone, weekly } = input as Record<string, unknown>;
  if (!isTimeZone(timeZone)) return fail('timeZone: must be an IANA time zone such as Asia/Seoul');
  if (typeof weekly !== 'object' || weekly === null) return fail('weekly: must be an object with sun … sat');
  const out = {} as Record<Weekday, Interval[]>;
  for (const key of Object.keys(weekly)) if (WEEKDAYS.indexOf(key as Weekday) < 0) return fail(`weekly.${key}: is not a weekday (sun, mon, tue, wed, thu, fri, sat)`);
  for (const day of WEEKDAYS) {
    const list = (weekly as Record<string, unknown>)[day] ?? [];
    if (!Array.isArray(list) || list.length > 6) return fail(`weekly.${day}: must be an array of at most 6 intervals`);
    let previousEnd = -1;
    for (let i = 0; i < list.length; i++) {
      const item = list[i] as Interval;
      const name = `weekly.${day}[${i}]`;
      if (!item || !TIME.test(item.start) || item.start === '24:00' || !TIME.test(item.end)) return fail(`${name}: start and end must be HH:MM (end may be 24:00)`);
      if (minutes(item.end) <= minutes(item.start)) return fail(`${name}: end must be after start (split intervals that cross midnight)`);
      if (minutes(item.start) < previousEnd) return fail(`${name}: must start after the previous interval ends`);
      previousEnd = minutes(item.end);
    }
    out[day] = (list as Interval[]).map((i) => ({ start: i.start, end: i.end }));
  }
  return { ok: true, hours: { timeZone, weekly: out } };
}

// Building an Intl.DateTimeFormat costs far more than formatting with one, and every message
// remeasures its chat through here: one formatter per time zone, made once.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date and time of an instant in a time zone. */
function wallClock(time: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const p of formatterOf(timeZone).formatToParts(time)) parts[p.type] = p.value;
  return { y: +parts.year, m: +parts.month, d: +parts.day, weekday: parts.weekday.toLowerCase().slice(0, 3) as Weekday, minute: +parts.hour * 60 + +parts.minute, second: +parts.second };
}

/** The instant at which the wall clock of `timeZone` shows `minute` minutes into day y-m-d. */
function instantOf(y: number, m: number, d: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(y, m - 1, d, 0, minute);
  const offsetAt = (t: number) => {
    const w = wallClock(t, timeZone);
    return Date.UTC(w.y, w.m - 1, w.d, 0, w.minute, w.second) - Math.floor(t / 1000) * 1000;
  };
  const first = guess - offsetAt(guess);
  return guess - offsetAt(first); // once more, for a change of offset (summer time) in between
}

export function isWithinOperatingHours(hours: OperatingHours, time: number): boolean {
  const w = wallClock(time, hours.timeZone);
  return hours.weekly[w.weekday].some((i) => w.minute >= minutes(i.start) && w.minute < minutes(i.end));
}

/** Open 00:00–24:00 every day, in whatever zone: every instant is within the hours. */
const isAlwaysOpen = (hours: OperatingHours) =>
  WEEKDAYS.every((day) => hours.weekly[day]?.some((i) => i.start === '00:00' && i.end === '24:00'));

/**
 * Milliseconds between `from` and `to` that fall within operating hours.
 * @example operatingMillisBetween(hours, chat.openedAt, firstReplyAt)
 */
export function operatingMillisBetween(hours: OperatingHours, from: number, to: number): number {
  if (!(to > from)) return 0;
  if (isAlwaysOpen(hours)) return to - from; // the default hours: no calendar walk needed
  let total = 0;
  let cursor = wallClock(from, hours.timeZone);
  // Walk day by day in the channel's zone; a chat rarely spans many days, and 400 is a year.
  for (let day = 0; day < 400; day++) {
    const date = new Date(Date.UTC(cursor.y, cursor.m - 1, cursor.d + day));
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const dayStart = instantOf(y, m, d, 0, hours.timeZone);
    if (dayStart >= to) break;
    for (const interval of hours.weekly[WEEKDAYS[date.getUTCDay()]]) {
      const start = Math.max(from, instantOf(y, m, d, minutes(interval.start), hours.timeZone));
      const end = Math.min(to, instantOf(y, m, d, minutes(interval.end), hours.timeZone));
      if (end > start) total += end - start;
    }
  }
  return total;
}

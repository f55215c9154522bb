/**
 * The period the statistics page reads: a preset or two calendar days chosen by hand, in the
 * browser's time zone. Days are inclusive on screen; the API gets `from ≤ t < to` in ms, so `to`
 * is the midnight that ends the last day.
 */
export const PRESETS = ['today', 'last7', 'last30', 'thisMonth', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** `YYYY-MM-DD`, both days included. */
export interface DayRange {
  from: string;
  to: string;
}

export const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day of a local date. */
export const dayOf = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Local midnight at the start of a day, `shift` days later. */
function midnight(day: string, shift = 0): number {
  const [, y, m, d] = DAY.exec(day)!;
  return new Date(Number(y), Number(m) - 1, Number(d) + shift).getTime();
}

/**
 * @example presetDays('last7', new Date(2026, 10, 23, 15)) // { from: '2026-11-17', to: '2026-11-23' }
 */
export function presetDays(preset: Exclude<Preset, 'custom'>, now: Date): DayRange {
  const today = dayOf(now);
  const back = (days: number) => dayOf(new Date(now.getFullYear(), now.getMonth(), now.getDate() - days));
  if (preset === 'today') return { from: today, to: today };
  if (preset === 'last7') return { from: back(6), to: today };
  if (preset === 'last30') return { from: back(29), to: today };
  return { from: dayOf(new Date(now.getFullYear(), now.getMonth(), 1)), to: today };
}

/** The instants the API reads: the first day's midnight, and the midnight after the last day. */
export const rangeMillis = ({ from, to }: DayRange): { from: number; to: number } => ({ from: midnight(from), to: midnight(to, 1) });

/** The days a `from`/`to` pair of instants covers (`to` exclusive), for a filter chip. */
export const daysOfMillis = (from: number | undefined, to: number | undefined): Partial<DayRange> => ({
  from: from === undefined ? undefined : dayOf(new Date(from)),
  to: to === undefined ? undefined : dayOf(new Date(to - 1)),
});

/**
 * A day typed into one end: kept when it is a real day; the other end follows when they would cross.
 * @example withDay({ from: '2026-11-01', to: '2026-11-05' }, 'from', '2026-11-09') // { from: '2026-11-09', to: '2026-11-09' }
 */
export function withDay(range: DayRange, end: keyof DayRange, day: string): DayRange {
  const parts = DAY.exec(day);
  if (!parts || dayOf(new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]))) !== day) return range;
  const next = { ...range, [end]: day };
  if (next.from > next.to) next[end === 'from' ? 'to' : 'from'] = day;
  return next;
}

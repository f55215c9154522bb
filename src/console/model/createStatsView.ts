import { computed, signal } from '@preact/signals';
import type { CsatStats, DimensionStats, StatsDimension } from '../../shared/managerApi';
import type { Api } from '../api/createApi';
import { presetDays, rangeMillis, withDay, type DayRange, type Preset } from '../stats/statsRange';
import type { ChatFilter } from './chatFilter';
import { createLoader } from './createLoader';
import { NO_FILTER } from './chatFilter';

export type StatsView = ReturnType<typeof createStatsView>;

/**
 * The statistics page: its period (a preset or two days), the dimension of the breakdown, and
 * what both load — the survey figures (surveys sent in the period) and the breakdown (chats
 * created in it). `rangeKey` and `breakdownKey` change when a reload is due.
 */
export function createStatsView(api: Api, now: () => Date = () => new Date()) {
  const preset = signal<Preset>('last30');
  const days = signal<DayRange>(presetDays('last30', now()));
  const by = signal<StatsDimension>('product');
  const millis = computed(() => rangeMillis(days.value));
  const rangeKey = computed(() => `from=${millis.value.from}&to=${millis.value.to}`);
  const breakdownKey = computed(() => `by=${encodeURIComponent(by.value)}&${rangeKey.value}`);
  const csat = createLoader(() => api.get<CsatStats>(`/csat-stats?${rangeKey.peek()}`));
  const breakdown = createLoader(() => api.get<DimensionStats>(`/stats?${breakdownKey.peek()}`));

  function choosePreset(next: Preset) {
    preset.value = next;
    if (next !== 'custom') days.value = presetDays(next, now());
  }

  /** A day typed by hand makes the period custom. */
  function chooseDay(end: keyof DayRange, day: string) {
    const next = withDay(days.peek(), end, day);
    if (next === days.peek()) return;
    preset.value = 'custom';
    days.value = next;
  }

  /** The inbox filters that list the chats behind one row of the breakdown. */
  function rowFilter(dimension: StatsDimension, value: string): ChatFilter {
    const { from, to } = millis.peek();
    const range = { from: String(from), to: String(to) };
    if (dimension === 'product') return { ...NO_FILTER, product: value, ...range };
    if (dimension === 'page') return { ...NO_FILTER, sourcePage: value, ...range };
    if (dimension === 'tag') return { ...NO_FILTER, tag: value, ...range };
    if (dimension === 'assignee') return { ...NO_FILTER, assignee: value, ...range };
    return { ...NO_FILTER, field: dimension.slice('field:'.length), value, ...range };
  }

  return {
    preset,
    days,
    by,
    rangeKey,
    breakdownKey,
    csat,
    breakdown,
    choosePreset,
    chooseDay,
    chooseBy: (next: StatsDimension) => (by.value = next),
    rowFilter,
  };
}

import { useLayoutEffect, useRef } from 'preact/hooks';
import { fieldName } from '../../shared/profile/fields';
import { useConsole } from '../context';
import { formatDate } from '../format/formatDateTime';
import type { ChatFilter } from '../model/chatFilter';
import { inboxHref } from '../model/createRouter';
import { daysOfMillis } from '../stats/statsRange';

interface Chip {
  label: string;
  clear: Partial<ChatFilter>;
}

/**
 * The filters a statistics figure opened the inbox with (product, source page, field value,
 * creation period), each a chip whose button removes it. The focus then moves to the next chip's
 * button, else the previous one, else the inbox heading, rather than falling to the page.
 */
export function FigureFilters() {
  const c = useConsole();
  const list = useRef<HTMLUListElement>(null);
  /** The place of the chip just removed, until the filters without it are shown. */
  const removed = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = removed.current;
    if (at === null) return;
    removed.current = null;
    const buttons = list.current?.querySelectorAll('button');
    (buttons?.[at] || buttons?.[at - 1] || document.getElementById('inbox-title'))?.focus();
  });
  const t = c.t.value;
  const language = c.language.value.value;
  const { filter, chatId } = c.router.route.value;
  const chips: Chip[] = [];
  if (filter.product) chips.push({ label: `${t.dimensions.product}: ${filter.product}`, clear: { product: undefined } });
  if (filter.sourcePage) chips.push({ label: `${t.dimensions.page}: ${filter.sourcePage}`, clear: { sourcePage: undefined } });
  if (filter.field && filter.value) {
    const field = c.schema.fields.value.find((f) => f.key === filter.field);
    chips.push({ label: `${field ? fieldName(field, language) : filter.field}: ${filter.value}`, clear: { field: undefined, value: undefined } });
  }
  if (filter.from || filter.to) {
    const days = daysOfMillis(filter.from ? Number(filter.from) : undefined, filter.to ? Number(filter.to) : undefined);
    chips.push({ label: t.createdFilter(days.from ? formatDate(days.from) : '', days.to ? formatDate(days.to) : ''), clear: { from: undefined, to: undefined } });
  }
  if (!chips.length) return null;
  const remove = (at: number, clear: Partial<ChatFilter>) => {
    removed.current = at;
    c.router.navigate(inboxHref(chatId, { ...filter, ...clear }), true);
  };
  return (
    <ul class="figure-filters" aria-label={t.figureFilters} ref={list}>
      {chips.map((chip, at) => (
        <li key={chip.label} class="chip">
          <span>{chip.label}</span>
          <button type="button" aria-label={t.removeFilter(chip.label)} onClick={() => remove(at, chip.clear)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

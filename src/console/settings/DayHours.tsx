import type { Interval, Weekday } from '../../shared/operatingHours';
import { useConsole } from '../context';

const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]|24:00';

type Change = (change: (current: Interval[]) => Interval[]) => void;

/** One weekday's opening intervals as HH:MM pairs (an end may be 24:00); none means closed. */
export function DayHours({ day, intervals, onChange }: { day: Weekday; intervals: Interval[]; onChange: Change }) {
  const c = useConsole();
  const t = c.t.value;
  const name = t.weekdays[day];
  const set = (index: number, patch: Partial<Interval>) => onChange((list) => list.map((old, i) => (i === index ? { ...old, ...patch } : old)));
  const add = (list: Interval[]) => {
    const last = list[list.length - 1];
    return [...list, last ? { start: last.end === '24:00' ? '23:00' : last.end, end: '24:00' } : { start: '09:00', end: '18:00' }];
  };
  return (
    <fieldset class="day">
      <legend>{name}</legend>
      {!intervals.length && <span class="hint">{t.closedDay}</span>}
      {intervals.map((interval, index) => (
        <div key={index} class="row interval">
          <label>
            <span>{t.opens}</span>
            <input class="time" inputMode="numeric" pattern={TIME} placeholder="09:00" value={interval.start} onInput={(e) => set(index, { start: e.currentTarget.value })} />
          </label>
          <label>
            <span>{t.closes}</span>
            <input class="time" inputMode="numeric" pattern={TIME} placeholder="18:00" value={interval.end} onInput={(e) => set(index, { end: e.currentTarget.value })} />
          </label>
          <button type="button" class="btn quiet" aria-label={t.removeHours(name, index + 1)} onClick={() => onChange((list) => list.filter((_, i) => i !== index))}>
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        class="btn quiet"
        disabled={intervals.length >= 6}
        onClick={() => onChange(add)}
      >
        {t.addHours(name)}
      </button>
    </fieldset>
  );
}

import { WEEKDAYS, type Interval, type Weekday } from '../../shared/operatingHours';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { ErrorText } from '../shell/ErrorText';
import { DayHours } from './DayHours';
import { SaveRow } from './SaveRow';

const zones = (): string[] => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
};

/** The channel's time zone and, per weekday, the hours it is open (none: closed that day). */
export function OperatingHoursForm() {
  const c = useConsole();
  const t = c.t.value;
  const { hours } = c;
  const value = hours.draft.value;
  const setDay = (day: Weekday, change: (current: Interval[]) => Interval[]) =>
    hours.update((current) => ({ ...current, weekly: { ...current.weekly, [day]: change(current.weekly[day] || []) } }));
  const onSubmit = guard((event: Event) => {
    event.preventDefault();
    return hours.save();
  });
  return (
    <section class="card" aria-labelledby="hours-title">
      <h2 id="hours-title">{t.hoursTitle}</h2>
      {!value ? (
        hours.status.value === 'error' ? <ErrorText error={hours.error.value} /> : <p>{t.loading}</p>
      ) : (
        <form class="form" onSubmit={onSubmit}>
          <label class="stack">
            <span>{t.timeZone}</span>
            <input list="time-zones" value={value.timeZone} onInput={(e) => hours.update((current) => ({ ...current, timeZone: e.currentTarget.value }))} />
          </label>
          <datalist id="time-zones">
            {zones().map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          {WEEKDAYS.map((day) => (
            <DayHours key={day} day={day} intervals={value.weekly[day] || []} onChange={(next) => setDay(day, next)} />
          ))}
          <SaveRow form={hours} />
        </form>
      )}
    </section>
  );
}

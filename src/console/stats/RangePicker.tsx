import { useConsole } from '../context';
import { PRESETS, type Preset } from './statsRange';

/** The period of every figure on the page: a preset, or two days typed or picked by hand. */
export function RangePicker() {
  const c = useConsole();
  const t = c.t.value;
  const view = c.statsView;
  const { from, to } = view.days.value;
  return (
    <fieldset class="card range">
      <legend>{t.period}</legend>
      <label>
        <span>{t.presetLabel}</span>
        <select value={view.preset.value} onChange={(e) => view.choosePreset(e.currentTarget.value as Preset)}>
          {PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t.presets[preset]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.fromDay}</span>
        <input type="date" value={from} max={to} required onChange={(e) => view.chooseDay('from', e.currentTarget.value)} />
      </label>
      <label>
        <span>{t.toDay}</span>
        <input type="date" value={to} min={from} required onChange={(e) => view.chooseDay('to', e.currentTarget.value)} />
      </label>
    </fieldset>
  );
}

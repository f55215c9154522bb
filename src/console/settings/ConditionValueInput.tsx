import { useState } from 'preact/hooks';
import { CONDITION_LIMITS, type ConditionValue } from '../../shared/conditions/index';
import { useConsole } from '../context';
import { fromText, toText, type ValueKind } from './conditionValue';

interface ConditionValueInputProps {
  kind: Exclude<ValueKind, 'none'>;
  value: ConditionValue | undefined;
  invalid: boolean;
  describedBy?: string;
  onChange: (value: ConditionValue) => void;
}

const INPUT_TYPES: Partial<Record<ValueKind, 'number' | 'date' | 'datetime-local'>> = { number: 'number', minutes: 'number', days: 'number', date: 'date', datetime: 'datetime-local' };

/**
 * The value of one condition, in the input that fits it: a number, minutes for a duration, days
 * for `withinDays`, a date, a local date and time, yes/no, or values separated by commas. The
 * text typed is kept while it means the stored value, so `1.50` or `a, ` is not rewritten under
 * the manager's cursor.
 */
export function ConditionValueInput({ kind, value, invalid, describedBy, onChange }: ConditionValueInputProps) {
  const t = useConsole().t.value;
  const [text, setText] = useState(() => toText(kind, value));
  const shown = JSON.stringify(fromText(kind, text)) === JSON.stringify(value) ? text : toText(kind, value);
  const label = t.conditionValues[kind];
  const aria = { 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
  if (kind === 'boolean')
    return (
      <label class="stack">
        <span>{label}</span>
        <select value={String(value === true)} {...aria} onChange={(e) => onChange(fromText(kind, e.currentTarget.value))}>
          <option value="true">{t.yes}</option>
          <option value="false">{t.no}</option>
        </select>
      </label>
    );
  return (
    <label class="stack">
      <span>{label}</span>
      <input
        // Preact types each input type's attributes apart; these three share the ones used here.
        type={(INPUT_TYPES[kind] ?? 'text') as 'text'}
        min={kind === 'days' ? 1 : kind === 'minutes' ? 0 : undefined}
        step={kind === 'days' ? 1 : kind === 'number' ? 'any' : undefined}
        maxLength={kind === 'text' || kind === 'ordered' ? CONDITION_LIMITS.value : undefined}
        value={shown}
        {...aria}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onChange(fromText(kind, e.currentTarget.value));
        }}
      />
    </label>
  );
}

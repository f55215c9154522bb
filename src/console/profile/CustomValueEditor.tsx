import type { ComponentChildren } from 'preact';
import { LIMITS } from '../../shared/limits';
import type { BuiltInType } from '../../shared/profile/fields';
import { validateValue } from '../../shared/profile/validateValue';
import type { ProfileValue } from '../../shared/types';
import { useConsole } from '../context';
import { ChipsInput } from '../shell/ChipsInput';

interface Props {
  fieldKey: string;
  type: BuiltInType;
  labelledBy: string;
  value: ProfileValue | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DDTHH:MM` on this browser's clock, as a datetime-local input holds it. */
const localDatetime = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** What an input's text means for a type: the value to send (null clears), or undefined when unreadable. */
function parse(type: BuiltInType, text: string): ProfileValue | null | undefined {
  if (text.trim() === '') return null;
  if (type === 'Number') return Number.isFinite(Number(text)) ? Number(text) : undefined;
  if (type === 'Datetime') return Number.isFinite(new Date(text).getTime()) ? new Date(text).getTime() : undefined;
  return text;
}

/**
 * A custom field's value, edited with the control its type calls for: a switch for Boolean, text,
 * number, date and date-time inputs, chips for a List. Each change is checked with the shared
 * validator first, then written through the Manager API, which checks it again.
 */
export function CustomValueEditor({ fieldKey, type, labelledBy, value }: Props) {
  const c = useConsole();
  const busy = c.chatView.busy.value;
  const save = (next: ProfileValue | null) => {
    const checked = validateValue(type, next);
    if (!checked.ok) {
      c.chatView.editError.value = new Error(`${fieldKey}: ${checked.rule}`);
      return;
    }
    void c.chatView.edit({ [fieldKey]: checked.value });
  };
  let control: ComponentChildren;
  if (type === 'Boolean') {
    control = (
      <input
        type="checkbox"
        role="switch"
        aria-labelledby={labelledBy}
        checked={value === true}
        disabled={busy}
        onChange={(event) => save(event.currentTarget.checked)}
      />
    );
  } else if (type === 'List') {
    control = (
      <ChipsInput
        labelledBy={labelledBy}
        values={Array.isArray(value) ? value : []}
        maxLength={LIMITS.chatListItem}
        onChange={(next) => save(next.length ? next : null)}
      />
    );
  } else {
    const kind: string = type === 'Number' || type === 'Duration' ? 'number' : type === 'Date' ? 'date' : type === 'Datetime' ? 'datetime-local' : 'text';
    const shown = value === undefined || value === null ? '' : type === 'Datetime' && typeof value === 'number' ? localDatetime(value) : String(value);
    control = (
      <input
        {...({ type: kind } as { type: 'text' })}
        aria-labelledby={labelledBy}
        value={shown}
        disabled={busy}
        maxLength={kind === 'text' ? LIMITS.profileValue : undefined}
        // Saved when the manager leaves the field or presses Enter, not at every key.
        onChange={(event) => {
          const next = parse(type, event.currentTarget.value);
          if (next === undefined) c.chatView.editError.value = new Error(`${fieldKey}: ${event.currentTarget.validationMessage || 'cannot be read'}`);
          else if (next !== (value ?? null)) save(next);
        }}
      />
    );
  }
  return <div class="custom-value">{control}</div>;
}

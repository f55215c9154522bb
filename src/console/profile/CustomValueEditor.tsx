import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { guard } from '../../browser/report';
import { LIMITS } from '../../shared/limits';
import type { BuiltInType } from '../../shared/profile/fields';
import { validateValue } from '../../shared/profile/validateValue';
import type { ProfileValue } from '../../shared/types';
import { useConsole } from '../context';
import { formatProfileValue } from '../format/formatProfileValue';
import { ChipsInput } from '../shell/ChipsInput';
import { useEditInPlace } from './useEditInPlace';

interface Props {
  fieldKey: string;
  /** A List field's allowed items: offered as checkboxes. */
  options?: string[];
  name: string;
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
  if (type === 'Boolean') return text === 'true';
  if (type === 'Number' || type === 'Duration') return Number.isFinite(Number(text)) ? Number(text) : undefined;
  if (type === 'Datetime') return Number.isFinite(new Date(text).getTime()) ? new Date(text).getTime() : undefined;
  return text;
}

const asText = (type: BuiltInType, value: ProfileValue | undefined): string =>
  value === undefined || value === null ? '' : type === 'Datetime' && typeof value === 'number' ? localDatetime(value) : String(value);

/**
 * A custom field's value: shown as text, edited in place with the control its type calls for (yes
 * or no for Boolean, text, number, date and date-time inputs, chips for a List). Each value is
 * checked with the shared validator first, then written through the Manager API, which checks it
 * again. Escape cancels; the focus comes back to the edit button.
 */
export function CustomValueEditor({ fieldKey, name, type, labelledBy, value, options }: Props) {
  const c = useConsole();
  const t = c.t.value;
  const draft = useSignal('');
  const { editing, control, editButton, stop, onKeyDown } = useEditInPlace<HTMLInputElement & HTMLSelectElement>();
  /** Checks and writes a value; true once the server has it. */
  const write = async (next: ProfileValue | null): Promise<boolean> => {
    const checked = validateValue(type, next);
    if (!checked.ok) {
      c.chatView.editError.value = new Error(`${fieldKey}: ${checked.rule}`);
      return false;
    }
    return !!(await c.chatView.edit({ [fieldKey]: checked.value }));
  };
  const save = guard(async (event: Event) => {
    event.preventDefault();
    const next = parse(type, draft.value);
    if (next === undefined) {
      c.chatView.editError.value = new Error(`${fieldKey}: ${control.current?.validationMessage || 'cannot be read'}`);
      return;
    }
    if (await write(next)) stop();
  });
  if (!editing.value) {
    return (
      <div class="custom-value">
        <span>{formatProfileValue(fieldKey, type, value, c.language.value.value)}</span>
        <button
          type="button"
          class="btn quiet icon-edit"
          ref={editButton}
          aria-label={`${t.edit}: ${name}`}
          onClick={() => ((draft.value = asText(type, value)), (editing.value = true))}
        />
      </div>
    );
  }
  let input: ComponentChildren;
  if (type === 'List' && options) {
    // Each box is saved as it is ticked, in the order the field's settings list the items.
    const held = Array.isArray(value) ? value : [];
    input = (
      <fieldset class="options" aria-labelledby={labelledBy}>
        {options.map((option, i) => (
          <label key={option}>
            <input
              ref={i === 0 ? control : undefined}
              type="checkbox"
              checked={held.indexOf(option) >= 0}
              onChange={(e) => {
                const next = options.filter((o) => (o === option ? e.currentTarget.checked : held.indexOf(o) >= 0));
                void write(next.length ? next : null);
              }}
            />
            {option}
          </label>
        ))}
      </fieldset>
    );
  } else if (type === 'List') {
    // Each chip is saved as it is added or removed, as the chat's tags are.
    input = (
      <ChipsInput
        labelledBy={labelledBy}
        values={Array.isArray(value) ? value : []}
        maxLength={LIMITS.chatListItem}
        onChange={(next) => void write(next.length ? next : null)}
      />
    );
  } else if (type === 'Boolean') {
    input = (
      <select ref={control} aria-labelledby={labelledBy} value={draft.value} onChange={(e) => (draft.value = e.currentTarget.value)}>
        <option value="">{t.empty}</option>
        <option value="true">{t.yes}</option>
        <option value="false">{t.no}</option>
      </select>
    );
  } else {
    const kind = type === 'Number' || type === 'Duration' ? 'number' : type === 'Date' ? 'date' : type === 'Datetime' ? 'datetime-local' : 'text';
    input = (
      <input
        ref={control}
        {...({ type: kind } as { type: 'text' })}
        aria-labelledby={labelledBy}
        value={draft.value}
        maxLength={kind === 'text' ? LIMITS.profileValue : undefined}
        onInput={(e) => (draft.value = e.currentTarget.value)}
      />
    );
  }
  return (
    <form class="custom-value editing" onSubmit={save} onKeyDown={onKeyDown}>
      {input}
      <div class="row">
        {type !== 'List' && (
          <button type="submit" class="btn primary" disabled={c.chatView.busy.value}>
            {t.save}
          </button>
        )}
        <button type="button" class="btn" onClick={stop}>
          {type === 'List' ? t.close : t.cancel}
        </button>
      </div>
    </form>
  );
}

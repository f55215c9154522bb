import { useSignal } from '@preact/signals';
import { FIELD_TYPES, type FieldType } from '../../shared/profile/fields';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import type { NameDraft } from '../model/createFieldEditor';
import { ErrorText } from '../shell/ErrorText';
import { NameInputs } from './NameInputs';

const EMPTY: NameDraft = { ko: '', en: '', ja: '' };

/** Adds a custom field: key, type and names; the server's refusal shows beside the form. */
export function AddFieldForm() {
  const c = useConsole();
  const t = c.t.value;
  const { fieldEditor } = c;
  const key = useSignal('');
  const type = useSignal<FieldType>('String');
  const names = useSignal<NameDraft>(EMPTY);
  const failure = fieldEditor.error.value?.target === 'new' ? fieldEditor.error.value.error : null;

  const onSubmit = guard(async (event: Event) => {
    event.preventDefault();
    if (await fieldEditor.add(key.value, type.value, names.value)) {
      key.value = '';
      names.value = EMPTY;
    }
  });

  return (
    <form class="add-field" onSubmit={onSubmit} aria-labelledby="add-field-title">
      <h3 id="add-field-title">{t.addField}</h3>
      <div class="grid">
        <label class="stack">
          <span>{t.key}</span>
          <input required maxLength={58} value={key.value} aria-describedby="key-hint" onInput={(e) => (key.value = e.currentTarget.value)} />
          <small id="key-hint" class="hint">
            {t.keyHint}
          </small>
        </label>
        <label class="stack">
          <span>{t.type}</span>
          <select value={type.value} onChange={(e) => (type.value = e.currentTarget.value as FieldType)}>
            {FIELD_TYPES.map((fieldType) => (
              <option key={fieldType} value={fieldType}>
                {fieldType}
              </option>
            ))}
          </select>
        </label>
        <NameInputs names={names} />
      </div>
      <ErrorText error={failure} />
      <button type="submit" class="btn primary" disabled={fieldEditor.busy.value}>
        {t.addField}
      </button>
    </form>
  );
}

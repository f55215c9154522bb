import { fieldName, type CustomField } from '../../shared/profile/fields';
import type { BuiltInFieldView } from '../api/types';
import { useConsole } from '../context';

interface ChatKeySelectProps {
  value: string;
  builtIns: readonly BuiltInFieldView[];
  fields: readonly CustomField[];
  /** The key is in the schema (else a field deleted since the rule was saved, offered as such). */
  known: boolean;
  /** The saved rule's report names this condition (GET csat-settings `problems`). */
  invalid: boolean;
  describedBy?: string;
  onChange: (key: string) => void;
}

/** The chat-profile key a condition reads: a built-in key or a custom field, by its name. */
export function ChatKeySelect({ value, builtIns, fields, known, invalid, describedBy, onChange }: ChatKeySelectProps) {
  const c = useConsole();
  const t = c.t.value;
  const language = c.language.value.value;
  const option = (field: { key: string; names: CustomField['names'] }) => (
    <option key={field.key} value={field.key}>
      {fieldName(field, language)} ({field.key})
    </option>
  );
  return (
    <label class="stack">
      <span>{t.conditionField}</span>
      <select value={value} aria-invalid={invalid || (!known && value !== '') || undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="" disabled>
          {t.chooseField}
        </option>
        {!known && value && <option value={value}>{t.deletedField(value)}</option>}
        <optgroup label={t.builtInFields}>{builtIns.map(option)}</optgroup>
        {fields.length > 0 && <optgroup label={t.customFields}>{fields.map(option)}</optgroup>}
      </select>
    </label>
  );
}

import { useConsole } from '../context';
import { ErrorText } from '../shell/ErrorText';
import { AddFieldForm } from './AddFieldForm';
import { FieldRow } from './FieldRow';

/** The custom chat-profile fields in their order, each with its actions, and the form to add one. */
export function FieldList() {
  const c = useConsole();
  const t = c.t.value;
  const fields = c.schema.fields.value;
  return (
    <section class="card" aria-labelledby="fields-title">
      <h2 id="fields-title">{t.fieldsTitle}</h2>
      <p class="hint">{t.fieldsHint}</p>
      {c.schema.status.value === 'error' && <ErrorText error={c.schema.error.value} />}
      {fields.length ? (
        <ol class="field-list">
          {fields.map((field, index) => (
            <FieldRow key={field.key} field={field} index={index} last={index === fields.length - 1} />
          ))}
        </ol>
      ) : (
        <p>{c.schema.status.value === 'loading' ? t.loading : t.noFields}</p>
      )}
      <AddFieldForm />
    </section>
  );
}

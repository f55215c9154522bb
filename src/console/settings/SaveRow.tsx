import { useConsole } from '../context';
import type { SettingsForm } from '../model/createSettingsForm';
import { ErrorText } from '../shell/ErrorText';

/** The save button of a settings form, with its refusal or its confirmation. */
export function SaveRow<T>({ form }: { form: SettingsForm<T> }) {
  const { t } = useConsole();
  return (
    <div class="save-row">
      <ErrorText error={form.saveError.value} />
      <div class="row">
        <button type="submit" class="btn primary" disabled={form.saving.value}>
          {form.saving.value ? t.value.saving : t.value.save}
        </button>
        <span role="status" class="hint">
          {form.saved.value ? t.value.saved : ''}
        </span>
      </div>
    </div>
  );
}

import { useSignal } from '@preact/signals';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { displayableFields } from '../model/profileRows';
import { Dialog } from '../shell/Dialog';
import { ErrorText } from '../shell/ErrorText';

/** 프로필 정보 노출 설정: a checkbox per field; what is unchecked is hidden in every chat's profile. */
export function DisplaySettingsDialog({ onClose }: { onClose: () => void }) {
  const c = useConsole();
  const t = c.t.value;
  const { schema } = c;
  const hidden = useSignal<string[]>(schema.hidden.value);
  const error = useSignal<unknown>(null);
  const saving = useSignal(false);
  const fields = displayableFields(schema.builtIns.value, schema.fields.value.filter((f) => !f.archived), c.language.value.value);

  const toggle = (key: string, shown: boolean) =>
    (hidden.value = shown ? hidden.value.filter((k) => k !== key) : [...hidden.value, key]);
  const save = guard(async (event: Event) => {
    event.preventDefault();
    saving.value = true;
    error.value = null;
    try {
      await schema.saveHidden(hidden.value);
      onClose();
    } catch (caught) {
      error.value = caught;
    } finally {
      saving.value = false;
    }
  });

  return (
    <Dialog title={t.displaySettings} onClose={onClose}>
      <form onSubmit={save}>
        <p class="hint" id="display-hint">
          {t.displaySettingsHint}
        </p>
        {!schema.hiddenKept.value && <p class="hint">{t.displayKeptLocally}</p>}
        <fieldset class="checks" aria-describedby="display-hint">
          <legend class="sr">{t.displaySettings}</legend>
          {fields.map((field) => (
            <label key={field.key}>
              <input type="checkbox" checked={hidden.value.indexOf(field.key) < 0} onChange={(e) => toggle(field.key, e.currentTarget.checked)} />
              {field.name}
            </label>
          ))}
        </fieldset>
        <ErrorText error={error.value} />
        <div class="row">
          <button type="submit" class="btn primary" disabled={saving.value}>
            {saving.value ? t.saving : t.save}
          </button>
          <button type="button" class="btn" onClick={onClose}>
            {t.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

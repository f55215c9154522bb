import type { CustomField } from '../../shared/profile/fields';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { Dialog } from '../shell/Dialog';
import { ErrorText } from '../shell/ErrorText';

/** Asks before deleting a field, since its values go from every chat; Cancel has the focus first. */
export function DeleteFieldDialog({ field, name, onClose }: { field: CustomField; name: string; onClose: () => void }) {
  const c = useConsole();
  const t = c.t.value;
  const { fieldEditor } = c;
  const failure = fieldEditor.error.value?.target === field.key ? fieldEditor.error.value.error : null;
  const confirm = guard(async () => {
    if (await fieldEditor.remove(field.key)) onClose();
  });
  return (
    <Dialog title={t.deleteTitle} onClose={onClose}>
      <p>{t.deleteConfirm(name)}</p>
      <ErrorText error={failure} />
      <div class="row">
        <button type="button" class="btn" onClick={onClose}>
          {t.cancel}
        </button>
        <button type="button" class="btn danger" disabled={fieldEditor.busy.value} onClick={confirm}>
          {t.deleteField}
        </button>
      </div>
    </Dialog>
  );
}

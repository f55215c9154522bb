import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { CustomField } from '../../shared/profile/fields';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { NameInputs } from './NameInputs';

/** Renames and translates a field in place; emptied names are removed, Escape cancels. */
export function RenameForm({ field, onDone }: { field: CustomField; onDone: () => void }) {
  const c = useConsole();
  const t = c.t.value;
  const names = useSignal({ ko: field.names.ko ?? '', en: field.names.en ?? '', ja: field.names.ja ?? '' });
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector('input')?.focus(), []);

  const onSubmit = guard(async (event: Event) => {
    event.preventDefault();
    if (await c.fieldEditor.rename(field.key, field.names, names.value)) onDone();
  });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onDone();
  };
  return (
    <form ref={form} class="rename grid" onSubmit={onSubmit} onKeyDown={onKeyDown}>
      <NameInputs names={names} />
      <div class="row">
        <button type="submit" class="btn primary" disabled={c.fieldEditor.busy.value}>
          {t.save}
        </button>
        <button type="button" class="btn" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

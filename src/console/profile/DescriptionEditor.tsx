import { useSignal } from '@preact/signals';
import type { ProfileValue } from '../../shared/types';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { useEditInPlace } from './useEditInPlace';

interface Props {
  labelledBy: string;
  name: string;
  value: ProfileValue | undefined;
}

/** The chat's description: shown as text, edited in place; Escape cancels, focus comes back. */
export function DescriptionEditor({ labelledBy, name, value }: Props) {
  const c = useConsole();
  const t = c.t.value;
  const text = typeof value === 'string' ? value : '';
  const draft = useSignal(text);
  const { editing, control: field, editButton, stop, onKeyDown } = useEditInPlace<HTMLTextAreaElement>();
  const save = guard(async (event: Event) => {
    event.preventDefault();
    if (await c.chatView.edit({ description: draft.value.trim() || null })) stop();
  });
  if (!editing.value) {
    return (
      <div class="desc">
        <p class="desc-text">{text || t.empty}</p>
        <button
          type="button"
          class="btn quiet"
          ref={editButton}
          aria-label={`${t.edit}: ${name}`}
          onClick={() => ((draft.value = text), (editing.value = true))}
        >
          {t.edit}
        </button>
      </div>
    );
  }
  return (
    <form class="desc" onSubmit={save} onKeyDown={onKeyDown}>
      <textarea ref={field} aria-labelledby={labelledBy} rows={3} maxLength={1000} value={draft.value} onInput={(e) => (draft.value = e.currentTarget.value)} />
      <div class="row">
        <button type="submit" class="btn primary" disabled={c.chatView.busy.value}>
          {t.save}
        </button>
        <button type="button" class="btn" onClick={stop}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

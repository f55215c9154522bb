import { useSignal } from '@preact/signals';
import { fieldName, type CustomField } from '../../shared/profile/fields';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { ErrorText } from '../shell/ErrorText';
import { ChipsInput } from '../shell/ChipsInput';
import { LIMITS } from '../../shared/limits';
import { DeleteFieldDialog } from './DeleteFieldDialog';
import { RenameForm } from './RenameForm';

interface Props {
  field: CustomField;
  index: number;
  last: boolean;
}

const safeId = (key: string) => key.replace(/[^A-Za-z0-9_-]/g, '-');

/**
 * One custom field: its names, key and type, and rename / move / archive / delete. Ready-made
 * fields (CSAT) can be renamed and moved only.
 */
export function FieldRow({ field, index, last }: Props) {
  const c = useConsole();
  const t = c.t.value;
  const { fieldEditor } = c;
  const renaming = useSignal(false);
  const deleting = useSignal(false);
  const name = fieldName(field, c.language.value.value);
  const id = safeId(field.key);
  const failure = fieldEditor.error.value?.target === field.key ? fieldEditor.error.value.error : null;
  const busy = fieldEditor.busy.value;

  // A moved row is re-inserted in the list; keep the keyboard on its move buttons.
  const move = guard(async (by: -1 | 1) => {
    await fieldEditor.move(field.key, index + by);
    const doc = c.win.document;
    const next = doc.getElementById(`${by < 0 ? 'up' : 'down'}-${id}`) as HTMLButtonElement | null;
    (next && !next.disabled ? next : doc.getElementById(`${by < 0 ? 'down' : 'up'}-${id}`))?.focus();
  });

  return (
    <li class={field.archived ? 'field-row archived' : 'field-row'}>
      <div class="field-info">
        <strong>{name}</strong> <code>{field.key}</code> <span class="badge">{field.type}</span>
        {field.readyMade && <span class="badge">{t.readyMade}</span>}
        {field.archived && <span class="badge">{t.archived}</span>}
      </div>
      <div class="field-actions">
        <button type="button" class="btn quiet" aria-expanded={renaming.value} aria-label={t.rename(name)} onClick={() => (renaming.value = !renaming.value)}>
          {t.actions.rename}
        </button>
        <button type="button" class="btn quiet" id={`up-${id}`} disabled={busy || index === 0} onClick={() => move(-1)} aria-label={t.moveUp(name)}>
          ↑
        </button>
        <button type="button" class="btn quiet" id={`down-${id}`} disabled={busy || last} onClick={() => move(1)} aria-label={t.moveDown(name)}>
          ↓
        </button>
        {!field.readyMade && (
          <>
            <button
              type="button"
              class="btn quiet"
              disabled={busy}
              aria-label={field.archived ? t.unarchive(name) : t.archive(name)}
              onClick={guard(() => fieldEditor.setArchived(field.key, !field.archived))}
            >
              {field.archived ? t.actions.unarchive : t.actions.archive}
            </button>
            <button type="button" class="btn danger" disabled={busy} aria-label={t.remove(name)} onClick={() => (deleting.value = true)}>
              {t.deleteField}
            </button>
          </>
        )}
      </div>
      {field.type === 'List' && !field.archived && (
        <div class="field-options">
          <span id={`options-${id}`}>{t.listOptions}</span>
          <ChipsInput labelledBy={`options-${id}`} values={field.options ?? []} maxLength={LIMITS.chatListItem} onChange={(next) => void fieldEditor.setOptions(field.key, next)} />
          <p class="hint">{t.listOptionsHint}</p>
        </div>
      )}
      <ErrorText error={failure} />
      {renaming.value && <RenameForm field={field} onDone={() => (renaming.value = false)} />}
      {deleting.value && <DeleteFieldDialog field={field} name={name} onClose={() => (deleting.value = false)} />}
    </li>
  );
}

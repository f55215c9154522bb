import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { useConsole } from '../context';

interface ChipsInputProps {
  /** Id of the element that names the list (a `dt`, a `legend`…). */
  labelledBy: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  maxLength?: number;
  disabled?: boolean;
}

/**
 * A list of tags edited in place: each chip has its remove button, the input adds one on Enter
 * or with the Add button. Focus stays in the editor after each change.
 */
export function ChipsInput({ labelledBy, values, onChange, maxLength = 50, disabled }: ChipsInputProps) {
  const { t } = useConsole();
  const text = useSignal('');
  const input = useRef<HTMLInputElement>(null);
  const add = () => {
    const tag = text.value.trim();
    text.value = '';
    if (tag && values.indexOf(tag) < 0) onChange([...values, tag]);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    add();
  };
  const remove = (tag: string) => {
    onChange(values.filter((value) => value !== tag));
    input.current?.focus();
  };
  return (
    <div class="chips" role="group" aria-labelledby={labelledBy}>
      {values.length > 0 && (
        <ul>
          {values.map((tag) => (
            <li key={tag} class="chip">
              <span>{tag}</span>
              <button type="button" aria-label={t.value.removeTag(tag)} disabled={disabled} onClick={() => remove(tag)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <span class="chip-add">
        <input
          ref={input}
          aria-label={t.value.newTag}
          maxLength={maxLength}
          value={text.value}
          disabled={disabled}
          onInput={(event) => (text.value = event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" class="btn" disabled={disabled || !text.value.trim()} onClick={add}>
          {t.value.addTag}
        </button>
      </span>
    </div>
  );
}

import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A value shown as text with an edit button, and edited in place: the control takes the focus
 * when editing starts, Escape or `stop` ends it, and the focus comes back to the edit button.
 */
export function useEditInPlace<T extends HTMLElement>() {
  const editing = useSignal(false);
  const control = useRef<T>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (editing.value) control.current?.focus();
  }, [editing.value]);
  const stop = () => {
    editing.value = false;
    setTimeout(() => editButton.current?.focus());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    stop();
  };
  return { editing, control, editButton, stop, onKeyDown };
}

import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
}

const FIRST = 'input:not([disabled]),select:not([disabled]),textarea:not([disabled]),button:not([disabled])';

/**
 * A modal dialog: rendered only while open, it moves focus inside, leaves the page inert behind
 * it (native `<dialog>`), closes on Escape, and gives focus back to what had it before.
 */
export function Dialog({ title, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current!;
    const previous = dialog.ownerDocument.activeElement as HTMLElement | null;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    dialog.querySelector<HTMLElement>(FIRST)?.focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      previous?.focus?.();
    };
  }, []);

  const onCancel = (event: Event) => {
    event.preventDefault();
    close.current();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel(event);
  };

  return (
    <dialog ref={ref} class="dlg" aria-labelledby={titleId} onCancel={onCancel} onKeyDown={onKeyDown}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

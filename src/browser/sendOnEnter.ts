import { guard } from './report';

/**
 * A composer's form and textarea handlers, for the widget and the console alike: Enter sends,
 * Shift+Enter adds a line, and the Enter that ends an IME composition (Korean, Japanese) is never
 * taken for a send.
 * @example const { onSubmit, onKeyDown } = sendOnEnter(() => model.send())
 */
export function sendOnEnter(send: () => unknown): { onSubmit(event: Event): void; onKeyDown(event: KeyboardEvent): void } {
  return {
    onSubmit: guard((event: Event) => {
      event.preventDefault();
      return send();
    }),
    onKeyDown: guard((event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      return send();
    }),
  };
}

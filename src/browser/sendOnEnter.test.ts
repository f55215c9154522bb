import { describe, expect, it, vi } from 'vitest';
import { sendOnEnter } from './sendOnEnter';

const key = (init: KeyboardEventInit & { keyCode?: number }) => {
  const event = new KeyboardEvent('keydown', { cancelable: true, ...init });
  if (init.keyCode) Object.defineProperty(event, 'keyCode', { value: init.keyCode });
  return event;
};

describe('sendOnEnter', () => {
  it('sends on Enter and on submit, taking the browser default away', () => {
    const send = vi.fn();
    const { onKeyDown, onSubmit } = sendOnEnter(send);
    const enter = key({ key: 'Enter' });
    onKeyDown(enter);
    const submit = new Event('submit', { cancelable: true });
    onSubmit(submit);
    expect(send).toHaveBeenCalledTimes(2);
    expect([enter.defaultPrevented, submit.defaultPrevented]).toEqual([true, true]);
  });

  it('leaves Shift+Enter, other keys and the Enter that ends an IME composition to the textarea', () => {
    const send = vi.fn();
    const { onKeyDown } = sendOnEnter(send);
    const events = [key({ key: 'Enter', shiftKey: true }), key({ key: 'a' }), key({ key: 'Enter', isComposing: true }), key({ key: 'Enter', keyCode: 229 })];
    events.forEach(onKeyDown);
    expect(send).not.toHaveBeenCalled();
    expect(events.map((e) => e.defaultPrevented)).toEqual([false, false, false, false]);
  });
});

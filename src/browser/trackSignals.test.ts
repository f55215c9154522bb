import { signal } from './signals';
import { Component, h, render, type ComponentChildren } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { trackSignals, useSignal } from './trackSignals';

trackSignals();

const root = document.createElement('div');
document.body.appendChild(root);
afterEach(() => render(null, root));

/** Preact renders on a debounced microtask-or-timeout; a zero timeout is past it. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the signal binding', () => {
  it('re-renders a component when a signal of its last render changes, and for no other signal', async () => {
    const which = signal<'a' | 'b'>('a');
    const a = signal(1);
    const b = signal(10);
    let renders = 0;
    const View = () => (renders++, h('p', null, which.value === 'a' ? a.value : b.value));
    render(h(View, null), root);
    expect(root.textContent).toBe('1');

    b.value = 11;
    await flush();
    expect(renders).toBe(1);

    a.value = 2;
    await flush();
    expect([root.textContent, renders]).toEqual(['2', 2]);

    which.value = 'b';
    await flush();
    expect([root.textContent, renders]).toEqual(['11', 3]);

    a.value = 3;
    await flush();
    expect(renders).toBe(3);
  });

  it('keeps the component and its own signals when its parent re-renders', async () => {
    const outer = signal(0);
    let mounts = 0;
    const Counter = () => {
      const count = useSignal(0);
      return h('button', { ref: (el: HTMLElement | null) => el && mounts++, onClick: () => count.value++ }, String(count.value));
    };
    const Parent = () => h('div', { 'data-outer': outer.value }, h(Counter, null));
    render(h(Parent, null), root);
    const button = root.querySelector('button')!;
    button.click();
    await flush();
    expect(button.textContent).toBe('1');

    outer.value = 1;
    await flush();
    expect(root.querySelector('button')).toBe(button);
    expect(button.textContent).toBe('1');
    expect(root.querySelector('div')!.getAttribute('data-outer')).toBe('1');
  });

  it('stops listening once the component is unmounted', async () => {
    const shown = signal(true);
    const value = signal(0);
    let renders = 0;
    const Child = () => (renders++, h('span', null, value.value));
    const Parent = () => (shown.value ? h(Child, null) : null);
    render(h(Parent, null), root);
    shown.value = false;
    await flush();
    const before = renders;
    value.value = 1;
    await flush();
    expect(renders).toBe(before);
    expect(root.textContent).toBe('');
  });

  it('lets an error boundary catch what a tracked component throws', async () => {
    const broken = signal(false);
    const Risky = () => {
      if (broken.value) throw new Error('broken');
      return h('span', null, 'fine');
    };
    class Boundary extends Component<{ children: ComponentChildren }, { failed: boolean }> {
      override state = { failed: false };
      override componentDidCatch() {
        this.setState({ failed: true });
      }
      override render() {
        return this.state.failed ? h('em', null, 'caught') : this.props.children;
      }
    }
    render(h(Boundary, null, h(Risky, null)), root);
    expect(root.textContent).toBe('fine');
    broken.value = true;
    await flush();
    await flush();
    expect(root.textContent).toBe('caught');
  });
});

import { effect, signal, type Signal } from './signals';
import { Fragment, options, type FunctionComponent } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';

/**
 * The widget's binding of signals to Preact: a function component re-renders when a signal it
 * read during its last render changes, and only then. It is what @preact/signals does for the
 * widget's use (components reading `.value`), at a fraction of that package's code, which the
 * messenger chunk, and so every first open, would download. The console keeps @preact/signals.
 *
 * Every function component the page renders is replaced, once, by a wrapper that runs it inside
 * an `effect` (./signals.ts): the effect records the signals the render reads, and its next run,
 * caused by a change to one of them, asks the component for a new render instead. Each render
 * starts a new effect and ends the last one, so the recorded signals are always those of the last
 * render; unmounting ends it too. Class components, Fragment and context providers and consumers
 * (which Preact recognises by their own properties) are left as they are.
 */

type Render = (this: unknown, props: object, context: unknown) => unknown;
type Instance = { setState(state: object): void };

const wrappers = new WeakMap<Render, Render>();

function tracked(component: Render): Render {
  function Tracked(this: unknown, props: object, context: unknown): unknown {
    const instance = this as Instance;
    const stop = useRef<(() => void) | undefined>(undefined);
    stop.current?.();
    let output: unknown;
    let rendered = false;
    stop.current = effect(() => {
      if (rendered) return instance.setState({});
      rendered = true;
      output = component.call(instance, props, context);
    });
    useEffect(() => () => stop.current?.(), []);
    return output;
  }
  Tracked.displayName = (component as FunctionComponent).displayName || component.name;
  wrappers.set(component, Tracked).set(Tracked, Tracked);
  return Tracked;
}

let installed = false;

/** Installs the binding on this copy of Preact; calling it again does nothing. */
export function trackSignals(): void {
  if (installed) return;
  installed = true;
  const next = options.vnode;
  options.vnode = (vnode) => {
    const type = vnode.type as unknown as Render & { prototype?: { render?: unknown }; contextType?: unknown; Consumer?: unknown };
    if (typeof type === 'function' && type !== (Fragment as unknown) && !type.prototype?.render && !type.contextType && !type.Consumer) {
      (vnode as { type: unknown }).type = wrappers.get(type) || tracked(type);
    }
    next?.(vnode);
  };
}

/** A signal kept for the component's lifetime, as @preact/signals' hook of that name. */
export const useSignal = <T>(value: T): Signal<T> => useMemo(() => signal(value), []);

/**
 * The one place that reaches `window` and `document`, so that importing the SDK where they do
 * not exist (server-side rendering, workers, tests in Node) does nothing and throws nothing.
 */
export const win: (Window & typeof globalThis) | undefined =
  typeof window === 'undefined' ? undefined : window;

export const doc: Document | undefined = win && win.document;

/** Runs `fn` soon, when the main thread is idle if the browser can tell. */
export function whenIdle(fn: () => void): () => void {
  const w = win as (Window & { requestIdleCallback?: typeof requestIdleCallback }) | undefined;
  if (w && w.requestIdleCallback) {
    const id = w.requestIdleCallback(fn, { timeout: 2000 });
    return () => w.cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 50);
  return () => clearTimeout(id);
}

/** Resolves in a later task, so that the page's own work (input, rendering, its scripts) runs first. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

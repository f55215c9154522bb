/** Logs an error of ours; it must never reach the host page's `window.onerror`. */
export function report(error: unknown): void {
  console.error('[sangdam]', error);
}

/**
 * Wraps a handler so that a throw, or a rejection of the promise it returns, is reported instead
 * of escaping to the page.
 * @example button.onclick = guard(() => model.send())
 */
export function guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    try {
      const result = fn(...args) as Promise<unknown> | undefined;
      if (result && typeof result.then === 'function') result.then(undefined, report);
    } catch (error) {
      report(error);
    }
  };
}

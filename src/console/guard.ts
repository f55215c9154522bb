/** Logs an error the console could not show where it happened. */
export function report(error: unknown): void {
  console.error('[sangdam console]', error);
}

/**
 * Wraps an event handler so that a throw, or a rejection of the promise it returns, is reported
 * instead of becoming an unhandled rejection; models show their own errors where they belong.
 * @example <button onClick={guard(() => chatView.close())}>
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

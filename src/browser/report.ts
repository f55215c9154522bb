/**
 * Our errors go to the console with a prefix, never up to the host page's `window.onerror`.
 */
const PREFIX = '[Sangdam]';

export function warn(message: string): void {
  try {
    console.warn(PREFIX, message);
  } catch {
    /* a console that throws is not worth breaking the page for */
  }
}

export function reportError(error: unknown): void {
  try {
    console.error(PREFIX, error);
  } catch {
    /* ignore */
  }
}

/** Calls a host page's callback; what it throws is reported, not rethrown into our code. */
export function callSafely<A extends unknown[]>(fn: ((...args: A) => unknown) | undefined, ...args: A): void {
  if (!fn) return;
  try {
    fn(...args);
  } catch (error) {
    reportError(error);
  }
}

/** Wraps a function so that anything it throws, or any promise it rejects, is reported. */
export function guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = fn(...args);
      if (result && typeof (result as Promise<unknown>).catch === 'function') {
        (result as Promise<unknown>).catch(reportError);
      }
    } catch (error) {
      reportError(error);
    }
  };
}

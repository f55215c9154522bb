import type { Dispatch } from '../core/createSdk';

/** The shape the snippet leaves on `window.ChannelIO`: a stub that queues its calls. */
interface Stub {
  (...args: unknown[]): unknown;
  q?: ArrayLike<unknown>[];
  c?: (args: ArrayLike<unknown>) => void;
  sangdam?: true;
}

type ChannelWindow = Window & { ChannelIO?: Stub; ChannelIOInitialized?: boolean };

/**
 * Replaces the snippet's stub by the real dispatcher and replays the queued calls in the order
 * the page made them. A second copy of `sdk.js` finds the live dispatcher and leaves it alone.
 * @returns false when an SDK was already installed.
 */
export function installGlobal(w: ChannelWindow, dispatch: Dispatch): boolean {
  const stub = w.ChannelIO;
  if (stub && stub.sangdam) return false;
  const real: Stub = (...args) => dispatch(...(args as [string, ...unknown[]]));
  real.sangdam = true;
  real.c = (args) => dispatch(...(Array.prototype.slice.call(args) as [string, ...unknown[]]));
  real.q = [];
  w.ChannelIO = real;
  w.ChannelIOInitialized = true;
  if (stub) {
    // Pages sometimes keep a reference to the stub; its calls must reach the SDK too.
    stub.c = real.c;
    const queued = stub.q ? Array.prototype.slice.call(stub.q) : [];
    stub.q = [];
    queued.forEach((args: ArrayLike<unknown>) => real.c!(args));
  }
  return true;
}

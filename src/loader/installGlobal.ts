import type { Dispatch } from '../core/createSdk';

/** The shape the snippet (or the npm entry's `loadScript`) leaves on `window.ChannelIO`: a stub that queues its calls. */
export interface ChannelStub {
  (...args: unknown[]): unknown;
  q?: ArrayLike<unknown>[];
  c?: (args: ArrayLike<unknown>) => void;
  sangdam?: true;
}

export type ChannelWindow = Window & { ChannelIO?: ChannelStub; ChannelIOInitialized?: boolean };

/**
 * Replaces the snippet's stub by the real dispatcher and replays the queued calls in the order
 * the page made them. The replay (usually `boot`) runs in a task of its own after the one that
 * evaluated sdk.js, so neither grows long; a call made before then replays the queue first, so
 * the order holds. A second copy of `sdk.js` finds the live dispatcher and leaves it alone.
 * @returns false when an SDK was already installed.
 */
export function installGlobal(w: ChannelWindow, dispatch: Dispatch, later: (run: () => void) => void = (run) => setTimeout(run, 0)): boolean {
  const stub = w.ChannelIO;
  if (stub && stub.sangdam) return false;
  let queued: ArrayLike<unknown>[] = stub && stub.q ? Array.prototype.slice.call(stub.q) : [];
  const replay = () => {
    const calls = queued;
    queued = [];
    calls.forEach((args) => dispatch(...(Array.prototype.slice.call(args) as [string, ...unknown[]])));
  };
  const real: ChannelStub = (...args) => {
    replay();
    return dispatch(...(args as [string, ...unknown[]]));
  };
  real.sangdam = true;
  real.c = (args) => real(...Array.prototype.slice.call(args));
  real.q = [];
  w.ChannelIO = real;
  w.ChannelIOInitialized = true;
  if (stub) {
    // Pages sometimes keep a reference to the stub; its calls must reach the SDK too.
    stub.c = real.c;
    stub.q = [];
  }
  if (queued.length) later(replay);
  return true;
}

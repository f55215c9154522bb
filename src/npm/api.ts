import type { Api, CommandName } from '../core/commands';
import type { Dispatch } from '../core/createSdk';
import { win } from '../browser/env';
import { reportError } from '../browser/report';
import { bundledSdk } from './bundledSdk';
import type { ChannelStub } from '../loader/installGlobal';
import { forwardsToScript } from './loadScript';

const noop = () => {};

const channelIO = (): ChannelStub | undefined => {
  const stub = win && (win as Window & { ChannelIO?: ChannelStub }).ChannelIO;
  return typeof stub === 'function' ? stub : undefined;
};

/** `window.ChannelIO` once `loadScript` ran, the bundled SDK otherwise; nothing on the server. */
function target(): Dispatch | undefined {
  if (!forwardsToScript()) return bundledSdk();
  return (name, ...args) => channelIO()?.(name, ...args);
}

/**
 * Registers an `on…` callback and returns its unsubscribe. The script-tag SDK may not have
 * arrived yet, so the stub returns nothing: the relay then stops the callback itself and takes
 * the call back out of the stub's queue.
 */
function listen(dispatch: Dispatch, name: string, callback: unknown): () => void {
  if (typeof callback !== 'function') return (dispatch(name, callback), noop);
  let active = true;
  const relay = (...args: unknown[]) => active && callback(...args);
  const off = dispatch(name, relay);
  return () => {
    active = false;
    if (typeof off === 'function') return off();
    const queue = channelIO()?.q;
    const at = queue ? Array.prototype.findIndex.call(queue, (call: ArrayLike<unknown>) => call[1] === relay) : -1;
    if (queue && at >= 0) Array.prototype.splice.call(queue, at, 1);
  };
}

/** One typed export per command; on the server (no `window`) each does nothing and throws nothing. */
export function command<K extends CommandName>(name: K): Api[K] {
  const subscribes = name.startsWith('on');
  return ((...args: unknown[]) => {
    try {
      const dispatch = target();
      if (!dispatch) return subscribes ? noop : undefined;
      return subscribes ? listen(dispatch, name, args[0]) : dispatch(name, ...args);
    } catch (error) {
      reportError(error);
      return subscribes ? noop : undefined;
    }
  }) as Api[K];
}

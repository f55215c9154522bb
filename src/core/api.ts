import { nanoid } from 'nanoid';
import type { Api, CommandName } from './commands';
import { createSdk, type Dispatch } from './createSdk';
import { win } from './env';

let sdk: Dispatch | undefined;

/** The module-level SDK instance behind the ESM exports, made on first call in a browser. */
function instance(): Dispatch | undefined {
  if (!sdk && win) {
    sdk = createSdk({
      apiBase: win.location.origin,
      loadMessenger: () => import('../messenger/index'),
      loadProfileTools: () => import('./pageProfile/index'),
      loadPopup: () => import('../popup/index'),
      loadRealtime: () => import('./realtime'),
      newId: () => nanoid(),
    });
  }
  return sdk;
}

const noop = () => {};

/** One typed export per command; on the server (no `window`) each does nothing and throws nothing. */
export function command<K extends CommandName>(name: K): Api[K] {
  return ((...args: unknown[]) => {
    const dispatch = instance();
    const result = dispatch ? dispatch(name, ...args) : undefined;
    return name.startsWith('on') && typeof result !== 'function' ? noop : result;
  }) as Api[K];
}

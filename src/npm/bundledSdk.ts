import { nanoid } from 'nanoid';
import { createSdk, type Dispatch, type SdkDeps } from '../core/createSdk';
import { win } from '../browser/env';

let sdk: Dispatch | undefined;

/**
 * The SDK bundled in the package, made on the first command in a browser. No server origin is
 * given: the page's own origin is rarely the Sangdam server, so `boot` must name it (`apiBase`).
 */
export function bundledSdk(): Dispatch | undefined {
  if (!sdk && win) {
    const deps: SdkDeps = {
      loadMessenger: () => import('../messenger/index'),
      loadProfileTools: () => import('../entrypoints/profile'),
      loadPopup: () => import('../entrypoints/popup'),
      loadRealtime: () => import('../entrypoints/realtime'),
      newId: () => nanoid(),
    };
    sdk = createSdk(deps);
  }
  return sdk;
}

/** Whether the bundled SDK has started: `loadScript` then leaves it in charge. */
export const bundledStarted = (): boolean => !!sdk;

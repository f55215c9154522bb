/**
 * Entry of `sdk.js`, the script the snippet inserts. It runs once per page, installs the
 * dispatcher and replays the calls queued by the snippet. Preact is not here: the messenger chunk
 * is imported from beside this script on first use.
 */
import { nanoid } from 'nanoid';
import type { MessengerModule } from '../core/contract';
import { createSdk } from '../core/createSdk';
import { win } from '../core/env';
import { reportError } from '../core/report';
import { installGlobal } from './installGlobal';
import { scriptBase } from './scriptBase';

try {
  if (win) {
    const base = scriptBase();
    let attempt = 0;
    installGlobal(
      win,
      createSdk({
        apiBase: base.origin,
        // A failed import() is cached per URL, so a retry after a network error needs a new one.
        loadMessenger: () =>
          import(/* @vite-ignore */ base.dir + 'messenger.js' + (attempt++ ? '?retry=' + attempt : '')) as Promise<MessengerModule>,
        newId: () => nanoid(),
      }),
    );
  }
} catch (error) {
  reportError(error);
}

/**
 * Entry of `sdk.js`, the script the snippet inserts. It runs once per page, installs the
 * dispatcher and replays the calls queued by the snippet. Preact is not here: the messenger chunk
 * is imported from beside this script on first use.
 */
import { nanoid } from 'nanoid';
import type { MessengerModule, ProfileTools } from '../core/contract';
import { createSdk } from '../core/createSdk';
import { win } from '../core/env';
import { reportError } from '../core/report';
import { installGlobal } from './installGlobal';
import { chunkLoader } from './loadChunk';
import { scriptBase } from './scriptBase';

try {
  if (win) {
    const base = scriptBase();
    installGlobal(
      win,
      createSdk({
        apiBase: base.origin,
        loadMessenger: chunkLoader<MessengerModule>(base.dir, 'messenger.js'),
        loadProfileTools: chunkLoader<ProfileTools>(base.dir, 'profile.js'),
        newId: () => nanoid(),
      }),
    );
  }
} catch (error) {
  reportError(error);
}

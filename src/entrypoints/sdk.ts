/**
 * Entry of `sdk.js`, the script the snippet inserts. It runs once per page, installs the
 * dispatcher and replays the calls queued by the snippet. Preact is not here: the messenger chunk
 * is imported from beside this script on first use.
 */
import { nanoid } from 'nanoid';
import type { MessengerModule, ProfileTools } from '../core/contract';
import type { PopupModule } from '../core/popupContract';
import type { RealtimeModule } from '../core/realtime';
import { createSdk } from '../core/createSdk';
import { win } from '../browser/env';
import { reportError } from '../browser/report';
import { installGlobal } from '../loader/installGlobal';
import { chunkLoader, stringsFile } from '../browser/loadChunk';
import { scriptBase } from '../loader/scriptBase';

try {
  if (win) {
    const base = scriptBase();
    const messenger = chunkLoader<MessengerModule>(base.dir, 'messenger.js');
    installGlobal(
      win,
      createSdk({
        apiBase: base.api,
        loadMessenger(language) {
          // The panel shows nothing before its strings: fetch them beside the chunk, not after it.
          // The messenger's own import of the same URL then finds the module already loading.
          import(/* @vite-ignore */ base.dir + stringsFile(language)).catch(() => {});
          return messenger();
        },
        loadProfileTools: chunkLoader<ProfileTools>(base.dir, 'profile.js'),
        loadPopup: chunkLoader<PopupModule>(base.dir, 'popup.js'),
        loadRealtime: chunkLoader<RealtimeModule>(base.dir, 'realtime.js'),
        newId: () => nanoid(),
      }),
    );
  }
} catch (error) {
  reportError(error);
}

import { whenIdle, win } from '../browser/env';
import { guard, reportError } from '../browser/report';
import type { Realtime, RealtimeModule, RealtimeOptions } from './realtime';

/**
 * How long after boot the connection waits for the page to settle, unless the visitor interacts
 * or the messenger is wanted first. The boot answer carries the unread counts, so the badge is
 * right meanwhile, and the socket resumes from the boot's cursor: nothing in between is lost.
 */
export const SETTLE_MS = 3000;
/** The visitor's first use of the page: the page's own work for it comes first, then the connection. */
const INTERACTIONS = ['pointerdown', 'keydown', 'touchstart', 'scroll'];

/** What the live connection is opened with, and the realtime chunk that opens it. */
export interface LiveOptions extends RealtimeOptions {
  load(): Promise<RealtimeModule>;
}

export interface Live {
  /** Connects now, if not connected (the messenger is wanted). */
  connect(): void;
  /** A fresh boot replaced the session: the refused connection is replaced by one with `token`. */
  renewed(token: string): void;
  /** The customer is writing in `chatId`; nothing is said before the connection is up. */
  typing(chatId: string): void;
  close(): void;
}

/**
 * The session's live events. Nothing of it runs at boot: the realtime chunk loads and the socket
 * opens at the first idle time after the visitor's first interaction or SETTLE_MS, whichever
 * comes first, or at once on `connect()`.
 */
export function createLive(options: LiveOptions): Live {
  let token = options.token;
  let cursor = options.cursor;
  let closed = false;
  let realtime: Promise<Realtime | void> | undefined;
  let cancelIdle: (() => void) | undefined;

  const connect = () => {
    stopWaiting();
    realtime ||= options.load().then(
      (module) =>
        closed
          ? undefined
          : module.connectRealtime({ ...options, token, cursor, onEvent: guard(options.onEvent), onConnection: guard(options.onConnection), onTyping: guard(options.onTyping) }),
      (error) => {
        realtime = undefined; // a failed download may succeed when the messenger is next wanted
        reportError(error);
      },
    );
  };

  const soon = () => {
    stopWaiting();
    cancelIdle = whenIdle(guard(connect));
  };
  const timer = setTimeout(soon, SETTLE_MS);
  const listen = (on: boolean) =>
    INTERACTIONS.forEach((type) => win && win[on ? 'addEventListener' : 'removeEventListener'](type, soon, { capture: true, passive: true }));
  function stopWaiting() {
    clearTimeout(timer);
    listen(false);
    cancelIdle?.();
  }
  listen(true);

  return {
    connect,
    typing: (chatId) => void realtime?.then((rt) => rt && rt.typing(chatId)),
    renewed(next) {
      token = next;
      // The connection of the ended session was refused: a new one resumes where it stopped.
      const was = realtime;
      realtime = undefined;
      if (was)
        void was.then((rt) => {
          if (rt) {
            cursor = rt.cursor();
            rt.close();
          }
          if (!closed) connect();
        });
    },
    close() {
      closed = true;
      stopWaiting();
      void realtime?.then((rt) => rt && rt.close());
    },
  };
}

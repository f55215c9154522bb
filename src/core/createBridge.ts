import type { RealtimeEvent, TypingFrame } from '../shared/types';
import type { CoreBridge } from './contract';

type Listener = Parameters<CoreBridge['subscribe']>[0];

/**
 * What the session lends the messenger, read when it mounts (`root`, `user` and `online` may be
 * getters); the bridge adds the listeners and the chat the messenger shows.
 */
export type BridgeParts = Omit<CoreBridge, 'subscribe' | 'viewing'>;

export interface Bridge {
  /** The CoreBridge the messenger chunk mounts with, made when it first mounts. */
  make(): CoreBridge;
  /** Hands a live event or a connection change to the messenger. */
  forward(event: RealtimeEvent | TypingFrame | { type: 'connection'; online: boolean }): void;
  /** The chat whose thread the messenger shows, if any: `updateProfile` writes to it at once. */
  viewing(): string | null;
  /** A chat that just started is the one the messenger shows next, unless it shows one already. */
  started(chatId: string): void;
  clear(): void;
}

/** The core's side of the contract with the messenger chunk (contract.ts). */
export function createBridge(parts: BridgeParts): Bridge {
  const listeners = new Set<Listener>();
  let viewing: string | null = null;
  return {
    make: () =>
      Object.assign(parts, {
        viewing(chatId: string | null) {
          viewing = chatId;
        },
        subscribe(listener: Listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      }),
    forward: (event) => listeners.forEach((listener) => listener(event)),
    viewing: () => viewing,
    started(chatId) {
      viewing ??= chatId;
    },
    clear: () => listeners.clear(),
  };
}

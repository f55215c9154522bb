/**
 * What instances of one deployment tell each other. The database stays the only record: a commit's
 * announcement is a doorbell (the EventFeed reads the log for whatever one misses), and typing and
 * ended sessions are signals that may be lost without harm (typing fades; a socket of an ended
 * session is refused at its next resume). One process alone (SQLite) has nobody to tell.
 */
import type { EventRecord } from '../domain/types.ts';
import type { Typing } from '../realtime/EventHub.ts';

/** Whose sockets a session's end closes. */
export type SessionKind = 'customer' | 'manager';

export interface BusHandlers {
  /**
   * Another instance committed: its events when the bus carries them (Redis), or none (NOTIFY
   * carries only a seq, a batch too large to carry): then the log is read, up to `seq` when the
   * announcement names the commit's last one.
   */
  committed(events?: readonly EventRecord[], seq?: number): void;
  /** The bus (re)connected: what it missed meanwhile must be read from the log. */
  connected(): void;
  typing(typing: Typing): void;
  sessionEnded(kind: SessionKind, tokenHash: string): void;
}

export interface Bus {
  /** Tells the others of this instance's commit, after COMMIT (a no-op where the store announces inside it). */
  announce(events: readonly EventRecord[]): void;
  typing(typing: Typing): void;
  sessionEnded(kind: SessionKind, tokenHash: string): void;
  close(): Promise<void>;
}

/** Connects a bus and starts handing what others say to `handlers`. */
export type OpenBus = (handlers: BusHandlers) => Promise<Bus>;

/** One process alone, or BUS=none: nothing is told, nothing heard. */
export const QUIET_BUS: Bus = {
  announce: () => undefined,
  typing: () => undefined,
  sessionEnded: () => undefined,
  close: async () => undefined,
};

/** A signal as it travels: what, and who sent it (an instance skips its own). */
export type SignalBody = { typing: Typing } | { ended: { kind: SessionKind; tokenHash: string } };
export type Signal = SignalBody & { from: string };

/** Hands a signal heard on the bus to `handlers`, unless this instance sent it or it is malformed. */
export function receiveSignal(text: string, self: string, handlers: BusHandlers): void {
  let signal: Partial<Record<'from' | 'typing' | 'ended', unknown>>;
  try {
    signal = JSON.parse(text);
  } catch {
    return;
  }
  if (!signal || signal.from === self) return;
  const typing = signal.typing as Typing | undefined;
  if (typing && typeof typing.chatId === 'string' && typeof typing.userId === 'string' && (typing.author === 'customer' || typing.author === 'manager')) {
    handlers.typing({ chatId: typing.chatId, userId: typing.userId, author: typing.author, ...(typeof typing.name === 'string' ? { name: typing.name } : {}) });
  }
  const ended = signal.ended as { kind?: unknown; tokenHash?: unknown } | undefined;
  if (ended && (ended.kind === 'customer' || ended.kind === 'manager') && typeof ended.tokenHash === 'string') {
    handlers.sessionEnded(ended.kind, ended.tokenHash);
  }
}

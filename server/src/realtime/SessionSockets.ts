/**
 * The open customer sockets of each session in this process, so that ending a session closes
 * them at once instead of leaving them streaming until they next reconnect.
 */
import { hashToken } from '../domain/crypto.ts';
import { joinGroup } from './groups.ts';

export class SessionSockets {
  private readonly byToken = new Map<string, Set<() => void>>();

  /** Registers a socket's close for the session of `token`; returns the unregister function. */
  add(token: string, close: () => void): () => void {
    return joinGroup(this.byToken, hashToken(token), close);
  }

  /** Closes every socket of the session of `token`. */
  closeAll(token: string): void {
    for (const close of [...(this.byToken.get(hashToken(token)) ?? [])]) close();
  }
}

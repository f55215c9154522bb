/**
 * The open sockets of each session (a customer's, or a manager's sign-in or API token) in this
 * process, so that ending a session closes them at once instead of leaving them streaming until
 * they next reconnect.
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
    this.closeHashed(hashToken(token));
  }

  /** Closes every socket of the session whose token has this hash (what the store keeps). */
  closeHashed(tokenHash: string): void {
    for (const close of [...(this.byToken.get(tokenHash) ?? [])]) close();
  }
}

/**
 * The open sockets of each session (a customer's, or a manager's sign-in or API token) in this
 * process, so that ending a session closes them at once instead of leaving them streaming until
 * they next reconnect. With several instances the end is relayed, and each closes its own.
 */
import { hashToken } from '../domain/crypto.ts';
import { joinGroup } from './groups.ts';

export class SessionSockets {
  private readonly byToken = new Map<string, Set<() => void>>();
  /** Where an end goes for the other instances (the bus); unset, nowhere. */
  relay: (tokenHash: string) => void = () => undefined;

  /** Registers a socket's close for the session of `token`; returns the unregister function. */
  add(token: string, close: () => void): () => void {
    return joinGroup(this.byToken, hashToken(token), close);
  }

  /** Closes every socket of the session of `token`. */
  closeAll(token: string): void {
    this.closeHashed(hashToken(token));
  }

  /** Closes every socket of the session whose token has this hash (what the store keeps), on every instance. */
  closeHashed(tokenHash: string): void {
    this.closeHere(tokenHash);
    this.relay(tokenHash);
  }

  /** Closes the session's sockets on this instance only (what another instance relayed). */
  closeHere(tokenHash: string): void {
    for (const close of [...(this.byToken.get(tokenHash) ?? [])]) close();
  }
}

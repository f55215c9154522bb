/**
 * The owner's credential for the Manager API and the console. Either MANAGER_TOKEN from the
 * environment, or a token generated at first start of which only the hash is stored (a settings
 * row), so it survives restarts and a copy of the database does not give it away. Rotating
 * writes a new hash; a running server picks it up within seconds.
 */
import type { Store } from '../store/Store.ts';
import { hashToken, newToken, sameSecret } from './crypto.ts';

export const MANAGER_TOKEN_SETTING = 'manager_token_hash';
/** How often a running server reads the stored hash again, to honour a rotation. */
const REFRESH_MS = 5000;

export interface ManagerCredential {
  /** Whether a bearer token is the manager token. */
  matches(token: string): boolean;
  /** The token made at this start, when none was set or stored: shown once, then only its hash exists. */
  readonly generated?: string;
  close(): void;
}

/** A credential that is exactly `token` (MANAGER_TOKEN). */
export const fixedCredential = (token: string): ManagerCredential => ({
  matches: (given) => sameSecret(given, token),
  close() {},
});

/** The stored credential, generating and storing one on first start. */
export async function storedCredential(store: Store): Promise<ManagerCredential> {
  let generated: string | undefined;
  let hash = await store.transaction(async (tx) => {
    const stored = await tx.getSetting(MANAGER_TOKEN_SETTING);
    if (stored) return stored;
    generated = newToken();
    const made = hashToken(generated);
    await tx.setSetting(MANAGER_TOKEN_SETTING, made);
    return made;
  });
  const timer = setInterval(() => {
    store.transaction((tx) => tx.getSetting(MANAGER_TOKEN_SETTING)).then(
      (stored) => void (hash = stored ?? hash),
      () => {}, // closing: the last hash stays until then
    );
  }, REFRESH_MS);
  timer.unref();
  return {
    matches: (given) => sameSecret(hashToken(given), hash),
    generated,
    close: () => clearInterval(timer),
  };
}

/** A new token and the hash to store for it. */
export function newManagerToken(): { token: string; hash: string } {
  const token = newToken();
  return { token, hash: hashToken(token) };
}

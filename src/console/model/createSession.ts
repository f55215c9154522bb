import { signal } from '@preact/signals';
import { stored } from './stored';

export type Session = ReturnType<typeof createSession>;

/**
 * The manager token, kept in sessionStorage so a reload keeps the manager signed in and closing
 * the tab forgets it. A refused token is dropped at once and the sign-in says why.
 */
export function createSession(storage: Storage | null) {
  const kept = stored(storage, 'sangdam.console.token');
  const token = signal(kept.read());
  /** The last token was refused by the server (shown on the sign-in form). */
  const refused = signal(false);

  return {
    token,
    refused,
    accept(value: string) {
      kept.write(value);
      refused.value = false;
      token.value = value;
    },
    refuse() {
      kept.write(null);
      refused.value = true;
      token.value = null;
    },
    signOut() {
      kept.write(null);
      refused.value = false;
      token.value = null;
    },
  };
}

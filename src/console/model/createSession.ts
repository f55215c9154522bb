import { signal } from '@preact/signals';

const KEY = 'sangdam.console.token';

function read(storage: Storage | null): string | null {
  try {
    return storage?.getItem(KEY) || null;
  } catch {
    return null;
  }
}

function write(storage: Storage | null, token: string | null) {
  try {
    if (token) storage?.setItem(KEY, token);
    else storage?.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the token lives in memory until the tab closes.
  }
}

export type Session = ReturnType<typeof createSession>;

/**
 * The manager token, kept in sessionStorage so a reload keeps the manager signed in and closing
 * the tab forgets it. A refused token is dropped at once and the sign-in says why.
 */
export function createSession(storage: Storage | null) {
  const token = signal(read(storage));
  /** The last token was refused by the server (shown on the sign-in form). */
  const refused = signal(false);

  return {
    token,
    refused,
    accept(value: string) {
      write(storage, value);
      refused.value = false;
      token.value = value;
    },
    refuse() {
      write(storage, null);
      refused.value = true;
      token.value = null;
    },
    signOut() {
      write(storage, null);
      refused.value = false;
      token.value = null;
    },
  };
}

/**
 * One value the console keeps in a browser storage (the sign-in's token, the language, the
 * notifications switch). Storage may be missing or refuse (private modes, blocked cookies): the
 * value then lives in memory for this page only.
 */
export function stored(storage: Storage | null, key: string) {
  return {
    read(): string | null {
      try {
        return storage?.getItem(key) || null;
      } catch {
        return null;
      }
    },
    /** Keeps `value`; null or '' forgets it. */
    write(value: string | null): void {
      try {
        if (value) storage?.setItem(key, value);
        else storage?.removeItem(key);
      } catch {
        // Refused: kept in memory only.
      }
    },
  };
}

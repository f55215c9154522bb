import type { Language } from '../shared/types';

/**
 * Imports an ES module chunk that sits beside `sdk.js`, once. A failed import() is cached by the
 * browser per URL, so after a failure the next attempt asks for a new URL (`?retry=N`).
 * @example const loadMessenger = chunkLoader<MessengerModule>(dir, 'messenger.js')
 */
export function chunkLoader<T>(dir: string, file: string): () => Promise<T> {
  let attempt = 0;
  let loading: Promise<T> | undefined;
  return () =>
    (loading ||= (import(/* @vite-ignore */ dir + file + (attempt++ ? '?retry=' + attempt : '')) as Promise<T>).catch((error) => {
      loading = undefined;
      throw error;
    }));
}

/** The file of the messenger's strings in one language, beside messenger.js. */
export const stringsFile = (language: Language): string => `messenger.${language}.js`;

import { callSafely } from '../browser/report';

/**
 * A small typed event emitter. Host callbacks run in isolation: one that throws is reported
 * and the others still run.
 * @example const off = emitter.on('badgeChanged', (unread) => …); off();
 */
export interface Emitter<E extends { [K in keyof E]: unknown[] }> {
  on<K extends keyof E>(name: K, callback: (...args: E[K]) => void): () => void;
  emit<K extends keyof E>(name: K, ...args: E[K]): void;
  has(name: keyof E): boolean;
  clear(): void;
}

export function createEmitter<E extends { [K in keyof E]: unknown[] }>(): Emitter<E> {
  let listeners: { name: keyof E; callback: (...args: unknown[]) => void }[] = [];
  return {
    on(name, callback) {
      const entry = { name, callback: callback as unknown as (...args: unknown[]) => void };
      listeners.push(entry);
      return () => {
        listeners = listeners.filter((l) => l !== entry);
      };
    },
    emit(name, ...args) {
      for (const l of listeners.slice()) if (l.name === name) callSafely(l.callback, ...(args as unknown[]));
    },
    has: (name) => listeners.some((l) => l.name === name),
    clear() {
      listeners = [];
    },
  };
}

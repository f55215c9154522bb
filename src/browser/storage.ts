import { win } from './env';

/**
 * localStorage that never throws: private modes, full quotas and sandboxed frames
 * degrade to "nothing persisted" instead of breaking the widget.
 */
export function readJson<T>(key: string): T | undefined {
  try {
    const raw = win && win.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    if (!win) return;
    if (value === undefined) win.localStorage.removeItem(key);
    else win.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* not persisted; the in-memory copy still works for this page */
  }
}

export const storageKey = (pluginKey: string, name: string): string => `sangdam:${pluginKey}:${name}`;

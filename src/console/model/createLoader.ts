import { signal } from '@preact/signals';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * One thing loaded from the API: its data, status and error as signals. A newer load wins over
 * an older one still on its way; a quiet load keeps what is shown while it refreshes.
 * @example const stats = createLoader(() => api.get<CsatStats>('/csat-stats')); await stats.load()
 */
export function createLoader<T>(fetch: () => Promise<T>) {
  const data = signal<T | null>(null);
  const status = signal<LoadStatus>('idle');
  const error = signal<unknown>(null);
  let latest = 0;

  async function load(quiet = false): Promise<void> {
    const id = ++latest;
    if (!quiet || status.peek() !== 'ready') status.value = 'loading';
    try {
      const value = await fetch();
      if (id !== latest) return;
      data.value = value;
      error.value = null;
      status.value = 'ready';
    } catch (caught) {
      if (id !== latest) return;
      error.value = caught;
      status.value = 'error';
    }
  }

  return { data, status, error, load };
}

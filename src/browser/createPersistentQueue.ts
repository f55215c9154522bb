import { signal, type ReadonlySignal } from './signals';
import { isRetryable, sleep, type ApiError } from './apiClient';
import { readJson, writeJson } from './storage';

/** What the queue keeps on every entry besides the caller's own fields. */
export interface Queued {
  /** `failed` means the server refused it for good (the reason is in `error`); otherwise it is retried. */
  state: 'sending' | 'failed';
  error?: string;
}

export interface PersistentQueue<Entry extends Queued, Result> {
  /** Stores the entry and sends it in turn; resolves with the server's result, rejects when refused. */
  add(entry: Entry): Promise<Result>;
  /** Copies of the entries still waiting or refused, oldest first: a new array on every change. */
  entries: ReadonlySignal<readonly Entry[]>;
  /** Forgets the entries that match, without sending them. */
  drop(match: (entry: Entry) => boolean): void;
  /** Sends what is waiting now instead of after the backoff (the connection is back). */
  kick(): void;
  stop(): void;
}

type Settle<Result> = { resolve(result: Result): void; reject(error: Error): void };

/**
 * A queue that survives a dropped connection, a server restart and a page reload: entries sit in
 * localStorage under `key` until `send` resolves. A retryable failure waits (1 s, 2 s, 4 s … 30 s,
 * or the `retryAfter` the server asked for) and sends the same entry again, so `send` must be
 * idempotent (the server deduplicates on an id the entry carries); any other failure marks the
 * entry failed. `entries` shows every change; `onChange` hears it too, with the result when the
 * entry was acknowledged.
 * @example const q = createPersistentQueue<Note, Saved>('notes', (n) => api('POST', '/notes', n), render)
 */
export function createPersistentQueue<Entry extends Queued, Result>(
  key: string,
  send: (entry: Entry) => Promise<Result>,
  onChange?: (entry: Entry, result?: Result) => void,
): PersistentQueue<Entry, Result> {
  let entries: Entry[] = readJson<Entry[]>(key) || [];
  const shown = signal<readonly Entry[]>(entries.map((e) => ({ ...e })));
  const waiting = new Map<Entry, Settle<Result>>();
  let stopped = false;
  let wake = new AbortController();
  /** Ends a wait the server asked for, which only `stop` may cut short. */
  const halt = new AbortController();
  let running = false;
  let failures = 0;

  const save = (entry: Entry, result?: Result) => {
    writeJson(key, entries.length ? entries : undefined);
    shown.value = entries.map((e) => ({ ...e }));
    onChange?.(entry, result);
  };
  const settle = (entry: Entry) => {
    const settled = waiting.get(entry);
    waiting.delete(entry);
    return settled;
  };

  const deliver = async (entry: Entry) => {
    let result: Result;
    try {
      result = await send(entry);
    } catch (error) {
      if (isRetryable(error)) throw error;
      entry.state = 'failed';
      entry.error = (error as Error).message;
      save(entry);
      settle(entry)?.reject(error as Error);
      return;
    }
    failures = 0;
    entries = entries.filter((e) => e !== entry);
    save(entry, result);
    settle(entry)?.resolve(result);
  };

  // One sender at a time keeps the entries in the order they were written.
  const run = async () => {
    if (running) return;
    running = true;
    try {
      for (;;) {
        const next = entries.find((e) => e.state === 'sending');
        if (!next || stopped) return;
        try {
          await deliver(next);
        } catch (error) {
          // A rate-limited queue waits as long as the server said: a kick (back online) would only be refused again.
          const asked = (error as ApiError).retryAfter;
          await sleep(asked || Math.min(30000, 1000 * 2 ** failures++), asked ? halt.signal : wake.signal);
          if (!stopped) wake = new AbortController();
        }
      }
    } finally {
      running = false;
    }
  };

  if (entries.some((e) => e.state === 'sending')) void run();

  return {
    add(entry) {
      entries.push(entry);
      save(entry);
      const acknowledged = new Promise<Result>((resolve, reject) => waiting.set(entry, { resolve, reject }));
      void run();
      return acknowledged;
    },
    entries: shown,
    drop(match) {
      for (const entry of entries.filter(match)) {
        entries = entries.filter((e) => e !== entry);
        waiting.delete(entry);
        save(entry);
      }
    },
    kick() {
      failures = 0;
      wake.abort();
      void run();
    },
    stop() {
      stopped = true;
      wake.abort();
      halt.abort();
      waiting.clear();
    },
  };
}

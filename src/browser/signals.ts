/**
 * The widget's reactive values: `signal`, `computed`, `effect` and `batch`, with the meaning
 * @preact/signals-core gives them, for the part of that API the widget uses. The messenger chunk
 * carries them to every first open, where signals-core would weigh nearly three times as much
 * (4.6 KB minified against 1.6).
 *
 * A change marks what depends on it stale, down the graph, without computing anything; a stale
 * effect is queued and runs when the outermost write or `batch` ends. Before it runs, and before
 * a computed value recomputes, it asks its sources whether they really changed (each keeps a
 * version): a computed value that comes out the same as before stops the change there.
 * Not supported, as the widget needs none of them: an effect's cleanup return value, `untracked`,
 * `subscribe`, and writing to a signal a computed value is computing from.
 */

/** What a computation read: a signal or a computed value. */
interface Source {
  _version: number;
  _observers: Set<Computation>;
  /** Brings a computed value up to date; a plain signal always is. */
  _refresh(): void;
}

/** A computed value or an effect: what reads sources and is told when they change. */
interface Computation {
  /** Each source read on the last run, with its version then. */
  _sources: Map<Source, number>;
  _stale(): void;
}

export interface ReadonlySignal<T> {
  readonly value: T;
  /** The value, without making the running computation depend on it. */
  peek(): T;
}

let running: Computation | undefined;
let depth = 0;
const queued = new Set<Effect>();
/** Runs of queued effects in one flush beyond which a write loop is assumed. */
const MAX_RUNS = 1000;

function read(source: Source): void {
  if (!running) return;
  running._sources.set(source, source._version);
  source._observers.add(running);
}

function track<T>(computation: Computation, fn: () => T): T {
  untrack(computation);
  const outer = running;
  running = computation;
  try {
    return fn();
  } finally {
    running = outer;
  }
}

/** Forgets the sources of the computation's last run, and they it. */
function untrack(computation: Computation): void {
  for (const source of computation._sources.keys()) source._observers.delete(computation);
  computation._sources.clear();
}

/** Whether a source of the computation's last run has a new value since. */
function changed(computation: Computation): boolean {
  for (const [source, version] of computation._sources) {
    source._refresh();
    if (source._version !== version) return true;
  }
  return false;
}

const markObservers = (source: Source) => [...source._observers].forEach((observer) => observer._stale());

export class Signal<T> implements Source, ReadonlySignal<T> {
  _version = 0;
  _observers = new Set<Computation>();
  constructor(protected _value: T) {}

  _refresh(): void {}

  get value(): T {
    read(this);
    return this._value;
  }

  set value(value: T) {
    if (value === this._value) return;
    this._value = value;
    this._version++;
    batch(() => markObservers(this));
  }

  peek(): T {
    return this._value;
  }
}

class Computed<T> extends Signal<T> implements Computation {
  _sources = new Map<Source, number>();
  private _dirty = true;
  constructor(private readonly _compute: () => T) {
    super(undefined as T);
  }

  _stale(): void {
    if (this._dirty) return;
    this._dirty = true;
    markObservers(this);
  }

  override _refresh(): void {
    // Version 0: never computed yet.
    if (!this._dirty || (this._version && !changed(this))) return void (this._dirty = false);
    const value = track(this, this._compute);
    this._dirty = false;
    if (value !== this._value || !this._version) {
      this._value = value;
      this._version++;
    }
  }

  override get value(): T {
    this._refresh();
    read(this);
    return this._value;
  }

  override peek(): T {
    this._refresh();
    return this._value;
  }
}

class Effect implements Computation {
  _sources = new Map<Source, number>();
  _stopped = false;
  constructor(readonly _run: () => void) {}
  _stale(): void {
    if (!this._stopped) queued.add(this);
  }
}

function flush(): void {
  let runs = 0;
  let failure: { error: unknown } | undefined;
  depth++;
  try {
    for (const effect of queued) {
      queued.delete(effect);
      if (++runs > MAX_RUNS) throw new Error('signals: effects keep changing what they read');
      try {
        if (changed(effect)) track(effect, effect._run);
      } catch (error) {
        failure ||= { error };
      }
    }
  } finally {
    depth--;
  }
  if (failure) throw failure.error;
}

export const signal = <T>(value: T): Signal<T> => new Signal(value);

export const computed = <T>(compute: () => T): ReadonlySignal<T> => new Computed(compute);

/**
 * Runs `fn` now and again whenever a value it read on its last run changes; returns what stops it.
 * An error thrown by the first run stops it and is thrown to the caller.
 */
export function effect(fn: () => void): () => void {
  const node = new Effect(fn);
  const stop = () => ((node._stopped = true), queued.delete(node), untrack(node));
  try {
    track(node, fn);
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}

/** Makes the writes inside `fn` one change: effects run once, after it returns. */
export function batch<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    if (!--depth && queued.size) flush();
  }
}

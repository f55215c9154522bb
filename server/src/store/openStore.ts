/**
 * The store the configuration names: SQLite in DATA_DIR (one process owns the file), or the
 * PostgreSQL of DATABASE_URL shared by any number of instances.
 */
import type { ServerConfig } from '../config.ts';
import type { Store } from './Store.ts';
import { SqliteStore } from './sqlite/SqliteStore.ts';

/** The LISTEN/NOTIFY channel on which PostgreSQL instances hear of each other's commits. */
export const EVENTS_CHANNEL = 'sangdam_events';

export interface OpenedStore {
  store: Store;
  /** Runs the start-up steps (demo channel, first owner, manager token) one instance at a time. */
  underStartLock<T>(work: () => Promise<T>): Promise<T>;
  /**
   * With several instances: calls `onCommit` when another instance commits (and `onListen` on
   * every (re)connection, when what was missed must be read); returns the stop. Absent when this
   * process is the only writer.
   */
  listen?(onCommit: () => void, onListen: () => void): Promise<() => Promise<void>>;
  /** How often the event log is read for what no announcement brought (ms); absent: never. */
  idleReadMs?: number;
}

export async function openStore(config: ServerConfig): Promise<OpenedStore> {
  if (!config.postgres) {
    const store = SqliteStore.open(config.dataDir, config.clock);
    return { store, underStartLock: (work) => work() };
  }
  const { PgStore } = await import('./pg/PgStore.ts');
  const notify = config.bus !== 'none';
  // Fault injection for the cluster test only: commits held open up to this many ms.
  const hold = Number(process.env.SANGDAM_FAULT_HOLD_COMMIT_MS) || 0;
  const store = await PgStore.open({
    ...config.postgres,
    clock: config.clock,
    notifyChannel: notify ? EVENTS_CHANNEL : undefined,
    ...(hold > 0 ? { holdCommitMs: () => Math.random() * hold } : {}),
  });
  return {
    store,
    underStartLock: (work) => store.underStartLock(work),
    ...(notify ? { listen: (onCommit: () => void, onListen: () => void) => store.listen(EVENTS_CHANNEL, onCommit, onListen) } : {}),
    idleReadMs: 1000,
  };
}

/**
 * The store the configuration names: SQLite in DATA_DIR (one process owns the file), or the
 * PostgreSQL of DATABASE_URL shared by any number of instances.
 */
import type { ServerConfig } from '../config.ts';
import { EVENTS_CHANNEL } from '../cluster/postgresBus.ts';
import type { PgStore } from './pg/PgStore.ts';
import type { Store } from './Store.ts';
import { SqliteStore } from './sqlite/SqliteStore.ts';

export interface OpenedStore {
  store: Store;
  /** Runs the start-up steps (demo channel, first owner, manager token) one instance at a time. */
  underStartLock<T>(work: () => Promise<T>): Promise<T>;
  /** The shared database, when other instances may write to it too; absent: this process is the only writer. */
  shared?: PgStore;
  /** How often the event log is read for what no announcement brought (ms); absent: never. */
  idleReadMs?: number;
}

export async function openStore(config: ServerConfig): Promise<OpenedStore> {
  if (!config.postgres) {
    const store = SqliteStore.open(config.dataDir, config.clock);
    return { store, underStartLock: (work) => work() };
  }
  const { PgStore } = await import('./pg/PgStore.ts');
  // Fault injection for the cluster test only: commits held open up to this many ms.
  const hold = Number(process.env.SANGDAM_FAULT_HOLD_COMMIT_MS) || 0;
  const store = await PgStore.open({
    ...config.postgres,
    clock: config.clock,
    // BUS=postgres rings inside each transaction; BUS=redis after it (cluster/redis.ts).
    notifyChannel: (config.bus ?? 'postgres') === 'postgres' ? EVENTS_CHANNEL : undefined,
    ...(hold > 0 ? { holdCommitMs: () => Math.random() * hold } : {}),
  });
  return { store, shared: store, underStartLock: (work) => store.underStartLock(work), idleReadMs: 1000 };
}

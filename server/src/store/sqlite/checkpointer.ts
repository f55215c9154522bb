/**
 * WAL checkpoints on a thread of their own. A checkpoint copies the write-ahead log into the
 * database file and fsyncs both, which takes from a few to tens of milliseconds; left to SQLite
 * it runs inside the COMMIT that crossed the threshold, and every request queued behind that
 * commit waits. Here a worker with its own connection copies the log soon after commits land.
 *
 * The writer keeps SQLite's automatic checkpoint as a backstop, at a higher threshold: a PASSIVE
 * checkpoint never finishes a log that keeps growing under steady traffic (and the log only
 * restarts once fully copied), and the worker may fail. By then the worker has copied all but the
 * last few commits, so the writer's checkpoint is short.
 */
import { Worker } from 'node:worker_threads';

export interface Checkpointer {
  /** Says that a commit has added to the log. */
  committed(): void;
  /** Stops the worker and closes its connection. */
  close(): Promise<void>;
}

/**
 * Starts the worker on the database at `file`; it checkpoints at most every `intervalMs`, and
 * only after commits.
 * @example const checkpointer = startCheckpointer(join(dataDir, 'sangdam.db'))
 */
export function startCheckpointer(file: string, intervalMs = 20): Checkpointer {
  const commits = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./checkpointWorker.mjs', import.meta.url), {
    workerData: { file, commits, intervalMs },
  });
  worker.unref();
  worker.on('message', (message: { error: string }) => console.error('WAL checkpoint failed', message.error));
  worker.on('error', (error) => console.error('WAL checkpointer stopped', error));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    committed() {
      Atomics.add(commits, 0, 1);
    },
    async close() {
      // Held until it has closed its connection: in a script with nothing else running, an
      // unreferenced worker would let the process end (or a top-level await give up) first.
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}

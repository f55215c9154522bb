// The body of the checkpointer's thread (see checkpointer.ts). Plain JavaScript, because a worker
// thread starts without the TypeScript loader the server runs under.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { file, commits, intervalMs } = workerData;
const db = new Database(file);
// Starts below any count, so the first round also copies what was written before this thread ran.
let checkpointed = -1;

// PASSIVE: copies the commits that are in the log when it starts, and never waits for the writer
// nor makes it wait. Once a checkpoint has copied everything, the next commit restarts the log.
const timer = setInterval(() => {
  const seen = Atomics.load(commits, 0);
  if (seen === checkpointed) return;
  checkpointed = seen;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
}, intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});

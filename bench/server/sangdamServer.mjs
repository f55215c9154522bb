// The Sangdam server as the bench runs it: a child process on 127.0.0.1, a free port, a fresh
// temporary database, quiet logs, and no site files to serve.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './child.mjs';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PLUGIN_KEY = 'bench-plugin-key';
export const MANAGER_TOKEN = 'bench-manager-token-0123456789';

/**
 * Starts the server; `stop()` ends it and removes its data directory. Extra Node flags for the
 * server (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to find a bottleneck) come from
 * BENCH_SERVER_NODE_ARGS.
 */
export async function startSangdam() {
  const dataDir = await mkdtemp(join(tmpdir(), 'sangdam-bench-'));
  try {
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = await startChild([...nodeArgs, 'server/dist/server/src/main.js'], {
      cwd: REPO_ROOT,
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        MANAGER_TOKEN,
        PLUGIN_KEY,
        LOG_LEVEL: 'warn',
        // A thousand customers from one address is exactly what the limits refuse; this measures throughput.
        RATE_LIMITS: 'off',
        DIST_DIR: join(dataDir, 'no-dist'),
        EXAMPLES_DIR: join(dataDir, 'no-examples'),
      },
      ready: /listening on (http:\/\/\S+)/,
    });
    return {
      url: child.match[1],
      pid: child.pid,
      stderr: child.stderr,
      async stop() {
        await child.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

// The Sangdam server as the bench runs it: child processes on 127.0.0.1, free ports, quiet logs,
// no site files to serve, and a fresh store: a temporary SQLite directory, or (for the PostgreSQL
// set-ups) a fresh database on the PostgreSQL the bench was given, dropped at the end.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { startChild } from './child.mjs';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PLUGIN_KEY = 'bench-plugin-key';
export const MANAGER_TOKEN = 'bench-manager-token-0123456789';

/**
 * The set-ups the server bench compares, as far as the services it was given allow:
 * `postgres` and `redis` are URLs of servers the bench may create databases and keys on.
 */
export function serverSetups({ postgres: pgUrl, redis } = {}) {
  const setups = [{ name: 'SQLite×1', instances: 1 }];
  if (pgUrl) setups.push({ name: 'PostgreSQL×1', instances: 1, postgres: pgUrl, bus: 'postgres' });
  if (pgUrl && redis) setups.push({ name: 'PostgreSQL×3 + Redis', instances: 3, postgres: pgUrl, redis, bus: 'redis' });
  return setups;
}

/**
 * Starts the instances of `setup` (default: one on SQLite); `stop()` ends them and removes their
 * data. Extra Node flags for the servers (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to find a
 * bottleneck) come from BENCH_SERVER_NODE_ARGS.
 */
export async function startSangdam(setup = { instances: 1 }) {
  const dirs = [];
  const children = [];
  let database = null;
  const cleanUp = async () => {
    await Promise.all(children.map((child) => child.stop()));
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    if (database) await database.drop();
  };
  try {
    if (setup.postgres) database = await freshDatabase(setup.postgres);
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    for (let i = 0; i < setup.instances; i++) {
      const dataDir = await mkdtemp(join(tmpdir(), 'sangdam-bench-'));
      dirs.push(dataDir);
      children.push(
        await startChild([...nodeArgs, 'server/dist/server/src/main.js'], {
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
            DATABASE_URL: database?.url ?? '',
            REDIS_URL: setup.redis ?? '',
            BUS: setup.bus ?? '',
            ...(database ? { PG_POOL_SIZE: '20' } : {}),
          },
          ready: /listening on (http:\/\/\S+)/,
        }),
      );
    }
    return {
      urls: children.map((child) => child.match[1]),
      pids: children.map((child) => child.pid),
      databaseUrl: database?.url ?? null,
      stderr: () => children.map((child) => child.stderr()).join(''),
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function freshDatabase(serverUrl) {
  const name = `sangdam_bench_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const sql = postgres(serverUrl, { max: 1, onnotice: () => undefined });
      await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => sql.end());
    },
  };
}

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config.ts';
import { call, removeDir, tempDir } from './helpers.ts';

const MAIN = join(REPO_ROOT, 'server/dist/server/src/main.js');
let dataDir: string;

/** The newest change time of the sources under `dir`. */
function newest(dir: string): number {
  return Math.max(...readdirSync(dir, { withFileTypes: true }).map((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
  }));
}

beforeAll(async () => {
  // `npm run build` makes it; a run of this file alone after a change makes it here.
  const stale = !existsSync(MAIN) || statSync(MAIN).mtimeMs < Math.max(newest(join(REPO_ROOT, 'server/src')), newest(join(REPO_ROOT, 'src/shared')));
  if (stale) execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/buildServer.mjs')], { stdio: 'ignore' });
  dataDir = await tempDir();
}, 60_000);
afterAll(() => removeDir(dataDir));

describe('the compiled server', () => {
  it('starts with plain node on SQLite when no database is configured, is ready, and stops cleanly on SIGTERM', async () => {
    const env = { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', NODE_OPTIONS: '' };
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + 20_000;
    while (!/listening on (http:\/\/\S+)/.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const url = output.match(/listening on (http:\/\/\S+)/)![1];
    expect(output).toContain(`data           ${dataDir}`);
    expect((await call(`${url}/readyz`, 'GET')).status).toBe(200);
    expect(existsSync(join(dataDir, 'sangdam.db'))).toBe(true);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM: closing…');
  }, 60_000);
});

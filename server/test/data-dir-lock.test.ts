import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config.ts';
import { call, removeDir, startServer, tempDir } from './helpers.ts';

const children: ChildProcess[] = [];
// A failed test must not leave a server running.
afterEach(() => children.splice(0).forEach((child) => child.exitCode === null && child.kill('SIGKILL')));

/** `node --import tsx server/src/main.ts` on `dataDir`, with everything it prints collected. */
function runMain(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (data) => (output.stdout += data));
  child.stderr!.on('data', (data) => (output.stderr += data));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exited };
}

/** Resolves with the server's URL once main.ts says where it listens. */
async function listening(run: ReturnType<typeof runMain>): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const match = /listening on (\S+)/.exec(run.output.stdout);
    if (match) return match[1];
    if (run.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`main.ts did not start:\n${run.output.stdout}\n${run.output.stderr}`);
}

const kill = async (child: ChildProcess, signal: NodeJS.Signals) => {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
};

describe('one DATA_DIR, one process', () => {
  it('refuses a second server on the same DATA_DIR, naming the directory, the holder and the risk', async () => {
    const dataDir = await tempDir();
    const first = await startServer({ dataDir });
    const second = startServer({ dataDir });
    await expect(second).rejects.toThrow(`DATA_DIR: ${dataDir} is in use by another Sangdam server (process ${process.pid}, running since `);
    await expect(second).rejects.toThrow('two servers on one folder would split live delivery');
    // The refusal left the first one alone.
    expect((await call(`${first.url}/healthz`, 'GET')).status).toBe(200);
    await first.close();

    const third = await startServer({ dataDir });
    expect(third.pluginKey).toBe(first.pluginKey);
    await third.close();
    await removeDir(dataDir);
  });

  it('makes main.ts print the reason and exit non-zero, and frees the directory when the holder is killed with SIGKILL', async () => {
    const dataDir = await tempDir();
    const holder = runMain(dataDir);
    await listening(holder);

    const refused = runMain(dataDir);
    expect(await refused.exited).toBe(1);
    expect(refused.output.stderr).toContain(`DATA_DIR: ${dataDir} is in use by another Sangdam server (process ${holder.child.pid}, running since `);
    expect(refused.output.stderr).toContain('Stop the other server, or set DATA_DIR to another directory.');
    expect(refused.output.stderr).not.toMatch(/^\s+at /m); // a reason, not a stack trace
    await expect(startServer({ dataDir })).rejects.toThrow(`(process ${holder.child.pid}, `);

    // No chance to clean up: the lock must go with the process, not with a file it would delete.
    await kill(holder.child, 'SIGKILL');
    const after = await startServer({ dataDir });
    expect((await call(`${after.url}/healthz`, 'GET')).status).toBe(200);
    await after.close();
    await removeDir(dataDir);
  });
});

/** The compiled server (`npm run build`), started as its own process as a deployment runs it. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/config.ts';

export const MAIN = join(REPO_ROOT, 'server/dist/server/src/main.js');

/** The newest change time of the files under `dir`. */
function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    }),
  );
}

/** Compiles the server when its build is missing or older than its sources. */
export function ensureCompiled(): void {
  const stale = !existsSync(MAIN) || statSync(MAIN).mtimeMs < Math.max(newest(join(REPO_ROOT, 'server/src')), newest(join(REPO_ROOT, 'src/shared')));
  if (stale) execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/buildServer.mjs')], { stdio: 'ignore' });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed. */
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `node main.js` with `env` over this process's; resolves once it listens. */
export async function startProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, PORT: '0', NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 30_000;
  while (!/listening on (http:\/\/\S+)/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { child, url: output.match(/listening on (http:\/\/\S+)/)![1], output: () => output, exited };
}

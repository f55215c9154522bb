// A Node child process whose memory and file-descriptor limit can be read apart from the bench's
// own: spawned through bash so its soft `ulimit -n` can be raised first (Node cannot raise it).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const RAISE_FD_LIMIT = 'ulimit -n 65535 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"';

/**
 * Starts `node …args` and resolves once a stdout line matches `ready`, with the match.
 * @example const child = await startChild(['server.mjs'], { env, ready: /listening on (\S+)/ })
 */
export function startChild(args, { env, cwd, ready, timeoutMs = 20_000 }) {
  const proc = spawn('bash', ['-c', RAISE_FD_LIMIT, process.execPath, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(new Error(`child ${args[args.length - 1]}: not ready within ${timeoutMs} ms`)), timeoutMs);
    const fail = (error) => {
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(new Error(`${error.message}\n${stderr}`));
    };
    proc.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = stdout.match(ready);
      if (!match) return;
      clearTimeout(timer);
      proc.stdout.removeAllListeners('data');
      proc.stdout.resume();
      resolve({ pid: proc.pid, match, stderr: () => stderr, stop: () => stopChild(proc, exited) });
    });
    exited.then(({ code, signal }) => fail(new Error(`child exited early (${code ?? signal})`)));
  });
}

async function stopChild(proc, exited) {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Resident memory of a process in KB, from /proc (Linux only; null elsewhere). */
export function rssKB(pid) {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * CPU time a process has used so far, user and system, all its threads, in ms, from /proc
 * (Linux only, with the usual 100 clock ticks a second; null elsewhere).
 */
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime and stime, the 14th and 15th fields
  } catch {
    return null;
  }
}

/** The soft limit on open files of a process ('self' for this one); Infinity when unlimited or unknown. */
export function openFilesLimit(pid = 'self') {
  try {
    const match = readFileSync(`/proc/${pid}/limits`, 'utf8').match(/^Max open files\s+(\S+)/m);
    return match && match[1] !== 'unlimited' ? Number(match[1]) : Infinity;
  } catch {
    return Infinity;
  }
}

/**
 * CPU ms so far of every process whose command is `name` (e.g. `postgres`, `redis-server`), by
 * pid, so that a later reading can be compared process by process (a process that started in
 * between counts from zero).
 */
export function cpuOfCommand(name) {
  const used = new Map();
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== name) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      used.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // gone meanwhile
    }
  }
  return used;
}

/** CPU ms used between two readings of `cpuOfCommand`. */
export const cpuBetween = (before, after) => [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

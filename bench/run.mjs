// `npm run bench`: bundle sizes, then what the SDK costs a host page in Chromium (bench/browser),
// then, when present, the server under load (bench/server). Expects `npm run build` to have run;
// starts its own server on a free loopback port with a fresh data directory and stops it after.
//
//   node bench/run.mjs [--rounds N] [--connections N] [--seconds N] [--quick] [--check] [--peers] [--only browser|server|inbox]
//
// --peers also embeds other widgets (PostHog's surveys tab and conversations, Rocket.Chat Livechat)
// the same way in every browser round and prints them beside ours; they come from the project's
// devDependencies, or from BENCH_PEERS_DIR (a directory whose node_modules has them). See
// bench/browser/peers.mjs for how each is booted and what is mocked.
//
// --quick is a smoke run (2 rounds, 20 connections, 3 s) and writes bench/results-quick.json;
// a full run writes bench/results.json. --check exits non-zero when a figure is missing, a round
// failed, or a message was lost or duplicated (the test command runs `--quick --check`).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measure } from '../scripts/size.mjs';
import { parseArgs, problems } from './options.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PLUGIN_KEY = 'bench-plugin-key';
const MANAGER_TOKEN = 'bench-manager-token-0123456789';
const SIZES = [
  ['snippet', ['dist/snippet.js']],
  ['sdk.js', ['dist/sdk.js']],
  ['messenger.js', ['dist/messenger.js']],
  ['messenger.ko.js', ['dist/messenger.ko.js']],
  ['survey.js', ['dist/survey.js']],
  ['console.js', ['dist/console.js']],
];

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The real server, compiled as it is deployed (`npm run build`), on a free port, on `dataDir` (fresh by default; removed at stop). */
export async function startServer({ dataDir = mkdtempSync(join(tmpdir(), 'sangdam-bench-')) } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['server/dist/server/src/main.js'], {
    cwd: ROOT,
    // Every round boots from one address, far faster than a person: the limits are off for the bench.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, MANAGER_TOKEN, PLUGIN_KEY, RATE_LIMITS: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /healthz within 20 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, dataDir, pluginKey: PLUGIN_KEY, managerToken: MANAGER_TOKEN, stop };
}

const num = (n, digits = 1) => (n == null ? '–' : n.toFixed(digits));

/** A table with a header row, columns padded to their widest cell (first column left-aligned). */
function table(title, header, rows) {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => String(r[i]).length)));
  const line = (r) => r.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  return [`\n${title}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function sizesTable(sizes) {
  const kb = (n) => (n / 1024).toFixed(2);
  return table('Bundle sizes (KB)', ['file', 'min', 'gzip', 'brotli'], sizes.map((s) => [s.name, kb(s.raw), kb(s.gzip), kb(s.brotli)]));
}

/** Rows of `{ label, unit, n, median, p25, p75, min, max }`, as both bench parts may report. */
function summaryTable(title, summary) {
  const digits = (unit) => (unit === '' ? 4 : unit === '×' ? 2 : 1);
  return table(title, ['figure', 'unit', 'median', 'p25–p75', 'min–max', 'n'], summary.map((s) => [
    s.label, s.unit, num(s.median, digits(s.unit)), `${num(s.p25, digits(s.unit))}–${num(s.p75, digits(s.unit))}`, `${num(s.min, digits(s.unit))}–${num(s.max, digits(s.unit))}`, s.n,
  ]));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const missing = ['dist/snippet.js', 'dist/sdk.js', 'dist/messenger.js', 'dist/console.js'].filter((f) => !existsSync(join(ROOT, f)));
  if (missing.length) {
    console.error(`bench: ${missing.join(', ')} missing. Run npm run build first.`);
    process.exit(1);
  }
  process.chdir(ROOT);
  const results = { startedAt: new Date().toISOString(), options, node: process.version };
  results.sizes = SIZES.map(([name, files]) => ({ name, ...measure(files) }));
  console.log(sizesTable(results.sizes));

  // Found before anything starts, so a missing peer package fails at once with what to install.
  const peers = options.peers ? (await import('./browser/peers.mjs')).resolvePeers() : undefined;
  const server = await startServer();
  const stopOnSignal = () => server.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const log = (line) => console.log(`  ${line}`);
  const runs = (part) => !options.only || options.only === part;
  try {
    if (runs('browser')) await browserPart();
    if (runs('server')) await serverPart();
    if (runs('inbox')) {
      const { measureInbox, inboxTable } = await import('./inbox/measure.mjs');
      results.inbox = await measureInbox({ quick: options.quick, startServer, pluginKey: PLUGIN_KEY, managerToken: MANAGER_TOKEN, log });
      console.log(summaryTable(inboxTable(results.inbox), results.inbox.summary));
    }
  } finally {
    await server.stop();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  }

  async function browserPart() {
    const { measureBrowser } = await import('./browser/measure.mjs');
    console.log(`\nBrowser: ${options.rounds} rounds, CPU throttled 4×, server ${server.url}`);
    const browserStarted = Date.now();
    results.browser = await measureBrowser({ rounds: options.rounds, throttle: 4, serverUrl: server.url, peers, log });
    results.browser.seconds = (Date.now() - browserStarted) / 1000;
    console.log(summaryTable(`Browser (Chromium ${results.browser.chromium}, ${results.browser.perRound.length}/${options.rounds} rounds, ${results.browser.seconds.toFixed(0)} s)`, results.browser.summary));
    if (peers) {
      const { comparison } = await import('./browser/peers.mjs');
      const versions = `posthog-js ${peers.posthog.version}, @rocket.chat/livechat ${peers.rocketchat.version}`;
      console.log(table(`Late embed beside peers (medians, untraced, 4× throttling; ${versions})`, ['widget', 'main thread added (ms)', 'bytes before launcher (KB)', 'long tasks'],
        comparison(results.browser.summary).map((r) => [r.label, num(r.main), num(r.bytes), num(r.longTasks)])));
    }
    if (results.browser.failures.length) console.log(`failed rounds: ${results.browser.failures.map((f) => `${f.round} (${f.error})`).join('; ')}`);
  }

  async function serverPart() {
    const part = join(ROOT, 'bench/server/measure.mjs');
    if (existsSync(part)) {
      const module = await import(pathToFileURL(part).href);
      if (typeof module.measureServer === 'function') {
        console.log(`\nServer: ${options.connections ?? 'default'} connections, ${options.seconds ?? 'default'} s`);
        const given = Object.fromEntries(Object.entries({ connections: options.connections, seconds: options.seconds }).filter(([, v]) => v !== undefined));
        results.server = await module.measureServer({ ...given, quick: options.quick, serverUrl: server.url, log });
        if (Array.isArray(results.server?.summary)) console.log(summaryTable('Server', results.server.summary));
        else if (typeof module.formatServer === 'function') console.log(module.formatServer(results.server));
        else console.log(JSON.stringify(results.server, null, 2));
      }
    }
  }
  results.finishedAt = new Date().toISOString();
  // A run of one part keeps the full run's file as it was.
  const out = options.quick ? 'bench/results-quick.json' : options.only ? `bench/results-${options.only}.json` : 'bench/results.json';
  writeFileSync(join(ROOT, out), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nWrote ${out}`);
  if (options.check) {
    const found = problems(results);
    if (found.length) {
      console.error(`bench check failed:\n  ${found.join('\n  ')}`);
      process.exit(1);
    }
    console.log('bench check: every figure present, no round failed, no message lost or duplicated');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(`bench: ${error.stack || error.message}`);
      process.exit(1);
    },
  );
}

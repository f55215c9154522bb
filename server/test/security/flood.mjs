#!/usr/bin/env node
// A bounded flood against a real server, run by hand:
//   node server/test/security/flood.mjs [--clients 50] [--seconds 10] [--limits off|<RATE_LIMITS JSON>]
// Half the clients post messages as fast as they can, each with its own visitor token; the other
// half boot anonymous visitors in a loop; all from 127.0.0.1. Meanwhile a well-behaved probe asks
// /healthz and boots a new visitor, ten times a second, from twenty other loopback addresses in
// turn (each on a keep-alive connection, and far under the per-address limits). It prints how many flood requests were accepted and refused (429), and the probe's
// p50/p99 latency before and during the flood. The flood runs in a process of its own, so that
// its load on the client side does not show up in the probe's figures.
import { fork, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PLUGIN_KEY = 'flood-plugin-key';
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const CLIENTS = Number(arg('clients', 50));
const SECONDS = Number(arg('seconds', 10));
const LIMITS = arg('limits', undefined);

async function startServer() {
  const dataDir = await mkdtemp(join(tmpdir(), 'sangdam-flood-'));
  const env = {
    ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, PLUGIN_KEY, LOG_LEVEL: 'error',
    MANAGER_TOKEN: 'flood-manager-token-0123456789', DIST_DIR: join(dataDir, 'none'), EXAMPLES_DIR: join(dataDir, 'none'),
    ...(LIMITS === undefined ? {} : { RATE_LIMITS: LIMITS }),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One JSON request from `from` (a loopback address), timed; resolves with status and ms. */
function timed(url, method, { from = '127.0.0.1', token, body, agent = false } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  const data = body === undefined ? undefined : JSON.stringify(body);
  if (data !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  return new Promise((resolve) => {
    const outgoing = request(url, { method, headers, localAddress: from, agent }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: response.statusCode, ms: performance.now() - started, json });
      });
    });
    outgoing.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    outgoing.end(data);
  });
}

const quantile = (values, q) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;
};
const summary = (values) => ({ n: values.length, p50: quantile(values, 0.5), p99: quantile(values, 0.99) });

/** The well-behaved probe: /healthz and a new visitor's boot, every 100 ms. */
async function probe(url, ms, nextAddress) {
  const health = [];
  const boots = [];
  const refused = { health: 0, boot: 0 };
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const tick = Date.now();
    const [h, b] = await Promise.all([
      timed(`${url}/healthz`, 'GET', nextAddress()),
      timed(`${url}/api/widget/${PLUGIN_KEY}/boot`, 'POST', { ...nextAddress(), body: { language: 'en' } }),
    ]);
    if (h.status === 200) health.push(h.ms);
    else refused.health++;
    if (b.status === 200) boots.push(b.ms);
    else refused.boot++;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (Date.now() - tick))));
  }
  return { health: summary(health), boot: summary(boots), refused };
}

/** Visitors with a chat each, made before the flood starts, for the message flooders. */
async function messengers(url, count, agent) {
  const api = `${url}/api/widget/${PLUGIN_KEY}`;
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const boot = await timed(`${api}/boot`, 'POST', { body: {}, agent });
      const token = boot.json?.token;
      const chat = await timed(`${api}/chats`, 'POST', { token, body: { clientId: `flood-${index}` }, agent });
      if (!chat.json?.chat) throw new Error(`setup failed: boot ${boot.status}, chat ${chat.status}`);
      return { index, token, chatId: chat.json.chat.id };
    }),
  );
}

async function flood(url, ms, visitors, agent) {
  const counts = { message: {}, boot: {} };
  const count = (kind, status) => (counts[kind][status] = (counts[kind][status] ?? 0) + 1);
  const deadline = Date.now() + ms;
  const api = `${url}/api/widget/${PLUGIN_KEY}`;
  const messenger = async ({ index, token, chatId }) => {
    for (let n = 0; Date.now() < deadline; n++) {
      const reply = await timed(`${api}/chats/${chatId}/messages`, 'POST', { token, body: { text: `flood ${n}`, clientId: `f-${index}-${n}` }, agent });
      count('message', reply.status);
    }
  };
  const booter = async () => {
    while (Date.now() < deadline) count('boot', (await timed(`${api}/boot`, 'POST', { body: {}, agent })).status);
  };
  const booters = Array.from({ length: CLIENTS - visitors.length }, booter);
  await Promise.all([...visitors.map(messenger), ...booters]);
  return counts;
}

/** The flood half, in a child process: sets up, says ready, floods when told, reports its counts. */
async function runFlood(url) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const visitors = await messengers(url, Math.ceil(CLIENTS / 2), agent);
  process.send({ ready: true });
  await new Promise((resolve) => process.once('message', resolve));
  const started = Date.now();
  const counts = await flood(url, SECONDS * 1000, visitors, agent);
  agent.destroy();
  process.send({ counts, seconds: (Date.now() - started) / 1000 });
}

async function main() {
  const server = await startServer();
  try {
    const child = fork(fileURLToPath(import.meta.url), [...process.argv.slice(2), '--role', 'flood', '--url', server.url]);
    const next = () => new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`flood process exited with ${code}`)));
    });
    await next(); // its visitors are set up
    // 127.0.0.2 … 127.0.0.21, each with a connection kept open: the probe times the server, not connecting.
    const probers = Array.from({ length: 20 }, (_, i) => ({ from: `127.0.0.${i + 2}`, agent: new Agent({ keepAlive: true, maxSockets: 1 }) }));
    let turn = 0;
    const nextAddress = () => probers[turn++ % probers.length];
    const before = await probe(server.url, 3000, nextAddress);
    child.send('go');
    const [during, { counts, seconds }] = await Promise.all([probe(server.url, SECONDS * 1000, nextAddress), next()]);
    for (const { agent } of probers) agent.destroy();
    const rate = (kind) => Math.round(Object.values(counts[kind]).reduce((a, b) => a + b, 0) / seconds);
    console.log(JSON.stringify({ clients: CLIENTS, seconds: SECONDS, limits: LIMITS ?? 'defaults', flood: counts, floodPerSecond: { message: rate('message'), boot: rate('boot') }, probeBefore: before, probeDuring: during }, null, 2));
  } finally {
    await server.stop();
  }
}

if (arg('role', 'main') === 'flood') await runFlood(arg('url'));
else await main();

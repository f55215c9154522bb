// The server half of `npm run bench`: Sangdam's realtime delivery under N connected customers,
// next to a bare `ws` router doing the same conversation at the same rate. Sangdam runs on SQLite,
// and, when the bench is given a PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL) and a
// Redis (BENCH_REDIS_URL, else TEST_REDIS_URL), on PostgreSQL×1 and on PostgreSQL×3 with the Redis
// bus, under the same load. Loopback only; every phase is bounded, and every server runs as a
// child process that is stopped at the end.
//
//   node bench/server/measure.mjs [--connections 1000] [--seconds 20] [--rate 200] [--quick]
import { pathToFileURL } from 'node:url';
import { runBaseline } from './baselineLoad.mjs';
import postgres from 'postgres';
import { cpuBetween, cpuMs, cpuOfCommand, openFilesLimit, rssKB, startChild } from './child.mjs';
import { percentiles, usesSharedStats } from './latency.mjs';
import { measureLogCeiling } from './logCeiling.mjs';
import { formatTable } from './report.mjs';
import { bootCustomers, runTraffic } from './sangdamLoad.mjs';
import { serverSetups, startSangdam } from './sangdamServer.mjs';

const MANAGERS = 4;
/** File descriptors the bench needs beside one per customer socket: HTTP pool, stdio, slack. */
const SPARE_FDS = 200;

/**
 * Runs both servers and returns their numbers and ratios.
 * @example const results = await measureServer({ connections: 20, seconds: 3 })
 */
export async function measureServer({ connections = 1000, seconds = 20, rate = 200, quick = false, log = console.log, services = servicesFromEnv() } = {}) {
  connections = capToFileLimit(connections, log);
  if (!usesSharedStats) log('server bench: bench/stats.mjs has no quantile(); using a local one');
  const setups = [];
  for (const setup of serverSetups(services)) {
    log(`sangdam ${setup.name}`);
    setups.push({ name: setup.name, ...(await measureSangdam(setup, { connections, seconds, rate, log })) });
  }
  const [sangdam] = setups;
  const baseline = await measureBaseline({ connections, seconds, rate, frameBytes: sangdam.frameBytes, log });
  const logCeiling = services.postgres ? await measureLogCeiling({ url: services.postgres, seconds: quick ? 0.5 : 3, log }) : null;
  return {
    connections,
    seconds,
    rate,
    sangdam,
    setups,
    logCeiling,
    baseline,
    ratio: {
      throughput: ratio(sangdam.perSecond, baseline.perSecond),
      p99: ratio(sangdam.p99, baseline.p99),
    },
  };
}

/** Node cannot raise its own soft limit: fewer connections, said out loud, rather than EMFILE. */
function capToFileLimit(connections, log) {
  const limit = openFilesLimit();
  if (limit >= connections + SPARE_FDS) return connections;
  const capped = Math.max(1, limit - SPARE_FDS);
  log(
    `server bench: open-file limit ${limit} is too low for ${connections} connections; ` +
      `running ${capped}. Raise it with \`ulimit -n ${connections + SPARE_FDS}\` (or higher) before npm run bench.`,
  );
  return capped;
}

function checkChildLimit(pid, connections, log) {
  const limit = openFilesLimit(pid);
  if (limit < connections + SPARE_FDS) log(`server bench: the server's open-file limit (${limit}) may be too low`);
}

const servicesFromEnv = () => ({
  postgres: process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined,
  redis: process.env.BENCH_REDIS_URL || process.env.TEST_REDIS_URL || undefined,
});

async function measureSangdam(setup, { connections, seconds, rate, log }) {
  const server = await startSangdam(setup);
  let traffic;
  let locks = null;
  try {
    for (const pid of server.pids) checkChildLimit(pid, connections, log);
    const customers = await bootCustomers(server.urls, connections, log);
    const rss = () => server.pids.reduce((sum, pid) => sum + (rssKB(pid) ?? NaN), 0);
    const before = rss();
    let after = null;
    const cpu = cpuMeter(server.pids);
    const onConnected = () => {
      after = rss();
      cpu.start();
      if (server.databaseUrl) locks = lockWaitSampler(server.databaseUrl);
    };
    traffic = await runTraffic(server.urls, customers, { managers: MANAGERS, rate, seconds, log, onConnected });
    const { deliveries } = traffic;
    const used = cpu.stop();
    const lockWaitMs = locks ? await locks.stop() : null;
    const stderr = server.stderr().trim();
    if (stderr) log(`sangdam server stderr:\n${stderr}`);
    const figured = figures(deliveries, { before: Number.isNaN(before) ? null : before, after: Number.isNaN(after) ? null : after, connections, used });
    return {
      instances: setup.instances,
      ...figured,
      perProcessCpuUsPerDelivery: used.perProcessMs.map((ms) => (ms === null || deliveries.delivered === 0 ? null : Math.round((ms * 1000) / deliveries.delivered))),
      databaseCpuUsPerDelivery: setup.postgres ? perMessage(used.commands.postgres, deliveries.delivered) : null,
      redisCpuUsPerDelivery: setup.redis ? perMessage(used.commands['redis-server'], deliveries.delivered) : null,
      lockWaitMsPerMessage: lockWaitMs === null ? null : Math.round((lockWaitMs / Math.max(1, deliveries.sent)) * 1000) / 1000,
      failed: deliveries.failed,
      unanswered: deliveries.unanswered(),
      rssMB: after === null || Number.isNaN(after) ? null : Math.round(after / 1024),
      frameBytes: deliveries.averageFrameBytes(),
    };
  } finally {
    traffic?.close();
    await locks?.stop();
    await server.stop();
  }
}

const perMessage = (ms, delivered) => (delivered === 0 ? null : Math.round((ms * 1000) / delivered));

/**
 * Time units of work spent waiting for a lock (the event counter's row, or a chat's), sampled
 * from the database every 10 ms as the number of its sessions waiting on a lock: the sum of the
 * samples times the interval estimates the total wait (ms).
 */
function lockWaitSampler(url) {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  const everyMs = 10;
  let waiting = 0;
  let running = true;
  const sampling = (async () => {
    while (running) {
      const [{ n }] = await sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      waiting += n;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })().catch(() => undefined);
  let stopped = null;
  return {
    stop() {
      running = false;
      stopped ??= sampling.then(() => sql.end()).then(() => waiting * everyMs);
      return stopped;
    },
  };
}

async function measureBaseline({ connections, seconds, rate, frameBytes, log }) {
  const child = await startChild([new URL('./baselineServer.mjs', import.meta.url).pathname], {
    ready: /listening on (ws:\/\/\S+)/,
  });
  try {
    checkChildLimit(child.pid, connections, log);
    const before = rssKB(child.pid);
    let after = null;
    const cpu = cpuMeter([child.pid]);
    const onConnected = () => {
      after = rssKB(child.pid);
      cpu.start();
    };
    log(`baseline: ${connections} sockets, ${frameBytes}-byte frames`);
    const deliveries = await runBaseline(child.match[1], { connections, receivers: MANAGERS, rate, seconds, frameBytes, onConnected });
    return figures(deliveries, { before, after, connections, used: cpu.stop() });
  } finally {
    await child.stop();
  }
}

/**
 * CPU used by the server children, by this process (the load generator) and by the database and
 * Redis processes while the traffic runs: on two cores they all compete, so all are worth seeing.
 */
function cpuMeter(pids) {
  const COMMANDS = ['postgres', 'redis-server'];
  let servers = null;
  let own = null;
  let commands = null;
  return {
    start() {
      servers = pids.map((pid) => cpuMs(pid));
      own = process.cpuUsage();
      commands = COMMANDS.map((name) => cpuOfCommand(name));
    },
    stop() {
      const perProcessMs = pids.map((pid, i) => {
        const now = cpuMs(pid);
        return servers?.[i] == null || now === null ? null : now - servers[i];
      });
      const { user, system } = process.cpuUsage(own ?? undefined);
      return {
        serverMs: perProcessMs.includes(null) ? null : perProcessMs.reduce((a, b) => a + b, 0),
        perProcessMs,
        loadMs: (user + system) / 1000,
        commands: Object.fromEntries(COMMANDS.map((name, i) => [name, commands ? cpuBetween(commands[i], cpuOfCommand(name)) : 0])),
      };
    },
  };
}

/** CPU µs per delivered message, of the server and of the load generator. */
const perDelivery = ({ serverMs, loadMs }, delivered) => ({
  serverCpuUsPerDelivery: serverMs === null || delivered === 0 ? null : Math.round((serverMs * 1000) / delivered),
  loadCpuUsPerDelivery: delivered === 0 ? null : Math.round((loadMs * 1000) / delivered),
});

/** What both servers report: counts, rate, latency, losses, memory and CPU per delivery. */
const figures = (deliveries, { before, after, connections, used }) => ({
  sent: deliveries.sent,
  delivered: deliveries.delivered,
  perSecond: Math.round(deliveries.perSecond()),
  ...percentiles(deliveries.latencies),
  lost: deliveries.lost(),
  duplicated: deliveries.duplicated,
  rssPerConnectionKB: perConnection(before, after, connections),
  ...perDelivery(used, deliveries.delivered),
});

const perConnection = (before, after, connections) =>
  before === null || after === null ? null : Math.round(((after - before) / connections) * 10) / 10;

const ratio = (a, b) => (a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100);

/** `--connections N --seconds N --rate N`; `--quick` is 20 connections for 3 s. */
export function parseServerArgs(argv) {
  const options = {};
  const value = (name) => {
    const at = argv.indexOf(name);
    return at === -1 ? undefined : Number(argv[at + 1]);
  };
  if (argv.includes('--quick')) Object.assign(options, { connections: 20, seconds: 3 });
  for (const name of ['connections', 'seconds', 'rate']) {
    const given = value(`--${name}`);
    if (given !== undefined) {
      if (!Number.isFinite(given) || given <= 0) throw new Error(`--${name}: must be a positive number`);
      options[name] = given;
    }
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await measureServer(parseServerArgs(process.argv.slice(2)));
  console.log(formatTable(results));
  console.log(JSON.stringify(results));
}

/** The printed table, under the name bench/run.mjs looks for. */
export { formatTable as formatServer };

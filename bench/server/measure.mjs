// The server half of `npm run bench`: Sangdam's realtime delivery under N connected customers,
// next to a bare `ws` router doing the same conversation at the same rate. Loopback only; every
// phase is bounded, and both servers run as child processes that are stopped at the end.
//
//   node bench/server/measure.mjs [--connections 1000] [--seconds 20] [--rate 200] [--quick]
import { pathToFileURL } from 'node:url';
import { runBaseline } from './baselineLoad.mjs';
import { cpuMs, openFilesLimit, rssKB, startChild } from './child.mjs';
import { percentiles, usesSharedStats } from './latency.mjs';
import { formatTable } from './report.mjs';
import { bootCustomers, runTraffic } from './sangdamLoad.mjs';
import { startSangdam } from './sangdamServer.mjs';

const MANAGERS = 4;
/** File descriptors the bench needs beside one per customer socket: HTTP pool, stdio, slack. */
const SPARE_FDS = 200;

/**
 * Runs both servers and returns their numbers and ratios.
 * @example const results = await measureServer({ connections: 20, seconds: 3 })
 */
export async function measureServer({ connections = 1000, seconds = 20, rate = 200, log = console.log } = {}) {
  connections = capToFileLimit(connections, log);
  if (!usesSharedStats) log('server bench: bench/stats.mjs has no quantile(); using a local one');
  const sangdam = await measureSangdam({ connections, seconds, rate, log });
  const baseline = await measureBaseline({ connections, seconds, rate, frameBytes: sangdam.frameBytes, log });
  return {
    connections,
    seconds,
    rate,
    sangdam,
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

async function measureSangdam({ connections, seconds, rate, log }) {
  const server = await startSangdam();
  let traffic;
  try {
    checkChildLimit(server.pid, connections, log);
    const customers = await bootCustomers(server.url, connections, log);
    const before = rssKB(server.pid);
    let after = null;
    const cpu = cpuMeter(server.pid);
    const onConnected = () => {
      after = rssKB(server.pid);
      cpu.start();
    };
    traffic = await runTraffic(server.url, customers, { managers: MANAGERS, rate, seconds, log, onConnected });
    const { deliveries } = traffic;
    const used = cpu.stop();
    const stderr = server.stderr().trim();
    if (stderr) log(`sangdam server stderr:\n${stderr}`);
    return {
      ...figures(deliveries, { before, after, connections, used }),
      failed: deliveries.failed,
      unanswered: deliveries.unanswered(),
      rssMB: after === null ? null : Math.round(after / 1024),
      frameBytes: deliveries.averageFrameBytes(),
    };
  } finally {
    traffic?.close();
    await server.stop();
  }
}

async function measureBaseline({ connections, seconds, rate, frameBytes, log }) {
  const child = await startChild([new URL('./baselineServer.mjs', import.meta.url).pathname], {
    ready: /listening on (ws:\/\/\S+)/,
  });
  try {
    checkChildLimit(child.pid, connections, log);
    const before = rssKB(child.pid);
    let after = null;
    const cpu = cpuMeter(child.pid);
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
 * CPU used by the server child and by this process (the load generator) while the traffic runs:
 * on two cores the two compete, so both are worth seeing.
 */
function cpuMeter(pid) {
  let server = null;
  let own = null;
  return {
    start() {
      server = cpuMs(pid);
      own = process.cpuUsage();
    },
    stop() {
      const now = cpuMs(pid);
      const { user, system } = process.cpuUsage(own ?? undefined);
      return { serverMs: server === null || now === null ? null : now - server, loadMs: (user + system) / 1000 };
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

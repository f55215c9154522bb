// The bench's command line and its completeness check: plain functions, tested on their own.

/** The parts of a run; `--only PART` runs one of them (after the sizes). */
export const PARTS = ['browser', 'server', 'inbox'];

/** `--name value` pairs and bare flags into an object of numbers and booleans. */
export function parseArgs(argv) {
  const options = { quick: false, check: false, peers: false, only: undefined, rounds: undefined, connections: undefined, seconds: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--check') options.check = true;
    else if (arg === '--peers') options.peers = true;
    else if (arg === '--only') {
      const part = argv[++i];
      if (!PARTS.includes(part)) throw new Error(`--only needs one of ${PARTS.join(', ')}`);
      options.only = part;
    }
    else if (['--rounds', '--connections', '--seconds'].includes(arg)) {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a positive whole number`);
      options[arg.slice(2)] = value;
    } else throw new Error(`unknown argument ${arg} (expected --rounds N, --connections N, --seconds N, --quick, --check, --peers, --only PART)`);
  }
  // Without --quick, connections and seconds stay undefined unless given: the server part's own defaults apply.
  const defaults = options.quick ? { rounds: 2, connections: 20, seconds: 3 } : { rounds: 10 };
  return {
    quick: options.quick,
    check: options.check,
    peers: options.peers,
    ...(options.only ? { only: options.only } : {}),
    rounds: options.rounds ?? defaults.rounds,
    connections: options.connections ?? defaults.connections,
    seconds: options.seconds ?? defaults.seconds,
  };
}

/**
 * The untraced boot ratio to the minimal widget a run may not exceed. Loose on purpose: a smoke run
 * has two rounds on whatever machine runs the tests, and the paired ratio of one round ranges from
 * below 1× to over 2× on a busy two-core machine today; the bound catches a boot that has grown by
 * half again, not a few milliseconds. Lower it as the boot comes down.
 */
export const BOOT_RATIO_BOUND = 3;

/**
 * The most a first open may download, in KB on the wire (compressed bodies and headers), from the
 * pointer's arrival on the launcher until the messenger is usable: the chunks and the requests of
 * the first open. Bytes do not vary with the machine, so this bound is tight: today's figure and a
 * little room for headers. Lower it as the first open comes down.
 */
export const FIRST_OPEN_KB_BOUND = 18;

/**
 * What keeps a run from being a complete, honest table: figures without a value, failed rounds,
 * lost or duplicated messages. Empty when all is well.
 */
export function problems(results) {
  const found = [];
  const ran = (part) => !results.options?.only || results.options.only === part;
  const browser = results.browser;
  if (!browser) {
    if (ran('browser')) found.push('browser: no results');
  }
  else {
    for (const f of browser.failures || []) found.push(`browser round ${f.round} failed: ${f.error}`);
    for (const s of browser.summary || []) if (!s.n || s.median == null || Number.isNaN(s.median)) found.push(`browser: no value for "${s.label}"`);
    const ratio = (browser.summary || []).find((s) => s.key === 'feltRatio');
    if (ratio && ratio.median > BOOT_RATIO_BOUND) {
      found.push(`browser: boot takes ${ratio.median.toFixed(2)}× the minimal widget's main thread, over the bound of ${BOOT_RATIO_BOUND}×`);
    }
    const openBytes = (browser.summary || []).find((s) => s.key === 'feltOpenBytes');
    if (openBytes && openBytes.max > FIRST_OPEN_KB_BOUND) {
      found.push(`browser: the first open downloads ${openBytes.max.toFixed(1)} KB, over the bound of ${FIRST_OPEN_KB_BOUND} KB`);
    }
  }
  const server = results.server;
  if (!server) {
    if (ran('server')) found.push('server: no results');
  }
  else {
    const setups = (server.setups ?? []).slice(1).map((setup) => [`sangdam ${setup.name}`, setup]);
    for (const [name, part] of [['sangdam', server.sangdam], ...setups, ['baseline', server.baseline]]) {
      if (!part) {
        found.push(`server: no ${name} results`);
        continue;
      }
      if (!(part.delivered > 0)) found.push(`server ${name}: nothing delivered`);
      if (part.lost) found.push(`server ${name}: ${part.lost} message(s) lost`);
      if (part.duplicated) found.push(`server ${name}: ${part.duplicated} message(s) duplicated`);
      for (const key of ['perSecond', 'p50', 'p99']) if (typeof part[key] !== 'number') found.push(`server ${name}: no ${key}`);
    }
  }
  const inbox = results.inbox;
  if (!inbox) {
    if (ran('inbox')) found.push('inbox: no results');
  }
  else {
    for (const s of inbox.summary || []) {
      if (!s.n || s.median == null || Number.isNaN(s.median)) found.push(`inbox: no value for "${s.label}"`);
      // Every timed list and search finds something in the seeded data: an empty answer is a broken one.
      if (s.found === 0) found.push(`inbox: "${s.label}" found no chat`);
    }
    for (const [key, bound] of Object.entries(INBOX_BOUNDS_MS)) {
      const figure = (inbox.summary || []).find((s) => s.key === key);
      if (figure && figure.median > bound) found.push(`inbox: "${figure.label}" took ${figure.median.toFixed(1)} ms, over ${bound} ms`);
    }
  }
  return found;
}

/**
 * The inbox's targets on 100,000 chats and 1,000,000 messages (median): the first page under
 * 50 ms of server time, a search under 150 ms, the console's first page within 1 s of sign-in.
 * The smoke run's 2,000 chats must meet them by far.
 */
export const INBOX_BOUNDS_MS = {
  inboxFirstPage: 50,
  inboxNextPage: 50,
  searchProduct: 150,
  searchCommon: 150,
  searchRare: 150,
  searchEmail: 150,
  consoleFirstPage: 1000,
};

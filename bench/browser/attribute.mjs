// Main-thread time a Chromium trace attributes to a set of script URLs, the way Lighthouse's
// boot-up audit does: a top-level script task (evaluation, compilation, a listener, a timer, an
// animation frame, a microtask checkpoint) is ours when its own URL is ours or, having none, when
// something inside it carries one of our URLs in its stack trace (a fetch it sent, a style or layout
// it invalidated). Nested tasks are counted once, inside the outermost counted one of their thread.

const TASKS = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'RunMicrotasks',
]);

/**
 * The script URLs an event names: the script it runs (script tasks only: a request's `url` is what
 * it fetches, not who asked), or the frames of its stack trace.
 */
function urlsOf(event) {
  const data = (event.args && (event.args.data || event.args.beginData)) || {};
  const urls = TASKS.has(event.name) ? [data.url, data.scriptName, data.fileName, event.args && event.args.fileName] : [];
  const stack = data.stackTrace || (event.args && event.args.stackTrace);
  if (Array.isArray(stack)) for (const frame of stack) urls.push(frame && frame.url);
  return urls.filter((u) => typeof u === 'string' && u !== '');
}

const threadKey = (e) => `${e.pid}:${e.tid}`;

/**
 * Sums the durations (ms) of the top-level main-thread tasks attributed to `isOurs(url)`; with
 * `until` (a trace timestamp, µs), only those that started by then.
 * @example mainThreadTime(trace.traceEvents, (url) => url.endsWith('/sdk.js')) // → { total: 4.2, tasks: [{ name: 'EvaluateScript', ms: 1.3, at }, …] }
 */
export function mainThreadTime(traceEvents, isOurs, until = Infinity) {
  const names = new Map();
  for (const e of traceEvents) if (e.name === 'thread_name') names.set(threadKey(e), e.args && e.args.name);
  const byThread = new Map();
  for (const e of traceEvents) {
    if (names.get(threadKey(e)) !== 'CrRendererMain') continue;
    if (e.ph !== 'X' && e.ph !== 'I' && e.ph !== 'i') continue;
    const list = byThread.get(threadKey(e)) || [];
    list.push(e);
    byThread.set(threadKey(e), list);
  }
  let total = 0;
  const tasks = [];
  for (const events of byThread.values()) {
    events.sort((a, b) => a.ts - b.ts || (b.dur || 0) - (a.dur || 0));
    // Which instant or complete events lie inside a candidate: scanned with an index over the sorted list.
    let keptEnd = -Infinity;
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      if (e.ph !== 'X' || !TASKS.has(e.name) || !e.dur || e.ts > until) continue;
      if (e.ts < keptEnd) continue; // nested inside a task already counted
      if (!attributed(e, events, i, isOurs)) continue;
      total += e.dur;
      tasks.push({ name: e.name, ms: e.dur / 1000, at: e.ts / 1000 });
      keptEnd = e.ts + e.dur;
    }
  }
  return { total: total / 1000, tasks };
}

function attributed(task, events, index, isOurs) {
  const own = urlsOf(task);
  if (own.length) return own.some(isOurs);
  const end = task.ts + task.dur;
  for (let j = index + 1; j < events.length && events[j].ts <= end; j++) {
    if (urlsOf(events[j]).some(isOurs)) return true;
  }
  return false;
}

/** Trace timestamp (µs) of the first user-timing mark called `name`, or undefined. */
export function markTime(traceEvents, name) {
  const mark = traceEvents.find((e) => e.name === name && typeof e.ts === 'number');
  return mark ? mark.ts : undefined;
}

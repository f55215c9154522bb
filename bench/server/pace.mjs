// Open-loop pacing: `send(n)` is called `rate` times a second whatever the replies do, so a slow
// server shows up as latency and backlog instead of quietly lowering the offered load.

/**
 * Calls `send(0…total-1)` evenly over `seconds`; resolves after the last call.
 * @example await pace({ rate: 200, seconds: 20, send: (n) => customers[n % customers.length].send(n) })
 */
export function pace({ rate, seconds, send }) {
  const total = Math.round(rate * seconds);
  const start = performance.now();
  let sent = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
      while (sent < due) send(sent++);
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, 2);
    tick();
  });
}

/** Runs `work(item)` over `items` with at most `limit` at once; rejects on the first failure. */
export async function eachLimited(items, limit, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Resolves once `done()` is true (polled) or after `ms`; tells which. */
export function waitFor(done, ms) {
  const deadline = performance.now() + ms;
  return new Promise((resolve) => {
    const check = () => {
      if (done()) resolve(true);
      else if (performance.now() >= deadline) resolve(false);
      else setTimeout(check, 20);
    };
    check();
  });
}

// Init script of every benchmark page: records long tasks, layout shifts, and the moments the
// launcher and then the messenger dialog become visible. Runs in the page before any of its scripts.
(() => {
  const bench = (window.__bench = { longTasks: [], cls: 0, launcherAt: null, dialogAt: null, clickAt: null, waiting: {} });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) bench.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
  addEventListener('click', (e) => bench.clickAt === null && (bench.clickAt = e.timeStamp), true);
  const visible = (el) => !!el && el.getBoundingClientRect().width > 0 && (!el.checkVisibility || el.checkVisibility());
  const root = () => {
    const host = document.querySelector('sangdam-widget');
    return host && host.shadowRoot;
  };
  const settle = (key) => {
    for (const resolve of bench.waiting[key] || []) resolve(bench[key]);
    bench.waiting[key] = [];
  };
  // One querySelector per frame, stopped once both moments are known or after 30 s.
  const started = performance.now();
  const tick = () => {
    const r = root();
    if (bench.launcherAt === null && r && visible(r.querySelector('button.launcher'))) {
      bench.launcherAt = performance.now();
      // A user-timing mark lands in the trace too: the end of the "until the launcher is visible" window.
      performance.mark('sangdam-bench:launcher-visible');
      settle('launcherAt');
    }
    if (bench.dialogAt === null && r && visible(r.querySelector('[role=dialog]'))) {
      bench.dialogAt = performance.now();
      settle('dialogAt');
    }
    if ((bench.launcherAt === null || bench.dialogAt === null) && performance.now() - started < 30000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  /** Resolves with the moment once it is known (no polling from the test side). */
  bench.until = (key) => (bench[key] !== null ? Promise.resolve(bench[key]) : new Promise((r) => (bench.waiting[key] = [...(bench.waiting[key] || []), r])));
})();

// Init script of every benchmark page: records long tasks, layout shifts, and the moments the
// launcher and then a usable messenger dialog come on screen. Runs in the page before any of its
// scripts. It only listens: mutation and intersection observers wake it when something changes,
// so it adds no frames, timers or forced layouts of its own to what is measured.
(() => {
  const bench = (window.__bench = { longTasks: [], shifts: [], launcherAt: null, dialogAt: null, clickAt: null, waiting: {} });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ at: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) bench.shifts.push({ at: e.startTime, value: e.value });
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) for (const wait of bench.waiting.resource || []) wait(e);
    }).observe({ type: 'resource' });
  } catch {}
  addEventListener('click', (e) => bench.clickAt === null && (bench.clickAt = e.timeStamp), true);

  const settle = (key, at) => {
    if (bench[key] !== null) return;
    bench[key] = at;
    // A user-timing mark lands in a trace too: the end of the "until the launcher is visible" window.
    if (key === 'launcherAt') performance.mark('sangdam-bench:launcher-visible');
    for (const resolve of bench.waiting[key] || []) resolve(at);
    bench.waiting[key] = [];
  };
  // A dialog is usable once it shows a control to act on (its strings have arrived and it rendered).
  const usable = (el) => !el.matches('[role=dialog]') || !!el.querySelector('button, textarea, input');
  const onScreen = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const el = entry.target;
      el.__benchShown = entry.isIntersecting;
      if (entry.isIntersecting) check(el, entry.time);
    }
  });
  function check(el, at) {
    if (!el.__benchShown || !usable(el)) return;
    settle(el.matches('[role=dialog]') ? 'dialogAt' : 'launcherAt', at);
  }
  const watched = new WeakSet();
  function scan(root) {
    for (const el of root.querySelectorAll('button.launcher, [role=dialog]')) {
      if (!watched.has(el)) {
        watched.add(el);
        onScreen.observe(el);
      } else check(el, performance.now());
    }
  }
  // Every shadow root the page's scripts attach is watched for the launcher and the dialog.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver(() => scan(root)).observe(root, { childList: true, subtree: true });
    return root;
  };

  /** Resolves with the moment once it is known. */
  bench.until = (key) => (bench[key] !== null ? Promise.resolve(bench[key]) : new Promise((r) => (bench.waiting[key] = [...(bench.waiting[key] || []), r])));
  /** Resolves with the moment a resource whose URL ends with `suffix` has arrived. */
  bench.untilResource = (suffix) =>
    new Promise((resolve) => {
      const wait = (e) => e.name.endsWith(suffix) && resolve(e.responseEnd);
      bench.waiting.resource = [...(bench.waiting.resource || []), wait];
    });
  /** Long tasks and layout shift since `from` (ms on the page's clock). */
  bench.since = (from) => ({
    longTasks: bench.longTasks.filter((t) => t.at >= from).map((t) => t.ms),
    cls: bench.shifts.filter((s) => s.at >= from).reduce((sum, s) => sum + s.value, 0),
  });
})();

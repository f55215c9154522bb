// Init script of every benchmark page: records long tasks, layout shifts, and the moments the
// launcher and then a usable messenger dialog come on screen. Runs in the page before any of its
// scripts. It only listens: mutation and intersection observers wake it when something changes,
// so it adds no frames, timers or forced layouts of its own to what is measured.
(() => {
  /**
   * Each widget's launcher and where it is looked for (`window.__benchLauncher` names the one a
   * page waits for, set by an init script before this one; ours otherwise): in the shadow roots the
   * page's scripts attach (ours, PostHog's survey tab), in the document (PostHog conversations' button),
   * or in the document of a child frame (Rocket.Chat: its loader adds an 86 px transparent iframe
   * that is on screen at once, empty; the launcher is the app's chat button inside it, on screen in
   * the top page's viewport once the app has rendered it). Only ours (shadow roots) is watched unless
   * a peer is named, so our pages are observed exactly as before.
   */
  const LAUNCHERS = {
    sangdam: { selector: 'button.launcher', in: 'shadow' },
    posthogTab: { selector: 'button.ph-survey-widget-tab', in: 'shadow' },
    posthogConversations: { selector: '#ph-conversations-widget-container button', in: 'document' },
    rocketchat: { selector: 'button[class*="screen__chat-button"]', in: 'frame' },
  };
  const launcher = LAUNCHERS[window.__benchLauncher] || LAUNCHERS.sangdam;
  let top = null;
  try {
    if (window.top !== window && window.top.__bench) top = window.top.__bench;
  } catch {}
  const bench = (window.__bench = { longTasks: [], shifts: [], launcherAt: null, dialogAt: null, pointerAt: null, clickAt: null, waiting: {} });
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
  // The first pointer over the page's widget: the moment a prefetch on intent may start.
  addEventListener('pointerover', (e) => bench.pointerAt === null && e.target.localName === 'sangdam-widget' && (bench.pointerAt = e.timeStamp), true);

  const settle = (key, at) => {
    // In a same-origin child frame: the top page's moment, on its clock.
    if (top) return top.settle(key, at + performance.timeOrigin - window.top.performance.timeOrigin);
    if (bench[key] !== null) return;
    bench[key] = at;
    // A user-timing mark lands in a trace too: the end of the "until the launcher is visible" window.
    if (key === 'launcherAt') performance.mark('sangdam-bench:launcher-visible');
    for (const resolve of bench.waiting[key] || []) resolve(at);
    bench.waiting[key] = [];
  };
  // A dialog is usable once it shows a control to act on (its strings have arrived and it rendered).
  const usable = (el) => !el.matches('[role=dialog]') || !!el.querySelector('button, textarea, input');
  // The implicit root: in a child frame, on screen means inside the frame's box and the top viewport.
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
    for (const el of root.querySelectorAll(`${launcher.selector}, [role=dialog]`)) {
      if (!watched.has(el)) {
        watched.add(el);
        onScreen.observe(el);
      } else check(el, performance.now());
    }
  }
  bench.settle = settle;
  const watchDocument = launcher.in === 'document' ? !top : launcher.in === 'frame' ? !!top : false;
  if (watchDocument) new MutationObserver(() => scan(document)).observe(document, { childList: true, subtree: true });
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

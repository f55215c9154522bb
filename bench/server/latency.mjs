// p50/p99 of latencies, through bench/stats.mjs when it is there (shared with the browser half),
// else a local nearest-rank fallback with the same interpolation.

const stats = await import('../stats.mjs').catch(() => null);

function localQuantile(values, q) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const at = q * (s.length - 1);
  const lo = Math.floor(at);
  return s[lo] + (s[Math.ceil(at)] - s[lo]) * (at - lo);
}

const quantile = stats?.quantile ?? localQuantile;
const round = (value) => (value === null ? null : Math.round(value * 10) / 10);

/** `{ p50, p99 }` in ms, one decimal; null when nothing was measured. */
export const percentiles = (latencies) => ({
  p50: round(quantile(latencies, 0.5)),
  p99: round(quantile(latencies, 0.99)),
});

/** Whether the shared stats module was used (reported, so a fallback is never silent). */
export const usesSharedStats = Boolean(stats?.quantile);

// Pure summary statistics for benchmark rounds. Quantiles are linearly interpolated between the
// two nearest ranks of the sorted values (type 7, the default of R and NumPy): the q-quantile of
// n sorted values sits at position q·(n−1), so the median of [1, 2, 3, 4] is 2.5.

/** Sorted copy of the finite numbers in `values`; rounds that measured nothing (null) are dropped. */
const sorted = (values) => values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);

function quantileOfSorted(s, q) {
  if (s.length === 0) return null;
  const at = q * (s.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo] + (s[hi] - s[lo]) * (at - lo);
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of the values, or null when there are none.
 * @example quantile([1, 2, 3, 4], 0.25) // 1.75
 */
export function quantile(values, q) {
  return quantileOfSorted(sorted(values), q);
}

/**
 * Middle value, interpolated between the two middle ones for an even count; null when empty.
 * @example median([3, 1, 2]) // 2
 */
export function median(values) {
  return quantile(values, 0.5);
}

/**
 * How far the rounds spread: extremes, quartiles and the interquartile range (p75 − p25).
 * @example spread([1, 2, 3, 4, 5]) // { min: 1, max: 5, p25: 2, p75: 4, iqr: 2 }
 */
export function spread(values) {
  const s = sorted(values);
  if (s.length === 0) return { min: null, max: null, p25: null, p75: null, iqr: null };
  const p25 = quantileOfSorted(s, 0.25);
  const p75 = quantileOfSorted(s, 0.75);
  return { min: s[0], max: s[s.length - 1], p25, p75, iqr: p75 - p25 };
}

/**
 * Count of measured values, median and spread in one object.
 * @example summarize([10, 20]) // { n: 2, median: 15, min: 10, max: 20, p25: 12.5, p75: 17.5, iqr: 5 }
 */
export function summarize(values) {
  return { n: sorted(values).length, median: median(values), ...spread(values) };
}

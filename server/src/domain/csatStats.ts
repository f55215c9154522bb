/**
 * Satisfaction statistics over a channel's surveys (SPEC §3, beyond the seed): how many were
 * sent, how many answered, how many the customer skipped (declined), the response rate, the
 * average score and, per scale, how the scores are spread. A survey counts from the moment it is posted, answered or not.
 */
import { SCALES } from '../../../src/shared/csat/index.ts';
import type { CsatStats, CsatSummary } from '../../../src/shared/managerApi.ts';
import type { Store } from '../store/Store.ts';
import type { SurveyCount, SurveyRange } from './types.ts';

/**
 * @example await readCsatStats(store, channelId, { from: Date.UTC(2026, 10, 1) })
 */
export async function readCsatStats(store: Store, channelId: string, range: SurveyRange): Promise<CsatStats> {
  return summarizeSurveys(await store.transaction((tx) => tx.countSurveys(channelId, range)));
}

export function summarizeSurveys(counts: readonly SurveyCount[]): CsatStats {
  const scales = SCALES.map((scale) => {
    const own = counts.filter((count) => count.scale === scale);
    const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    for (const { score, count } of own) if (score !== null) distribution[score] += count;
    return { scale, ...summary(own), distribution };
  });
  return { overall: summary(counts), scales: scales.filter((stats) => stats.sent > 0) };
}

function summary(counts: readonly SurveyCount[]): CsatSummary {
  let sent = 0;
  let answered = 0;
  let declined = 0;
  let total = 0;
  for (const { score, count, declined: skipped } of counts) {
    sent += count;
    if (skipped) declined += count;
    if (score === null) continue;
    answered += count;
    total += score * count;
  }
  return csatSummary(sent, answered, total, declined);
}

/** Response rate (0 when nothing was sent) and average score (2 decimals; null when none answered). */
export function csatSummary(sent: number, answered: number, scoreTotal: number, declined: number): CsatSummary {
  return {
    sent,
    answered,
    declined,
    responseRate: sent === 0 ? 0 : answered / sent,
    average: answered === 0 ? null : Math.round((scoreTotal / answered) * 100) / 100,
  };
}

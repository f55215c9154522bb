/**
 * Read-only reports over the channel, for the console and for tools outside the project:
 * `GET /csat-stats` (satisfaction statistics). Registered inside the manager routes, so the
 * manager token is checked first.
 */
import type { FastifyInstance } from 'fastify';
import { readCsatStats } from '../domain/csatStats.ts';
import type { SurveyRange } from '../domain/types.ts';
import type { Store } from '../store/Store.ts';
import { invalid } from './errors.ts';
import * as v from './validate.ts';

export function registerReportRoutes(app: FastifyInstance, store: Store, channelId: string): void {
  app.get('/csat-stats', (request) => readCsatStats(store, channelId, parseRange(request.query)));
}

/** `?from=&to=`: ms since epoch, surveys posted in `from ≤ t < to`; either may be left out. */
function parseRange(query: unknown): SurveyRange {
  const values = v.readQuery(query, ['from', 'to']);
  const range: SurveyRange = {};
  for (const key of ['from', 'to'] as const) {
    if (values[key] === undefined) continue;
    const time = Number(values[key]);
    if (!/^\d+$/.test(values[key]) || !Number.isSafeInteger(time)) {
      throw invalid(`${key}: must be a time in milliseconds since epoch (a non-negative integer)`);
    }
    range[key] = time;
  }
  if (range.from !== undefined && range.to !== undefined && range.to < range.from) {
    throw invalid('to: must not be before from');
  }
  return range;
}

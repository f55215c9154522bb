/**
 * Read-only reports over the channel, for the console and for tools outside the project:
 * `GET /csat-stats` (satisfaction statistics) and `GET /export` (the "UserChat data" download).
 * Registered inside the manager routes, so the manager token is checked first.
 */
import type { FastifyInstance } from 'fastify';
import { readCsatStats } from '../domain/csatStats.ts';
import { readUserChatData } from '../domain/exportChats.ts';
import { toCsv, toXlsx } from '../domain/exportTable.ts';
import type { SurveyRange } from '../domain/types.ts';
import type { Store } from '../store/Store.ts';
import { invalid } from './errors.ts';
import * as v from './validate.ts';

export function registerReportRoutes(app: FastifyInstance, store: Store, channelId: string): void {
  app.get('/csat-stats', (request) => readCsatStats(store, channelId, parseRange(request.query)));
  app.get('/export', async (request, reply) => {
    const format = parseFormat(request.query);
    const { table, date } = await readUserChatData(store, channelId);
    reply
      .header('Content-Type', CONTENT_TYPES[format])
      .header('Content-Disposition', `attachment; filename="userchat-data-${date}.${format}"`)
      .header('Cache-Control', 'no-store');
    return reply.send(format === 'xlsx' ? await toXlsx(table) : toCsv(table));
  });
}

const FORMATS = ['csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

const CONTENT_TYPES: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `?format=csv|xlsx`, csv when left out. */
function parseFormat(query: unknown): Format {
  const values = v.readQuery(query, ['format']);
  return v.optionalOneOf(values, 'format', FORMATS) ?? 'csv';
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

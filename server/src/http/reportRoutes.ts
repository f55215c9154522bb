/**
 * Read-only reports over the channel, for the console and for tools outside the project:
 * `GET /csat-stats` (satisfaction statistics), `GET /stats` (figures by product, page, tag or
 * field) and `GET /export` (the "UserChat data" download).
 * Registered inside the manager routes, so the manager token is checked first.
 */
import type { FastifyInstance } from 'fastify';
import { CUSTOM_KEY } from '../../../src/shared/profile/fields.ts';
import { STATS_LIMIT, type StatsDimension } from '../../../src/shared/managerApi.ts';
import { readCsatStats } from '../domain/csatStats.ts';
import { readDimensionStats } from '../domain/dimensionStats.ts';
import { readUserChatData } from '../domain/exportChats.ts';
import { toCsv, toXlsx } from '../domain/exportTable.ts';
import type { SurveyRange } from '../domain/types.ts';
import type { Store } from '../store/Store.ts';
import { invalid } from './errors.ts';
import * as v from './validate.ts';

export function registerReportRoutes(app: FastifyInstance, store: Store, channelId: string): void {
  app.get('/csat-stats', (request) => readCsatStats(store, channelId, parseRange(request.query)));
  app.get('/stats', (request) => {
    const values = v.readQuery(request.query, ['by', 'from', 'to', 'limit']);
    return readDimensionStats(store, channelId, parseDimension(values.by), readRange(values), parseStatsLimit(values.limit));
  });
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

const BY_RULE = 'must be product, page, tag, assignee or field:<key> (a String or List custom field)';

/** `?by=`: the dimension's name; whether a field exists and has a fitting type is the domain's. */
function parseDimension(by: string | undefined): StatsDimension {
  if (by === undefined) throw invalid(`by: is required (${BY_RULE.slice('must be '.length)})`);
  if (by === 'product' || by === 'page' || by === 'tag' || by === 'assignee') return by;
  if (by.startsWith('field:') && CUSTOM_KEY.test(by.slice(6))) return by as StatsDimension;
  throw invalid(`by: ${by.slice(0, 80)} ${BY_RULE}`);
}

/** `?limit=`: how many values are listed before the rest is summed; 1 to 100, 20 when absent. */
function parseStatsLimit(value: string | undefined): number {
  if (value === undefined) return STATS_LIMIT.default;
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > STATS_LIMIT.max) {
    throw invalid(`limit: must be an integer from 1 to ${STATS_LIMIT.max}`);
  }
  return limit;
}

/**
 * `?from=&to=`: ms since epoch, `from ≤ t < to` (surveys posted, or chats created, for `/stats`);
 * either may be left out.
 */
function parseRange(query: unknown): SurveyRange {
  return readRange(v.readQuery(query, ['from', 'to']));
}

/** `from` and `to` of a query already read. */
export function readRange(values: { from?: string; to?: string }): SurveyRange {
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

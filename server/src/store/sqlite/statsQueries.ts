/**
 * Chats of a range grouped by one dimension, with their survey and goal sums, for `GET /stats`.
 * Each dimension's SQL is chosen here from a closed set; values and keys are bound, never spliced.
 */
import type Database from 'better-sqlite3';
import type { ChatRange, GroupedCounts, StatsCount, StatsGroup, StatsGrouping } from '../../domain/types.ts';
import { PRODUCT_VALUE, profilePath, SOURCE_PAGE_VALUE, VALUES_OF } from './profileValues.ts';

/** The chats of the range, one row each, with what their figures are summed from. */
const RANGE_CHATS = `chat AS (
  SELECT c.id, c.profile, c.assignee_id,
    (SELECT COUNT(*) FROM csat_surveys s WHERE s.chat_id = c.id) AS sent,
    (SELECT COUNT(*) FROM csat_answers a WHERE a.chat_id = c.id) AS answered,
    (SELECT COUNT(*) FROM csat_surveys s WHERE s.chat_id = c.id AND s.skipped_at IS NOT NULL) AS declined,
    (SELECT COALESCE(SUM(a.score), 0) FROM csat_answers a WHERE a.chat_id = c.id) AS score_total,
    json_extract(c.profile, '$.goalState') AS goal
  FROM chats c
  WHERE c.channel_id = @channelId AND c.created_at >= @from AND c.created_at < @to)`;

/** `(chat_id, value)` for every value a chat of the range has; text only, never empty. */
function valuedSql(grouping: StatsGrouping): string {
  const from = 'FROM chat c';
  const scalar = (expr: string) => `SELECT c.id AS chat_id, ${expr} AS value ${from}
    WHERE typeof(${expr}) = 'text' AND ${expr} != ''`;
  const each = `SELECT DISTINCT c.id AS chat_id, j.value AS value ${from}, ${VALUES_OF('@path')} j
    WHERE j.type = 'text' AND j.value != ''`;
  switch (grouping.kind) {
    case 'product':
      return scalar(PRODUCT_VALUE);
    case 'page':
      return scalar(SOURCE_PAGE_VALUE);
    case 'assignee':
      return scalar('c.assignee_id');
    case 'tag':
    case 'field':
      return each;
  }
}

const SUMS = `COUNT(*) AS chats, SUM(sent) AS sent, SUM(answered) AS answered, SUM(declined) AS declined, SUM(score_total) AS scoreTotal,
  COUNT(CASE WHEN goal = 'achieved' THEN 1 END) AS achieved,
  COUNT(CASE WHEN goal = 'not_achieved' THEN 1 END) AS notAchieved,
  COUNT(CASE WHEN goal = 'pending' THEN 1 END) AS pending`;

const OUTER_SUMS = `SUM(chats) AS chats, SUM(sent) AS sent, SUM(answered) AS answered, SUM(declined) AS declined, SUM(scoreTotal) AS scoreTotal,
  SUM(achieved) AS achieved, SUM(notAchieved) AS notAchieved, SUM(pending) AS pending`;

/** Groups ranked by chats (ties by value); those past @limit fold into one row with a null value. */
function groupsSql(grouping: StatsGrouping): string {
  return `WITH ${RANGE_CHATS},
    valued AS (${valuedSql(grouping)}),
    grouped AS (SELECT v.value, ${SUMS} FROM valued v JOIN chat ON chat.id = v.chat_id GROUP BY v.value),
    ranked AS (SELECT *, ROW_NUMBER() OVER (ORDER BY chats DESC, value) AS rank FROM grouped)
    SELECT CASE WHEN MIN(rank) <= @limit THEN value END AS value, COUNT(*) AS "values", ${OUTER_SUMS}
    FROM ranked GROUP BY MIN(rank, @limit + 1) ORDER BY MIN(rank)`;
}

/** The range's chats in two rows: with a value (`valued` 1) and without. */
function splitSql(grouping: StatsGrouping): string {
  return `WITH ${RANGE_CHATS}, valued AS (${valuedSql(grouping)})
    SELECT chat.id IN (SELECT chat_id FROM valued) AS valued, ${SUMS} FROM chat GROUP BY 1`;
}

const pathOf = (grouping: StatsGrouping): string | undefined =>
  grouping.kind === 'tag' ? '$.tags' : grouping.kind === 'field' ? profilePath(grouping.key) : undefined;

const EMPTY: StatsCount = { chats: 0, sent: 0, answered: 0, declined: 0, scoreTotal: 0, achieved: 0, notAchieved: 0, pending: 0 };

/** Prepared once per dimension kind (a field's key is a parameter). */
export function groupedChatsQuery(db: Database.Database) {
  const cache = new Map<string, { groups: Database.Statement; split: Database.Statement }>();
  return (channelId: string, grouping: StatsGrouping, range: ChatRange, limit: number): GroupedCounts => {
    let statements = cache.get(grouping.kind);
    if (!statements) {
      statements = { groups: db.prepare(groupsSql(grouping)), split: db.prepare(splitSql(grouping)) };
      cache.set(grouping.kind, statements);
    }
    const params: Record<string, unknown> = {
      channelId,
      from: range.from ?? 0,
      to: range.to ?? Number.MAX_SAFE_INTEGER,
    };
    const path = pathOf(grouping);
    if (path !== undefined) params.path = path;
    const groups = statements.groups.all({ ...params, limit }) as StatsGroup[];
    const split = statements.split.all(params) as (StatsCount & { valued: number })[];
    const part = (valued: number): StatsCount => {
      const row = split.find((r) => r.valued === valued);
      if (!row) return EMPTY;
      const { valued: _flag, ...count } = row;
      return count;
    };
    return { groups, unset: part(0), valued: part(1) };
  };
}

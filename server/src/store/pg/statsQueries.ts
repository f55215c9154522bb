/**
 * The statistics queries of the PostgreSQL store (sqlite/statsQueries.ts and the survey counts of
 * sqlite/statements.ts): chats of a range grouped by one dimension with their survey and goal
 * sums, surveys counted by scale and score, and each answered chat's latest scale. Profile values
 * are read as the chat list reads them (chatQueries.ts), so a figure and the inbox it opens agree.
 * Sums come back as numbers: PostgreSQL's SUM of integers is numeric (text in postgres.js), so
 * each is cast to int8 and read through Number().
 */
import type postgres from 'postgres';
import type { Scale } from '../../../../src/shared/csat/index.ts';
import type { ChatRange, GroupedCounts, StatsCount, StatsGroup, StatsGrouping, SurveyCount, SurveyRange } from '../../domain/types.ts';
import { productValue, profileValue, sourcePageValue, textOf, valuesOf } from './chatQueries.ts';
import type { PgQueries } from './PgQueries.ts';
import type { PgTransaction } from './PgUnits.ts';

type Fragment = postgres.Fragment;

/**
 * The chats of the range, one row each, with what their figures are summed from (the CTE `chat`).
 * The profile is parsed here once (the readers' `c.profile::jsonb` is then a no-op). Surveys and
 * answers are summed per chat by joins over the range's chats, not by four subqueries per chat:
 * those cost PostgreSQL a plan run each, most of the time of a large range.
 */
const rangeChats = (sql: PgTransaction, channelId: string, from: number, to: number): Fragment => sql`inrange AS MATERIALIZED (
    SELECT c.id, c.profile::jsonb AS profile, c.assignee_id FROM chats c
    WHERE c.channel_id = ${channelId}::text AND c.created_at >= ${from}::int8 AND c.created_at < ${to}::int8),
  surveys AS (SELECT s.chat_id, COUNT(*) AS sent, COUNT(s.skipped_at) AS declined
    FROM csat_surveys s JOIN inrange r ON r.id = s.chat_id GROUP BY s.chat_id),
  answers AS (SELECT a.chat_id, COUNT(*) AS answered, SUM(a.score) AS score_total
    FROM csat_answers a JOIN inrange r ON r.id = a.chat_id GROUP BY a.chat_id),
  chat AS (SELECT r.id, r.profile, r.assignee_id,
    COALESCE(s.sent, 0) AS sent, COALESCE(a.answered, 0) AS answered, COALESCE(s.declined, 0) AS declined,
    COALESCE(a.score_total, 0) AS score_total, r.profile ->> 'goalState' AS goal
    FROM inrange r LEFT JOIN surveys s ON s.chat_id = r.id LEFT JOIN answers a ON a.chat_id = r.id)`;

/** `(chat_id, value)` for a one-value dimension: text only (a JSON string), never empty. */
const scalar = (sql: PgTransaction, value: Fragment): Fragment =>
  sql`SELECT c.id AS chat_id, ${value} AS value FROM chat c WHERE ${value} <> ''`;

/** `(chat_id, value)` for each String item of a List (or a String) of profile key `key`. */
const each = (sql: PgTransaction, key: string): Fragment =>
  sql`SELECT DISTINCT c.id AS chat_id, j.value #>> '{}' AS value FROM chat c, ${valuesOf(sql, profileValue(sql, key))} j
    WHERE jsonb_typeof(j.value) = 'string' AND j.value #>> '{}' <> ''`;

/** `(chat_id, value)` for every value a chat of the range has, per dimension. */
function valuedSql(sql: PgTransaction, grouping: StatsGrouping): Fragment {
  switch (grouping.kind) {
    case 'product':
      return scalar(sql, textOf(sql, productValue(sql)));
    case 'page':
      return scalar(sql, textOf(sql, sourcePageValue(sql)));
    case 'assignee':
      return scalar(sql, sql`c.assignee_id`);
    case 'tag':
      return each(sql, 'tags');
    case 'field':
      return each(sql, grouping.key);
  }
}

/** The sums over a set of chat rows; names quoted where they are camelCase. */
const sums = (sql: PgTransaction): Fragment => sql`COUNT(*)::int8 AS chats, SUM(sent)::int8 AS sent,
  SUM(answered)::int8 AS answered, SUM(declined)::int8 AS declined, SUM(score_total)::int8 AS "scoreTotal",
  COUNT(CASE WHEN goal = 'achieved' THEN 1 END)::int8 AS achieved,
  COUNT(CASE WHEN goal = 'not_achieved' THEN 1 END)::int8 AS "notAchieved",
  COUNT(CASE WHEN goal = 'pending' THEN 1 END)::int8 AS pending`;

/** The sums of groups folded into one row. */
const outerSums = (sql: PgTransaction): Fragment => sql`SUM(chats)::int8 AS chats, SUM(sent)::int8 AS sent,
  SUM(answered)::int8 AS answered, SUM(declined)::int8 AS declined, SUM("scoreTotal")::int8 AS "scoreTotal",
  SUM(achieved)::int8 AS achieved, SUM("notAchieved")::int8 AS "notAchieved", SUM(pending)::int8 AS pending`;

type CountRow = { [K in keyof StatsCount]: number | string };

/** A row's sums as numbers, whatever the connection's int8 parser. */
const toCount = (row: CountRow): StatsCount => ({
  chats: Number(row.chats),
  sent: Number(row.sent),
  answered: Number(row.answered),
  declined: Number(row.declined),
  scoreTotal: Number(row.scoreTotal),
  achieved: Number(row.achieved),
  notAchieved: Number(row.notAchieved),
  pending: Number(row.pending),
});

const EMPTY: StatsCount = { chats: 0, sent: 0, answered: 0, declined: 0, scoreTotal: 0, achieved: 0, notAchieved: 0, pending: 0 };

/**
 * Groups ranked by chats (ties by value in byte order, as SQLite's BINARY); those past `limit`
 * fold into one row with a null value. A group of rank ≤ limit holds one value, so MIN(value) is it.
 */
async function groups(sql: PgTransaction, chat: Fragment, valued: Fragment, limit: number): Promise<StatsGroup[]> {
  const rows = await sql<(CountRow & { value: string | null; values: number | string })[]>`
    WITH ${chat}, valued AS (${valued}),
    grouped AS (SELECT v.value, ${sums(sql)} FROM valued v JOIN chat ON chat.id = v.chat_id GROUP BY v.value),
    ranked AS (SELECT *, ROW_NUMBER() OVER (ORDER BY chats DESC, value COLLATE "C") AS rank FROM grouped)
    SELECT CASE WHEN MIN(rank) <= ${limit}::int8 THEN MIN(value) END AS value, COUNT(*)::int8 AS "values", ${outerSums(sql)}
    FROM ranked GROUP BY LEAST(rank, ${limit}::int8 + 1) ORDER BY MIN(rank)`;
  return rows.map((row) => ({ value: row.value, values: Number(row.values), ...toCount(row) }));
}

/** The range's chats in (up to) two rows: with a value and without. */
async function split(sql: PgTransaction, chat: Fragment, valued: Fragment): Promise<{ unset: StatsCount; valued: StatsCount }> {
  const rows = await sql<(CountRow & { valued: boolean })[]>`
    WITH ${chat}, valued AS (${valued})
    SELECT chat.id IN (SELECT chat_id FROM valued) AS valued, ${sums(sql)} FROM chat GROUP BY 1`;
  const part = (flag: boolean): StatsCount => {
    const row = rows.find((r) => r.valued === flag);
    return row ? toCount(row) : EMPTY;
  };
  return { unset: part(false), valued: part(true) };
}

/** StoreTx.groupChats: the `limit` values with most chats and the rest summed, and the split. */
async function groupChats(sql: PgTransaction, channelId: string, grouping: StatsGrouping, range: ChatRange, limit: number): Promise<GroupedCounts> {
  const from = range.from ?? 0;
  const to = range.to ?? Number.MAX_SAFE_INTEGER;
  // Fragments are built per query: each carries its own bound values.
  const grouped = await groups(sql, rangeChats(sql, channelId, from, to), valuedSql(sql, grouping), limit);
  const { unset, valued } = await split(sql, rangeChats(sql, channelId, from, to), valuedSql(sql, grouping));
  return { groups: grouped, unset, valued };
}

/**
 * StoreTx.countSurveys: surveys posted in the range by scale, score and skipped. A survey's scale
 * is in its form (a JSON number), so unanswered surveys count under their scale too.
 */
async function countSurveys(sql: PgTransaction, channelId: string, { from = 0, to = Number.MAX_SAFE_INTEGER }: SurveyRange): Promise<SurveyCount[]> {
  const rows = await sql<{ scale: Scale; score: SurveyCount['score']; declined: boolean; count: number }[]>`
    SELECT CASE WHEN jsonb_typeof(m.form::jsonb -> 'scale') = 'number' THEN (m.form::jsonb ->> 'scale')::float8 END AS scale,
      a.score AS score, s.skipped_at IS NOT NULL AS declined, COUNT(*)::int AS count
    FROM csat_surveys s
    JOIN chats c ON c.id = s.chat_id
    JOIN messages m ON m.id = s.message_id
    LEFT JOIN csat_answers a ON a.message_id = s.message_id
    WHERE c.channel_id = ${channelId}::text AND s.created_at >= ${from}::int8 AND s.created_at < ${to}::int8
    GROUP BY 1, 2, 3
    ORDER BY 1 NULLS FIRST, 2 NULLS FIRST, 3`;
  return rows.map((row) => ({ scale: row.scale, score: row.score, declined: row.declined, count: Number(row.count) }));
}

/**
 * StoreTx.listAnswerScales: each answered chat's latest answer's scale, latest by answered time
 * then by insertion (the rowid column of migration 2), as latestAnswer and profile.csat take it.
 */
async function listAnswerScales(sql: PgTransaction, channelId: string): Promise<{ chatId: string; scale: Scale }[]> {
  return sql<{ chatId: string; scale: Scale }[]>`
    SELECT DISTINCT ON (a.chat_id) a.chat_id AS "chatId", a.scale AS scale
    FROM csat_answers a
    JOIN chats c ON c.id = a.chat_id
    WHERE c.channel_id = ${channelId}::text
    ORDER BY a.chat_id, a.answered_at DESC, a.rowid DESC`.then((rows) => [...rows]);
}

export const statsQueries: Pick<PgQueries, 'groupChats' | 'countSurveys' | 'listAnswerScales'> = { groupChats, countSurveys, listAnswerScales };

/**
 * The chat-list queries of the PostgreSQL store: a chat with its user, last message and unread
 * count (sqlite/chatQueries.ts), filtered as the inbox and the statistics filter them. Rows have
 * the SQLite store's column names and JS types, so sqlite/rows.ts maps them. Every value is bound;
 * only fragments written here are spliced.
 *
 * The profile readers below are also the statistics' (statsQueries.ts), as sqlite/profileValues.ts
 * is for SQLite: the figure a manager clicks and the inbox it opens must count the same chats.
 * They keep SQLite's json_extract / json_each semantics on the TEXT column read as jsonb: a text
 * filter matches only a JSON string (SQLite compares a JSON number with bound text as unequal).
 */
import type postgres from 'postgres';
import type { ChatFilter, ChatPage } from '../../domain/types.ts';
import { type ChatDetailRow, toChatDetail } from '../sqlite/rows.ts';
import { searchTerms } from '../searchText.ts';
import type { PgQueries } from './PgQueries.ts';
import type { PgTransaction } from './PgUnits.ts';

type Fragment = postgres.Fragment;

/**
 * The JSON value of one profile key of chat `c` (SQL NULL when absent). The key is bound, so a
 * key holding dots (`profile.productName`) is one key, as SQLite's quoted path `$."key"` reads it.
 */
export const profileValue = (sql: PgTransaction, key: string): Fragment => sql`(c.profile::jsonb -> ${key}::text)`;

/** SQL NULL for a JSON null, as json_extract gives, so COALESCE passes over it. */
const present = (sql: PgTransaction, value: Fragment): Fragment => sql`NULLIF(${value}, 'null'::jsonb)`;

/**
 * The product a chat is about (PRODUCT_VALUE): its name, else its id, empty text counting as
 * missing. Kept as jsonb with its type: a number here is a value, but never equal to a text.
 */
export const productValue = (sql: PgTransaction): Fragment => sql`COALESCE(
  NULLIF(${present(sql, profileValue(sql, 'profile.productName'))}, '""'::jsonb),
  NULLIF(${present(sql, profileValue(sql, 'profile.productId'))}, '""'::jsonb))`;

/** The page the chat started on (SOURCE_PAGE_VALUE). */
export const sourcePageValue = (sql: PgTransaction): Fragment => profileValue(sql, 'source.page');

/** A jsonb value's text when it is a JSON string, else NULL: SQLite's `typeof(...) = 'text'`. */
export const textOf = (sql: PgTransaction, value: Fragment): Fragment =>
  sql`(CASE WHEN jsonb_typeof(${value}) = 'string' THEN ${value} #>> '{}' END)`;

/** Whether a jsonb value is the JSON string `text` (compared byte for byte, as SQLite does). */
const isText = (sql: PgTransaction, value: Fragment, text: string): Fragment => sql`(${value} = to_jsonb(${text}::text))`;

/**
 * The rows `(value)` of a profile value (VALUES_OF), as `json_each` yields them: a List's items
 * each, an object's member values, or a lone row for a scalar. A missing key gives one JSON null,
 * which no text equals. Use it as `FROM ${valuesOf(...)} j` and read `j.value` (jsonb).
 */
export const valuesOf = (sql: PgTransaction, value: Fragment): Fragment => sql`jsonb_array_elements(CASE jsonb_typeof(${value})
    WHEN 'array' THEN ${value}
    WHEN 'object' THEN (SELECT COALESCE(jsonb_agg(o.value), '[]'::jsonb) FROM jsonb_each(${value}) o)
    ELSE jsonb_build_array(${value}) END)`;

/** Whether a String profile value equals `text` or a List holds it (the `tag` and `field` filters). */
const holdsText = (sql: PgTransaction, value: Fragment, text: string): Fragment =>
  sql`EXISTS (SELECT 1 FROM ${valuesOf(sql, value)} j WHERE ${isText(sql, sql`j.value`, text)})`;

/**
 * A stored csat as json_extract reads it for `= @csat`: a JSON number as itself, true/false as
 * 1/0 (json_extract's integers); a string is never equal to the bound number.
 */
const csatNumber = (sql: PgTransaction): Fragment => {
  const value = profileValue(sql, 'profile.csat');
  return sql`(CASE jsonb_typeof(${value})
    WHEN 'number' THEN (${value} #>> '{}')::numeric
    WHEN 'boolean' THEN CASE WHEN ${value} = 'true'::jsonb THEN 1 ELSE 0 END END)`;
};

/** A token as a quoted tsquery lexeme: quotes and backslashes doubled, so no text is read as syntax. */
const lexeme = (token: string): string => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The tsquery (simple configuration) matching what matchQuery's FTS5 query matches: every term
 * (AND), each term's tokens next to each other in order (FTS5's phrase `"a b"` is `'a' <-> 'b'`),
 * and a prefix term's last token as a prefix (`"a b" *` is `'a' <-> 'b':*`). Null when the search
 * has no letter or digit. Exported for tests.
 */
export function tsQueryText(search: string): string | null {
  const terms = searchTerms(search);
  if (!terms.length) return null;
  return terms
    .map(({ tokens, prefix }) => {
      const last = tokens.length - 1;
      return `(${tokens.map((token, at) => `${lexeme(token)}${prefix && at === last ? ':*' : ''}`).join(' <-> ')})`;
    })
    .join(' & ');
}

/**
 * A search (`q`): the chat's own id, or its product, its customer or one of its messages holding
 * the words. Each index is read once into the set of chats it finds (the GIN indexes are on
 * `to_tsvector('simple', search_body)`, so the expression is written the same way here). The id
 * is one more member of that set (read through the primary key, in its collation) rather than an
 * OR beside it: an OR keeps PostgreSQL from joining the set, and it then tests the set for every
 * chat walked down the activity index, all of them for a rare word. As a set it is hash-joined
 * (or its few chats looked up) and the page taken by a top-N sort.
 */
function searchCondition(sql: PgTransaction, q: string): Fragment {
  const text = tsQueryText(q);
  if (text === null) throw new Error('q: a search needs a letter or digit (checked where it is read)');
  const query = () => sql`to_tsquery('simple', ${text}::text)`;
  return sql`c.id IN (SELECT id FROM chats WHERE id = ${q}::text
    UNION SELECT id FROM chats WHERE to_tsvector('simple', search_body) @@ ${query()}
    UNION SELECT x.id FROM chats x WHERE x.user_id IN
      (SELECT id FROM users WHERE to_tsvector('simple', search_body) @@ ${query()})
    UNION SELECT chat_id FROM messages WHERE to_tsvector('simple', search_body) @@ ${query()})`;
}

type Condition = (sql: PgTransaction, filter: ChatFilter) => Fragment;

/** One condition per filter (sqlite CONDITIONS), applied when the filter is set. */
const CONDITIONS: Record<keyof ChatFilter, Condition> = {
  channelId: (sql, f) => sql`c.channel_id = ${f.channelId!}::text`,
  userId: (sql, f) => sql`c.user_id = ${f.userId!}::text`,
  q: (sql, f) => searchCondition(sql, f.q!),
  assignee: (sql, f) => sql`c.assignee_id = ${f.assignee!}::text`,
  unassigned: (sql) => sql`c.assignee_id IS NULL`,
  state: (sql, f) => sql`c.state = ${f.state!}::text`,
  tag: (sql, f) => holdsText(sql, profileValue(sql, 'tags'), f.tag!),
  csat: (sql, f) => sql`${csatNumber(sql)} = ${f.csat!}::numeric`,
  product: (sql, f) => isText(sql, productValue(sql), f.product!),
  sourcePage: (sql, f) => isText(sql, sourcePageValue(sql), f.sourcePage!),
  field: (sql, f) => holdsText(sql, profileValue(sql, f.field!.key), f.field!.value),
  createdFrom: (sql, f) => sql`c.created_at >= ${f.createdFrom!}::int8`,
  createdTo: (sql, f) => sql`c.created_at < ${f.createdTo!}::int8`,
};

/**
 * The chats `chats` (a subquery read as `c`) with their user, unread count for the customer and
 * last message (`m_` columns). The last message is a LATERAL read of the (chat_id, seq) index, as
 * SQLite's subquery on it.
 */
const selectDetail = (sql: PgTransaction, chats: Fragment): Fragment => sql`
  SELECT c.*,
    u.name AS user_name, u.member_id AS user_member_id, u.member_verified AS user_member_verified,
    (SELECT COUNT(*)::int FROM messages x
      WHERE x.chat_id = c.id AND x.author <> 'customer' AND x.seq > c.read_seq) AS unread,
    m.id AS m_id, m.seq AS m_seq, m.author AS m_author, m.text AS m_text,
    m.author_name AS m_author_name, m.author_id AS m_author_id,
    m.author_avatar_url AS m_author_avatar_url, m.client_id AS m_client_id, m.created_at AS m_created_at,
    m.form AS m_form, m.template AS m_template
  FROM ${chats} c
  JOIN users u ON u.id = c.user_id
  LEFT JOIN LATERAL (SELECT * FROM messages WHERE chat_id = c.id ORDER BY seq DESC LIMIT 1) m ON true`;

/** Conditions joined by AND; postgres.js has no join for fragments. */
const allOf = (sql: PgTransaction, conditions: readonly Fragment[]): Fragment =>
  conditions.reduce((joined, condition) => sql`${joined} AND ${condition}`);

/** The chats of `filter`, newest activity first; a page reads at most `limit` after its key. */
async function listChatDetails(sql: PgTransaction, filter: ChatFilter, page?: ChatPage) {
  const keys = (Object.keys(CONDITIONS) as (keyof ChatFilter)[]).filter((key) => filter[key] !== undefined);
  const conditions = keys.map((key) => CONDITIONS[key](sql, filter));
  // Keyset paging: the row value walks the (activity_at, id) index, never an OFFSET.
  if (page?.after) conditions.push(sql`(c.activity_at, c.id) < (${page.after.activityAt}::int8, ${page.after.id}::text)`);
  const where = conditions.length ? sql`WHERE ${allOf(sql, conditions)}` : sql``;
  const limit = page ? sql`LIMIT ${page.limit}::int8` : sql``;
  // The page is chosen from the chats alone, then its details are read: the planner then sees the
  // search as the small join it is (hash the found set, or look each found chat up), not as part
  // of a five-way join where it was seen looping over the whole set for each chat walked.
  const chosen = sql`(SELECT * FROM chats c ${where} ORDER BY c.activity_at DESC, c.id DESC ${limit})`;
  const rows = await sql<ChatDetailRow[]>`${selectDetail(sql, chosen)} ORDER BY c.activity_at DESC, c.id DESC`;
  return rows.map(toChatDetail);
}

/** One chat's detail, or null when there is no such chat. */
async function chatDetail(sql: PgTransaction, chatId: string) {
  const [row] = await sql<ChatDetailRow[]>`${selectDetail(sql, sql`chats`)} WHERE c.id = ${chatId}::text`;
  return row ? toChatDetail(row) : null;
}

export const chatQueries: Pick<PgQueries, 'listChatDetails' | 'chatDetail'> = { listChatDetails, chatDetail };

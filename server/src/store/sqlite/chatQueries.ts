/** The one query that reads chats with their user, last message and unread count. */
import type Database from 'better-sqlite3';
import type { ChatFilter, ChatPage } from '../../domain/types.ts';
import { matchQuery, searchTerms } from '../searchText.ts';
import { PRODUCT_VALUE, profilePath, SOURCE_PAGE_VALUE, VALUES_OF } from './profileValues.ts';

const SELECT_DETAIL = `
  SELECT c.*,
    u.name AS user_name, u.member_id AS user_member_id, u.member_verified AS user_member_verified,
    (SELECT COUNT(*) FROM messages x
      WHERE x.chat_id = c.id AND x.author != 'customer' AND x.seq > c.read_seq) AS unread,
    m.id AS m_id, m.seq AS m_seq, m.author AS m_author, m.text AS m_text,
    m.author_name AS m_author_name, m.author_id AS m_author_id,
    m.author_avatar_url AS m_author_avatar_url, m.client_id AS m_client_id, m.created_at AS m_created_at,
    m.form AS m_form, m.template AS m_template
  FROM chats c
  JOIN users u ON u.id = c.user_id
  LEFT JOIN messages m ON m.id =
    (SELECT id FROM messages WHERE chat_id = c.id ORDER BY seq DESC LIMIT 1)`;

/**
 * A search: the chat's own id, or its product, its customer or one of its messages holding the
 * words (searchText.ts). Two plans give the same rows:
 * - `set` reads each index once into the set of chats it finds, then orders that set: fast while
 *   the words are rare, slow when they are in most messages (the set is most chats);
 * - `walk` reads each index once into a set of index rows (no lookups), then goes down the chats
 *   newest first and checks each chat's own rows against those sets, so it stops once the page is
 *   full: fast for common words, slow for rare ones (it may walk every chat).
 * The plan is chosen from how many rows of the indexes hold the words (their fts5vocab counts).
 */
const SEARCH_SET = `(c.id = @qText OR c.id IN (
    SELECT id FROM chats WHERE rowid IN (SELECT rowid FROM chat_search WHERE chat_search MATCH @q)
    UNION SELECT x.id FROM chats x JOIN users u ON u.id = x.user_id
      WHERE u.rowid IN (SELECT rowid FROM user_search WHERE user_search MATCH @q)
    UNION SELECT m.chat_id FROM messages m
      WHERE m.rowid IN (SELECT rowid FROM message_search WHERE message_search MATCH @q)))`;

const SEARCH_WALK = `(c.id = @qText
  OR c.rowid IN (SELECT rowid FROM chat_search WHERE chat_search MATCH @q)
  OR c.user_id IN (SELECT u.id FROM users u WHERE u.rowid IN (SELECT rowid FROM user_search WHERE user_search MATCH @q))
  OR EXISTS (SELECT 1 FROM messages m WHERE m.chat_id = c.id
    AND m.rowid IN (SELECT rowid FROM message_search WHERE message_search MATCH @q)))`;

/** Index rows holding the words above which walking the chats beats collecting the set. */
export const WALK_ABOVE = 20_000;

/** An upper bound of the index rows that hold every term: the fewest holding any one of its tokens. */
function estimateMatches(db: Database.Database): (q: string) => number {
  const indexes = ['message_search_terms', 'chat_search_terms', 'user_search_terms'];
  const exact = indexes.map((table) => db.prepare(`SELECT COALESCE(MAX(doc), 0) FROM ${table} WHERE term = ?`).pluck());
  const prefix = indexes.map((table) => db.prepare(`SELECT COALESCE(SUM(doc), 0) FROM ${table} WHERE term >= ? AND term < ?`).pluck());
  return (q) => {
    const terms = searchTerms(q);
    let total = 0;
    for (let i = 0; i < indexes.length; i++) {
      let fewest = Infinity;
      for (const { tokens, prefix: isPrefix } of terms) {
        tokens.forEach((token, at) => {
          const count = isPrefix && at === tokens.length - 1 ? (prefix[i].get(token, `${token}\uffff`) as number) : (exact[i].get(token) as number);
          fewest = Math.min(fewest, count);
        });
      }
      total += fewest === Infinity ? 0 : fewest;
    }
    return total;
  };
}

const CONDITIONS: Record<keyof ChatFilter, string> = {
  channelId: 'c.channel_id = @channelId',
  userId: 'c.user_id = @userId',
  q: SEARCH_SET,
  assignee: 'c.assignee_id = @assignee',
  unassigned: 'c.assignee_id IS NULL',
  state: 'c.state = @state',
  tag: `EXISTS (SELECT 1 FROM json_each(c.profile, '$.tags') WHERE value = @tag)`,
  csat: `json_extract(c.profile, '$."profile.csat"') = @csat`,
  product: `${PRODUCT_VALUE} = @product`,
  sourcePage: `${SOURCE_PAGE_VALUE} = @sourcePage`,
  field: `EXISTS (SELECT 1 FROM ${VALUES_OF('@fieldPath')} WHERE value = @fieldValue)`,
  createdFrom: 'c.created_at >= @createdFrom',
  createdTo: 'c.created_at < @createdTo',
};

/** The parameters of the set filters; a field's key becomes a bound JSON path. */
function filterParams(filter: ChatFilter, keys: readonly (keyof ChatFilter)[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === 'field') {
      params.fieldPath = profilePath(filter.field!.key);
      params.fieldValue = filter.field!.value;
    } else if (key === 'q') {
      params.qText = filter.q;
      const q = matchQuery(filter.q!);
      if (q === null) throw new Error('q: a search needs a letter or digit (checked where it is read)');
      params.q = q;
    } else if (key !== 'unassigned') params[key] = filter[key];
  }
  return params;
}

export const chatDetailById = (db: Database.Database) =>
  db.prepare(`${SELECT_DETAIL} WHERE c.id = ?`);

/** Keyset paging: the row value walks the (activity_at, id) indexes, never an OFFSET. */
const AFTER = '(c.activity_at, c.id) < (@afterActivity, @afterId)';

/** The SQL of one list shape; exported so a test can read its query plan. */
export function chatListSql(keys: readonly (keyof ChatFilter)[], after: boolean, walk = false): string {
  const conditions = keys.map((key) => (key === 'q' && walk ? SEARCH_WALK : CONDITIONS[key]));
  if (after) conditions.push(AFTER);
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return `${SELECT_DETAIL} ${where} ORDER BY c.activity_at DESC, c.id DESC LIMIT @limit`;
}

/** Prepared statements keyed by which filters are present, so each shape is compiled once. */
export function chatListQuery(db: Database.Database, { walkAbove = WALK_ABOVE } = {}) {
  const cache = new Map<string, Database.Statement>();
  const estimate = estimateMatches(db);
  return (filter: ChatFilter, page?: ChatPage) => {
    const keys = (Object.keys(CONDITIONS) as (keyof ChatFilter)[]).filter(
      (key) => filter[key] !== undefined,
    );
    const after = page?.after !== undefined;
    // Only a page can stop early; a whole list (the export) collects the set.
    const walk = filter.q !== undefined && page !== undefined && estimate(filter.q) > walkAbove;
    const cacheKey = `${keys.join(',')}${after ? '+after' : ''}${walk ? '+walk' : ''}`;
    let statement = cache.get(cacheKey);
    if (!statement) {
      statement = db.prepare(chatListSql(keys, after, walk));
      cache.set(cacheKey, statement);
    }
    const params = filterParams(filter, keys);
    params.limit = page ? page.limit : -1;
    if (page?.after) {
      params.afterActivity = page.after.activityAt;
      params.afterId = page.after.id;
    }
    return statement.all(params);
  };
}

/**
 * Units of work on PostgreSQL: READ COMMITTED transactions that stamp their events' seqs at the
 * end, from one counter row. The row's lock is held from that UPDATE to COMMIT, so a unit that
 * stamps later commits later: seq order is commit order, and a rolled-back unit gives its seqs
 * back, so the log is dense. A reader that sees seq N has every seq below it committed, which is
 * what the event feed and a socket's resume rely on. Units are rerun (at most three times in all)
 * after a serialisation failure, a deadlock, or a unique violation of an idempotency key: the
 * rerun finds the row the other unit wrote and answers as if they had run one after the other.
 */
import type { EventRecord, NewEvent } from '../../domain/types.ts';
import type postgres from 'postgres';
import type { Sql } from './connect.ts';

export type PgTransaction = postgres.TransactionSql;

const RETRYABLE = new Set(['40001', '40P01', '23505']);
const ATTEMPTS = 3;

export interface PgUnit {
  readonly sql: PgTransaction;
  /** The database's clock when the unit began (ms), or the configured test clock's. */
  readonly now: number;
  /** Records an event; its seq is stamped when the unit commits. */
  appendEvent(event: NewEvent): void;
  /**
   * Stamps and stores the events recorded so far at once rather than at commit, for a unit that
   * reads the log after appending (as on SQLite: a boot that reaches a goal answers with a cursor
   * past the goal's event). The counter row stays locked from here to COMMIT, so order and
   * density hold; events recorded later follow them. Announced at commit with the others.
   */
  settle(): Promise<void>;
  /** Locks a row for the rest of the unit, before it is read to be changed (order: channel, user, chat). */
  lock(table: 'channels' | 'users' | 'chats', id: string): Promise<void>;
}

export interface PgUnitsOptions {
  /** A fixed clock for tests; unset, the database's. */
  clock?: () => number;
  /** Called after each commit that stamped events (never for a unit that rolled back). */
  onCommit?: (events: readonly EventRecord[]) => void;
  /** Called with each retried failure's code, for logs and tests. */
  onRetry?: (code: string, attempt: number) => void;
  /**
   * The LISTEN/NOTIFY channel told each commit's last seq, inside the transaction (so it is
   * delivered only if the unit commits). The seq alone: a payload must stay under 8,000 bytes.
   */
  notifyChannel?: string;
  /** Who notifies (`<instanceId>:<last seq>`), so that an instance skips its own commits, which it already has. */
  instanceId?: string;
  /**
   * Fault injection for the cluster test: how long each unit that recorded events waits, holding
   * the counter, before COMMIT (ms), so commits of other instances queue behind it.
   */
  holdCommitMs?: () => number;
}

export class PgUnits {
  constructor(
    private readonly sql: Sql,
    private readonly options: PgUnitsOptions = {},
  ) {}

  async run<T>(work: (unit: PgUnit) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { value, events } = await this.attempt(work);
        if (events.length > 0) this.options.onCommit?.(events);
        return value;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (!code || !RETRYABLE.has(code) || attempt >= ATTEMPTS) throw error;
        this.options.onRetry?.(code, attempt);
      }
    }
  }

  private async attempt<T>(work: (unit: PgUnit) => Promise<T>): Promise<{ value: T; events: EventRecord[] }> {
    let stamped: EventRecord[] = [];
    const value = await this.sql.begin('isolation level read committed', async (sql) => {
      const now = this.options.clock
        ? this.options.clock()
        : Number((await sql<{ now: string }[]>`SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::int8 AS now`)[0].now);
      const pending: NewEvent[] = [];
      const stored: EventRecord[] = [];
      const unit: PgUnit = {
        sql,
        now,
        appendEvent: (event) => void pending.push(event),
        settle: async () => {
          stored.push(...(await this.store(sql, pending.splice(0))));
        },
        lock: async (table, id) => {
          await sql`SELECT 1 FROM ${sql(table)} WHERE id = ${id} FOR UPDATE`;
        },
      };
      const result = await work(unit);
      stamped = await this.stamp(sql, pending, stored);
      return result;
    });
    return { value: value as T, events: stamped };
  }

  /** Moves the counter on by `count` (locking its row until COMMIT); returns the last seq taken. */
  private async takeSeqs(sql: PgTransaction, count: number): Promise<number> {
    const [{ last }] = await sql<{ last: number }[]>`UPDATE event_counter SET last = last + ${count} WHERE id = 1 RETURNING last`;
    return last;
  }

  /** Stamps `pending` with the counter's next seqs (its lock is then held until COMMIT) and stores them. */
  private async store(sql: PgTransaction, pending: readonly NewEvent[]): Promise<EventRecord[]> {
    if (pending.length === 0) return [];
    const first = (await this.takeSeqs(sql, pending.length)) - pending.length + 1;
    const events = pending.map((event, i) => ({ ...event, seq: first + i }));
    await insertEvents(sql, events);
    return events;
  }

  /**
   * Stamps and stores the events not stored yet, the unit's last statements before COMMIT, and
   * returns all of the unit's events in seq order.
   */
  private async stamp(sql: PgTransaction, pending: readonly NewEvent[], stored: readonly EventRecord[]): Promise<EventRecord[]> {
    if (pending.length === 0 && stored.length === 0) return [];
    const events = [...stored, ...(await this.store(sql, pending))];
    const hold = this.options.holdCommitMs?.() ?? 0;
    if (hold > 0) await new Promise((resolve) => setTimeout(resolve, hold));
    if (this.options.notifyChannel) await sql`SELECT pg_notify(${this.options.notifyChannel}, ${`${this.options.instanceId ?? ''}:${events[events.length - 1].seq}`})`;
    return events;
  }
}

async function insertEvents(sql: PgTransaction, events: readonly EventRecord[]): Promise<void> {
  const rows = events.map((e) => ({
    seq: e.seq,
    channel_id: e.channelId,
    user_id: e.userId,
    chat_id: e.chatId,
    type: e.type,
    payload: JSON.stringify(e.payload),
    created_at: e.createdAt,
  }));
  await sql`INSERT INTO events ${sql(rows, 'seq', 'channel_id', 'user_id', 'chat_id', 'type', 'payload', 'created_at')}`;
}

import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../src/domain/types.ts';
import { EventFeed, type EventLog } from '../src/realtime/EventFeed.ts';

const event = (seq: number): EventRecord =>
  ({ seq, channelId: 'ch', userId: 'u', chatId: 'c', type: 'chat', payload: {} as EventRecord['payload'], createdAt: seq });

/** A log holding the committed events; `fail` makes its next read throw. */
function memoryLog(committed: number[] = []) {
  const seqs = new Set(committed);
  const log = {
    fail: false,
    reads: 0,
    latestReads: 0,
    commit: (...more: number[]) => more.forEach((seq) => seqs.add(seq)),
    async read(after: number, upTo: number, limit: number) {
      log.reads++;
      if (log.fail) {
        log.fail = false;
        throw new Error('connection lost');
      }
      return [...seqs].filter((seq) => seq > after && seq <= upTo).sort((a, b) => a - b).slice(0, limit).map(event);
    },
    async latest() {
      log.latestReads++;
      return Math.max(0, ...seqs);
    },
  };
  return log satisfies EventLog;
}

function feedOn(log: EventLog, after = 0, batch?: number) {
  const emitted: number[] = [];
  const errors: unknown[] = [];
  const feed = new EventFeed(log, (events) => emitted.push(...events.map((e) => e.seq)), { after, batch, onError: (e) => errors.push(e) });
  return { feed, emitted, errors };
}

describe('EventFeed', () => {
  it('reads up to an announced seq without asking the log for its newest, and not at all when it has it', async () => {
    const log = memoryLog([1, 2, 3, 4, 5]);
    const { feed, emitted } = feedOn(log);
    await feed.catchUp(3);
    expect(emitted).toEqual([1, 2, 3]);
    expect(log.latestReads).toBe(0);
    const reads = log.reads;
    await feed.catchUp(2);
    expect(log.reads).toBe(reads);
    // Announcements heard during a read are covered by one more read after it.
    const first = feed.catchUp(4);
    void feed.catchUp(5);
    await first;
    await feed.catchUp();
    expect(emitted).toEqual([1, 2, 3, 4, 5]);
    expect(log.latestReads).toBe(1);
  });

  it('hands on events offered in order at once, and drops what it has already handed on', () => {
    const { feed, emitted } = feedOn(memoryLog([1, 2, 3]));
    feed.offer([event(1)]);
    feed.offer([event(2), event(3)]);
    feed.offer([event(2)]);
    expect(emitted).toEqual([1, 2, 3]);
    expect(feed.position).toBe(3);
  });

  it('holds an event that arrives before a lower one and fills the gap from the log', async () => {
    const log = memoryLog([1, 2, 3, 4]);
    const { feed, emitted } = feedOn(log);
    feed.offer([event(1)]);
    feed.offer([event(4)]);
    expect(emitted).toEqual([1]);
    await feed.catchUp();
    expect(emitted).toEqual([1, 2, 3, 4]);
    feed.offer([event(3), event(2)]);
    expect(emitted).toEqual([1, 2, 3, 4]);
  });

  it('finds in the log what nobody announced, on start and on each catch-up', async () => {
    const log = memoryLog([1, 2]);
    const { feed, emitted } = feedOn(log);
    const stop = feed.start();
    await feed.catchUp();
    expect(emitted).toEqual([1, 2]);
    log.commit(3, 4);
    await feed.catchUp();
    expect(emitted).toEqual([1, 2, 3, 4]);
    stop();
  });

  it('does not wait for a seq the log never committed', async () => {
    const { feed, emitted } = feedOn(memoryLog([1, 2, 4, 5]));
    feed.offer([event(5)]);
    await feed.catchUp();
    expect(emitted).toEqual([1, 2, 4, 5]);
  });

  it('reads a long gap in batches, and tries again after a failed read', async () => {
    const log = memoryLog(Array.from({ length: 25 }, (_, i) => i + 1));
    const { feed, emitted, errors } = feedOn(log, 0, 10);
    log.fail = true;
    feed.offer([event(25)]);
    await feed.catchUp();
    expect(errors).toHaveLength(1);
    await feed.catchUp();
    expect(emitted).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(log.reads).toBeGreaterThanOrEqual(4);
  });

  it('starts after the seq it is given', async () => {
    const { feed, emitted } = feedOn(memoryLog([1, 2, 3]), 2);
    feed.offer([event(2)]);
    await feed.catchUp();
    expect(emitted).toEqual([3]);
  });

  it('emits every committed event exactly once and in order, whatever is announced, lost or repeated', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 50; round++) {
      const log = memoryLog();
      const { feed, emitted } = feedOn(log, 0, 1 + Math.floor(random() * 5));
      const committed: number[] = [];
      const pending: number[] = [];
      for (let seq = 1; seq <= 60; seq++) {
        if (random() < 0.1) continue; // rolled back: the seq is never committed
        log.commit(seq);
        committed.push(seq);
        if (random() < 0.8) pending.push(seq); // announced, perhaps late; otherwise lost
        while (pending.length && random() < 0.5) {
          const at = Math.floor(random() * pending.length);
          const [seqOut] = pending.splice(at, 1);
          feed.offer([event(seqOut)]);
          if (random() < 0.2) feed.offer([event(seqOut)]);
        }
        if (random() < 0.1) await feed.catchUp();
      }
      pending.forEach((seq) => feed.offer([event(seq)]));
      await feed.catchUp();
      expect(emitted).toEqual(committed);
    }
  });
});

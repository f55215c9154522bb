import { describe, expect, it } from 'vitest';
import { computeMetrics, countMessage, metricsOf, tallyMessages, type ChatTimes, type Metrics, type MetricsTally, type TimedMessage } from '../src/domain/responseTimes.ts';
import { ALWAYS_OPEN, operatingMillisBetween, type OperatingHours } from '../../src/shared/operatingHours.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
// Monday 2026-11-23 09:00 in Seoul (UTC+9) is 00:00 UTC.
const MON_9_SEOUL = Date.UTC(2026, 10, 23, 0, 0);
const open9to18 = [{ start: '09:00', end: '18:00' }];
const SEOUL: OperatingHours = { timeZone: 'Asia/Seoul', weekly: { sun: [], mon: open9to18, tue: open9to18, wed: open9to18, thu: open9to18, fri: open9to18, sat: [] } };

const msg = (author: TimedMessage['author'], at: number): TimedMessage => ({ author, createdAt: at });

describe('computeMetrics', () => {
  it('measures several customer/manager turns', () => {
    const t0 = MON_9_SEOUL + H;
    const messages = [
      msg('customer', t0), // opens
      msg('customer', t0 + 30 * S), // still waiting since t0
      msg('manager', t0 + 2 * M), // answers after 2 min
      msg('customer', t0 + 10 * M),
      msg('manager', t0 + 14 * M), // answers after 4 min
      msg('manager', t0 + 15 * M), // a follow-up answers nothing
    ];
    expect(computeMetrics({ openedAt: t0 }, messages, SEOUL)).toEqual({
      waitingTime: 2 * M,
      operationWaitingTime: 2 * M,
      avgReplyTime: 3 * M,
      operationAvgReplyTime: 3 * M,
    });
    expect(computeMetrics({ openedAt: t0, closedAt: t0 + 20 * M }, messages, SEOUL)).toMatchObject({ resolutionTime: 20 * M, operationResolutionTime: 20 * M });
  });

  it('leaves the reply metrics absent for a chat no manager answered', () => {
    const t0 = MON_9_SEOUL;
    expect(computeMetrics({ openedAt: t0 }, [msg('customer', t0), msg('bot', t0 + M)], ALWAYS_OPEN)).toEqual({});
    expect(computeMetrics({ openedAt: t0, closedAt: t0 + H }, [msg('customer', t0)], ALWAYS_OPEN)).toEqual({ resolutionTime: H, operationResolutionTime: H });
  });

  it('starts afresh when a chat reopens: only the messages of the new period count', () => {
    const t0 = MON_9_SEOUL;
    const reopenedAt = t0 + 2 * H;
    const messages = [msg('customer', t0), msg('manager', t0 + 10 * M), msg('customer', reopenedAt + M), msg('manager', reopenedAt + 6 * M)];
    expect(computeMetrics({ openedAt: reopenedAt }, messages, ALWAYS_OPEN)).toEqual({
      waitingTime: 6 * M,
      operationWaitingTime: 6 * M,
      avgReplyTime: 5 * M,
      operationAvgReplyTime: 5 * M,
    });
  });

  it('counts operating hours only, across a night and a weekend, in the channel time zone', () => {
    const fri1730 = MON_9_SEOUL + 4 * 24 * H + 8.5 * H;
    const mon0930 = MON_9_SEOUL + 7 * 24 * H + 0.5 * H;
    const metrics = computeMetrics({ openedAt: fri1730, closedAt: mon0930 + H }, [msg('customer', fri1730), msg('manager', mon0930)], SEOUL);
    expect(metrics.waitingTime).toBe(mon0930 - fri1730); // 2 days 16 hours on the wall clock
    expect(metrics.operationWaitingTime).toBe(H); // half an hour on Friday, half on Monday
    expect(metrics.operationResolutionTime).toBe(2 * H);
    expect(metrics.resolutionTime).toBeGreaterThan(24 * H);
  });
});

/** The metrics straight from their definition, span by span: what the tally must agree with. */
function byDefinition(times: ChatTimes, messages: readonly TimedMessage[], hours: OperatingHours): Metrics {
  const period = messages.filter((m) => m.createdAt >= times.openedAt).sort((a, b) => a.createdAt - b.createdAt);
  const firstReply = period.find((m) => m.author === 'manager');
  const replies: [number, number][] = [];
  let waitingSince: number | undefined;
  for (const message of period) {
    if (message.author === 'customer' && waitingSince === undefined) waitingSince = message.createdAt;
    if (message.author === 'manager' && waitingSince !== undefined) {
      replies.push([waitingSince, message.createdAt]);
      waitingSince = undefined;
    }
  }
  const wall = ([from, to]: [number, number]) => Math.max(0, to - from);
  const open = ([from, to]: [number, number]) => operatingMillisBetween(hours, from, to);
  const mean = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) / values.length);
  const metrics: Metrics = {};
  if (firstReply) {
    metrics.waitingTime = wall([times.openedAt, firstReply.createdAt]);
    metrics.operationWaitingTime = open([times.openedAt, firstReply.createdAt]);
  }
  if (replies.length) {
    metrics.avgReplyTime = mean(replies.map(wall));
    metrics.operationAvgReplyTime = mean(replies.map(open));
  }
  if (times.closedAt !== undefined) {
    metrics.resolutionTime = wall([times.openedAt, times.closedAt]);
    metrics.operationResolutionTime = open([times.openedAt, times.closedAt]);
  }
  return metrics;
}

describe('counting message by message', () => {
  /** A small deterministic generator, so a failure names a reproducible sequence. */
  function random(seed: number) {
    return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  }
  const AUTHORS: TimedMessage['author'][] = ['customer', 'customer', 'manager', 'manager', 'bot'];

  /** Customer, manager and bot messages, some at the same instant, over a few days. */
  function conversation(seed: number, count: number, start: number): TimedMessage[] {
    const next = random(seed);
    const messages: TimedMessage[] = [];
    let at = start;
    for (let i = 0; i < count; i++) {
      at += next() < 0.2 ? 0 : Math.floor(next() * 6 * H);
      messages.push(msg(AUTHORS[Math.floor(next() * AUTHORS.length)], at));
    }
    return messages;
  }

  for (const [name, hours] of [['around the clock', ALWAYS_OPEN], ['within operating hours', SEOUL]] as const) {
    it(`gives after every message what the definition gives, ${name}, across a reopen and a close`, () => {
      for (let seed = 1; seed <= 8; seed++) {
        const messages = conversation(seed, 40, MON_9_SEOUL - 3 * H);
        const reopenedAt = messages[20].createdAt; // messages at that instant belong to the new period
        let tally: MetricsTally = tallyMessages(MON_9_SEOUL - 3 * H, [], hours);
        for (let i = 0; i < messages.length; i++) {
          const openedAt = i < 20 ? MON_9_SEOUL - 3 * H : reopenedAt;
          if (i === 20) tally = tallyMessages(reopenedAt, messages.slice(0, 20), hours);
          tally = countMessage(tally, messages[i], hours);
          const seen = messages.slice(0, i + 1);
          for (const times of [{ openedAt }, { openedAt, closedAt: messages[i].createdAt + H }]) {
            const expected = byDefinition(times, seen, hours);
            expect(metricsOf(tally, times, hours)).toEqual(expected);
            expect(computeMetrics(times, seen, hours)).toEqual(expected);
          }
        }
      }
    });
  }

  it('counts nothing for a bot message, and nothing from before the opening in a recount', () => {
    const t0 = MON_9_SEOUL;
    const tally = tallyMessages(t0, [msg('manager', t0 - M), msg('customer', t0 + M)], ALWAYS_OPEN);
    expect(countMessage(tally, msg('bot', t0 + 2 * M), ALWAYS_OPEN)).toBe(tally);
    expect(tally).toEqual({ openedAt: t0, lastAt: t0 + M, waitingSince: t0 + M, replies: 0, replyMillis: 0, replyOperatingMillis: 0 });
  });
});

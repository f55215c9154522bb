import { describe, expect, it } from 'vitest';
import { computeMetrics, type TimedMessage } from '../src/domain/metrics.ts';
import { ALWAYS_OPEN, type OperatingHours } from '../../src/shared/operatingHours.ts';

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

/**
 * The response-time metrics of a chat's profile (SPEC §2.1), computed from its messages.
 *
 * A chat's metrics describe its current period: from the moment it was last opened (`openedAt`,
 * the creation or the latest reopen) to now, so reopening a chat starts them afresh.
 * - `waitingTime`: from the opening to the first manager reply of the period.
 * - `avgReplyTime`: the mean, over the manager replies of the period that answer a customer, of the
 *   time from the first customer message not yet answered to that reply.
 * - `resolutionTime`: from the opening to the close (only while the chat is closed).
 * - `operation…`: the same spans, counting only time within the channel's operating hours.
 * Bot messages (the survey) neither answer nor wait. A metric with nothing to measure is absent.
 */
import { operatingMillisBetween, type OperatingHours } from '../../../src/shared/operatingHours.ts';

export interface TimedMessage {
  author: 'customer' | 'manager' | 'bot';
  createdAt: number;
}

export interface ChatTimes {
  openedAt: number;
  /** Set while the chat is closed. */
  closedAt?: number;
}

export type Metrics = Partial<Record<
  'waitingTime' | 'avgReplyTime' | 'resolutionTime' | 'operationWaitingTime' | 'operationAvgReplyTime' | 'operationResolutionTime',
  number
>>;

export const METRIC_KEYS = ['waitingTime', 'avgReplyTime', 'resolutionTime', 'operationWaitingTime', 'operationAvgReplyTime', 'operationResolutionTime'] as const;

/**
 * Everything the metrics of one period are made of, summed up to its latest message, so that the
 * next message updates them (`countMessage`) without rereading the chat. The sums are in the order
 * the replies came, as a recount adds them, so both give the same figures.
 */
export interface MetricsTally {
  openedAt: number;
  /** `createdAt` of the latest message counted (the opening while none is): a later message follows it. */
  lastAt: number;
  firstReplyAt?: number;
  /** The first customer message not yet answered. */
  waitingSince?: number;
  replies: number;
  /** Sums over the replies of the time each answers, on the wall clock and in operating hours. */
  replyMillis: number;
  replyOperatingMillis: number;
}

export const emptyTally = (openedAt: number): MetricsTally => ({
  openedAt,
  lastAt: openedAt,
  replies: 0,
  replyMillis: 0,
  replyOperatingMillis: 0,
});

/**
 * The tally with one more message of the period, which must be no older than `tally.lastAt`.
 * @example countMessage(tally, { author: 'manager', createdAt: now }, hours)
 */
export function countMessage(tally: MetricsTally, message: TimedMessage, hours: OperatingHours): MetricsTally {
  const at = message.createdAt;
  if (message.author === 'customer') {
    return { ...tally, lastAt: at, waitingSince: tally.waitingSince ?? at };
  }
  if (message.author !== 'manager') return tally;
  const next: MetricsTally = { ...tally, lastAt: at, firstReplyAt: tally.firstReplyAt ?? at };
  if (tally.waitingSince !== undefined) {
    next.replies++;
    next.replyMillis += wall([tally.waitingSince, at]);
    next.replyOperatingMillis += operatingMillisBetween(hours, tally.waitingSince, at);
    delete next.waitingSince;
  }
  return next;
}

/** Counts a period from scratch: the messages created at or after its opening, oldest first. */
export function tallyMessages(openedAt: number, messages: readonly TimedMessage[], hours: OperatingHours): MetricsTally {
  const period = messages.filter((m) => m.createdAt >= openedAt).sort((a, b) => a.createdAt - b.createdAt);
  return period.reduce((tally, message) => countMessage(tally, message, hours), emptyTally(openedAt));
}

const wall = ([from, to]: [number, number]) => Math.max(0, to - from);

/**
 * The metrics of a tallied period; `times` adds the close.
 * @example metricsOf(tally, { openedAt, closedAt: now }, channelHours)
 */
export function metricsOf(tally: MetricsTally, times: ChatTimes, hours: OperatingHours): Metrics {
  const metrics: Metrics = {};
  if (tally.firstReplyAt !== undefined) {
    metrics.waitingTime = wall([times.openedAt, tally.firstReplyAt]);
    metrics.operationWaitingTime = operatingMillisBetween(hours, times.openedAt, tally.firstReplyAt);
  }
  if (tally.replies > 0) {
    metrics.avgReplyTime = Math.round(tally.replyMillis / tally.replies);
    metrics.operationAvgReplyTime = Math.round(tally.replyOperatingMillis / tally.replies);
  }
  if (times.closedAt !== undefined) {
    metrics.resolutionTime = wall([times.openedAt, times.closedAt]);
    metrics.operationResolutionTime = operatingMillisBetween(hours, times.openedAt, times.closedAt);
  }
  return metrics;
}

/**
 * @example computeMetrics({ openedAt }, messages, channelHours) // { waitingTime: 42000, operationWaitingTime: 0, … }
 */
export function computeMetrics(times: ChatTimes, messages: readonly TimedMessage[], hours: OperatingHours): Metrics {
  return metricsOf(tallyMessages(times.openedAt, messages, hours), times, hours);
}

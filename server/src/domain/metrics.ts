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

/** The [from, to] spans each metric is made of. */
function spans(times: ChatTimes, messages: readonly TimedMessage[]) {
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
  return {
    waiting: firstReply ? ([times.openedAt, firstReply.createdAt] as [number, number]) : undefined,
    replies,
    resolution: times.closedAt !== undefined ? ([times.openedAt, times.closedAt] as [number, number]) : undefined,
  };
}

/**
 * @example computeMetrics({ openedAt }, messages, channelHours) // { waitingTime: 42000, operationWaitingTime: 0, … }
 */
export function computeMetrics(times: ChatTimes, messages: readonly TimedMessage[], hours: OperatingHours): Metrics {
  const { waiting, replies, resolution } = spans(times, messages);
  const wall = ([from, to]: [number, number]) => Math.max(0, to - from);
  const open = ([from, to]: [number, number]) => operatingMillisBetween(hours, from, to);
  const mean = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) / values.length);
  const metrics: Metrics = {};
  if (waiting) {
    metrics.waitingTime = wall(waiting);
    metrics.operationWaitingTime = open(waiting);
  }
  if (replies.length) {
    metrics.avgReplyTime = mean(replies.map(wall));
    metrics.operationAvgReplyTime = mean(replies.map(open));
  }
  if (resolution) {
    metrics.resolutionTime = wall(resolution);
    metrics.operationResolutionTime = open(resolution);
  }
  return metrics;
}

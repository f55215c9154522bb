/**
 * `/api/manager/goal`: the channel's goal (SPEC §2.5). Registered inside the manager routes, so
 * the manager token is checked first. Answers with the goal as it now stands.
 */
import type { FastifyInstance } from 'fastify';
import type { ChannelGoal } from '../../../src/shared/managerApi.ts';
import { LIMITS, charLength } from '../../../src/shared/limits.ts';
import { MAX_GOAL_WINDOW_DAYS, readGoal, replaceGoal } from '../domain/goals.ts';
import type { Store } from '../store/Store.ts';
import { invalid } from './errors.ts';
import * as v from './validate.ts';

export function registerGoalRoutes(app: FastifyInstance, store: Store, channelId: string): void {
  app.get('/goal', () => readGoal(store, channelId));
  app.put('/goal', async (request) => {
    const body = request.body;
    const current = await readGoal(store, channelId);
    return replaceGoal(store, channelId, parseGoal(body, current.windowDays));
  });
}

/**
 * `{ eventName, windowDays }`. `eventName` is a name `track` could send, or `null` to turn goals
 * off; then `windowDays` may be left out and the stored window (`keptWindow`) is kept.
 */
export function parseGoal(body: unknown, keptWindow: number): ChannelGoal {
  const fields = v.readFields(body, ['eventName', 'windowDays']);
  const { eventName, windowDays } = fields;
  if (eventName === undefined) throw v.missing('eventName', `an event name of 1 to ${LIMITS.eventName} characters, or null`);
  if (eventName !== null && (typeof eventName !== 'string' || charLength(eventName) < 1 || charLength(eventName) > LIMITS.eventName)) {
    throw invalid(`eventName: must be an event name of 1 to ${LIMITS.eventName} characters, or null to turn goals off`);
  }
  if (windowDays === undefined && eventName === null) return { eventName: null, windowDays: keptWindow };
  if (windowDays === undefined) throw v.missing('windowDays', `a whole number of days from 1 to ${MAX_GOAL_WINDOW_DAYS}`);
  if (typeof windowDays !== 'number' || !Number.isInteger(windowDays) || windowDays < 1 || windowDays > MAX_GOAL_WINDOW_DAYS) {
    throw invalid(`windowDays: must be a whole number of days from 1 to ${MAX_GOAL_WINDOW_DAYS}`);
  }
  return { eventName, windowDays };
}

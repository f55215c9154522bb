/**
 * `/api/manager/goal`: the channel's goal (SPEC §2.5). Registered inside the manager routes, so
 * the manager token is checked first. Answers with the goal as it now stands.
 */
import type { FastifyInstance } from 'fastify';
import { validateGoal } from '../../../src/shared/goal.ts';
import { readGoal, replaceGoal } from '../domain/goals.ts';
import type { Store } from '../store/Store.ts';
import { invalid } from './errors.ts';
import * as v from './validate.ts';

export function registerGoalRoutes(app: FastifyInstance, store: Store, channelId: string): void {
  app.get('/goal', () => readGoal(store, channelId));
  app.put('/goal', async (request) => {
    const fields = v.readFields(request.body, ['eventName', 'windowDays']);
    // Turning goals off without a window keeps the stored one for when they are turned back on.
    const checked = validateGoal(fields, (await readGoal(store, channelId)).windowDays);
    if (!checked.ok) throw invalid(checked.message);
    return replaceGoal(store, channelId, checked.goal);
  });
}

/**
 * The rule of a channel goal (SPEC §2.5), checked by the console before saving and by the server
 * on `PUT /api/manager/goal`: `eventName` is a name `track` could send, or `null` to turn goals
 * off; `windowDays` a whole number of days.
 */
import { charLength, LIMITS } from './limits';
import type { ChannelGoal } from './managerApi';

export const MAX_GOAL_WINDOW_DAYS = 365;
export const DEFAULT_GOAL: ChannelGoal = { eventName: null, windowDays: 7 };

/**
 * @example validateGoal({ eventName: 'Purchase', windowDays: 7 }) // { ok: true, goal }
 * With `eventName: null` the window may be left out; `keptWindow` is then kept.
 */
export function validateGoal(
  input: { eventName?: unknown; windowDays?: unknown },
  keptWindow = DEFAULT_GOAL.windowDays,
): { ok: true; goal: ChannelGoal } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  const { eventName, windowDays } = input;
  const nameRule = `an event name of 1 to ${LIMITS.eventName} characters, or null to turn goals off`;
  if (eventName === undefined) return fail(`eventName: is required (${nameRule})`);
  if (eventName !== null && (typeof eventName !== 'string' || charLength(eventName) < 1 || charLength(eventName) > LIMITS.eventName)) {
    return fail(`eventName: must be ${nameRule}`);
  }
  if (windowDays === undefined && eventName === null) return { ok: true, goal: { eventName: null, windowDays: keptWindow } };
  if (typeof windowDays !== 'number' || !Number.isInteger(windowDays) || windowDays < 1 || windowDays > MAX_GOAL_WINDOW_DAYS) {
    return fail(`windowDays: must be a whole number of days from 1 to ${MAX_GOAL_WINDOW_DAYS}`);
  }
  return { ok: true, goal: { eventName, windowDays } };
}

/**
 * Goals (SPEC §2.5). A chat started while the channel has a goal takes a copy of it: its
 * `goalEventName` and a deadline `windowDays` after its creation, so changing the goal later
 * leaves chats already started alone. A matching event tracked by the chat's customer up to the
 * deadline (inclusive) achieves it; once the deadline has passed the chat is settled as
 * `not_achieved` — when it is next read by the Manager API, the export or the customer's own
 * widget, or when its customer tracks anything.
 */
import { DEFAULT_GOAL } from '../../../src/shared/goal.ts';
import type { ChannelGoal } from '../../../src/shared/managerApi.ts';
import type { ChatProfile } from '../../../src/shared/types.ts';
import type { Store, StoreTx } from '../store/Store.ts';
import { recordEvent } from './events.ts';
import type { ChatRecord } from './types.ts';

export const DAY_MS = 86_400_000;
/** Chats settled per store query; the loop goes on until none is left. */
const SETTLE_BATCH = 200;

/** The goal keys and deadline of a chat created at `createdAt`; nothing when goals are off. */
export function startedGoal(goal: ChannelGoal, createdAt: number): { profile: ChatProfile; goalDeadline?: number } {
  if (goal.eventName === null) return { profile: {} };
  return {
    profile: { goalEventName: goal.eventName, goalState: 'pending' },
    goalDeadline: createdAt + goal.windowDays * DAY_MS,
  };
}

/** The chat once `eventName` was tracked at `at`, or null when that does not achieve its goal. */
export function achievedChat(chat: ChatRecord, eventName: string, at: number): ChatRecord | null {
  if (chat.goalDeadline === undefined || chat.profile.goalState !== 'pending') return null;
  if (chat.profile.goalEventName !== eventName || at > chat.goalDeadline) return null;
  const { goalDeadline: _settled, ...rest } = chat;
  return { ...rest, profile: { ...chat.profile, goalState: 'achieved', goalCheckedAt: at }, updatedAt: at };
}

/** The chat as of `now`: a pending goal past its deadline is not achieved; null when nothing changes. */
export function expiredChat(chat: ChatRecord, now: number): ChatRecord | null {
  if (chat.goalDeadline === undefined || now <= chat.goalDeadline) return null;
  const { goalDeadline: _settled, ...rest } = chat;
  if (chat.profile.goalState !== 'pending') return rest;
  return { ...rest, profile: { ...chat.profile, goalState: 'not_achieved' } };
}

export async function readGoal(store: Store, channelId: string): Promise<ChannelGoal> {
  return store.transaction(async (tx) => (await tx.getGoal(channelId)) ?? DEFAULT_GOAL);
}

export async function replaceGoal(store: Store, channelId: string, goal: ChannelGoal): Promise<ChannelGoal> {
  await store.transaction((tx) => tx.saveGoal(channelId, goal, tx.now));
  return goal;
}

export async function channelGoal(tx: StoreTx, channelId: string): Promise<ChannelGoal> {
  return (await tx.getGoal(channelId)) ?? DEFAULT_GOAL;
}

/**
 * Which chats a settle looks at: every chat of the store (Manager API reads, exports), or one
 * customer's own (their widget's reads, which must not pay for everyone's overdue goals).
 */
export type SettleScope = { all: true } | { userId: string };

/** Settles the scope's chats whose window has passed, announcing each change; call before reading chats. */
export async function settleExpiredGoals(tx: StoreTx, scope: SettleScope = { all: true }): Promise<void> {
  if ('userId' in scope) {
    // Bounded by the customer's own chats still carrying a deadline (index chats_user_goal).
    await settleChats(tx, await tx.listPendingGoalChats(scope.userId));
    return;
  }
  for (;;) {
    const due = await tx.listExpiredGoalChats(tx.now, SETTLE_BATCH);
    await settleChats(tx, due);
    if (due.length < SETTLE_BATCH) return;
  }
}

async function settleChats(tx: StoreTx, chats: readonly ChatRecord[]): Promise<void> {
  for (const chat of chats) {
    const settled = expiredChat(chat, tx.now);
    if (!settled) continue;
    await tx.updateChat(settled);
    if (settled.profile.goalState !== chat.profile.goalState) await recordEvent(tx, chat.id, 'chat');
  }
}

/** Achieves the goal of each of the customer's chats waiting for `eventName`, tracked now. */
export async function achieveGoals(tx: StoreTx, userId: string, eventName: string): Promise<void> {
  for (const chat of await tx.listPendingGoalChats(userId)) {
    const achieved = achievedChat(chat, eventName, tx.now);
    if (!achieved) continue;
    await tx.updateChat(achieved);
    await recordEvent(tx, chat.id, 'chat');
  }
}

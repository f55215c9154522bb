/**
 * Keeps a chat's stored response-time metrics (SPEC §2.1) in step with its messages. Called in
 * the unit of work of every change that moves them — creation, a customer or manager message, a
 * close, a reopen — so the `chat` event and response of that change already carry them.
 *
 * The `operation…` metrics use the operating hours in force at that change. Changing the hours
 * does not remeasure every chat (there may be many thousands, and a closed chat's figures should
 * describe the hours it was handled under); a chat is remeasured at its next change.
 */
import type { ChatProfile } from '../../../src/shared/types.ts';
import type { StoreTx } from '../store/Store.ts';
import { currentOperatingHours } from './csatSettings.ts';
import { computeMetrics, METRIC_KEYS, type ChatTimes } from './metrics.ts';
import type { ChatRecord } from './types.ts';

/**
 * The chat with its metrics recomputed from its stored messages: keys the computation leaves
 * out (e.g. `resolutionTime` after a reopen) are removed from the profile.
 * @example await tx.updateChat(await measuredChat(tx, { ...chat, state: 'closed', profile }))
 */
export async function measuredChat(tx: StoreTx, chat: ChatRecord): Promise<ChatRecord> {
  const times = chatTimes(chat);
  const profile: ChatProfile = { ...chat.profile };
  for (const key of METRIC_KEYS) delete profile[key];
  if (!times) return { ...chat, profile };
  const messages = await tx.listMessages(chat.id);
  const metrics = computeMetrics(times, messages, await currentOperatingHours(tx, chat.channelId));
  return { ...chat, profile: { ...profile, ...metrics } };
}

/** The current period: from the last opening, to the close while the chat is closed. */
function chatTimes(chat: ChatRecord): ChatTimes | null {
  const { openedAt, closedAt } = chat.profile;
  if (typeof openedAt !== 'number') return null;
  const closed = chat.state === 'closed' && typeof closedAt === 'number';
  return closed ? { openedAt, closedAt } : { openedAt };
}

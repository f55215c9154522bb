/**
 * Keeps a chat's stored response-time metrics (SPEC §2.1) in step with its messages. Called in
 * the unit of work of every change that moves them — creation, a customer or manager message, a
 * close, a reopen — so the `chat` event and response of that change already carry them.
 *
 * The `operation…` metrics use the operating hours in force at that change. Changing the hours
 * does not remeasure every chat (there may be many thousands, and a closed chat's figures should
 * describe the hours it was handled under); a chat is remeasured at its next change.
 *
 * The chat keeps the tally its metrics come from, so a new message is counted in without reading
 * the chat's messages again; whatever the tally cannot follow is recounted from the messages.
 */
import type { OperatingHours } from '../../../src/shared/operatingHours.ts';
import type { ChatProfile, Message } from '../../../src/shared/types.ts';
import type { StoreTx } from '../store/Store.ts';
import { fingerprint } from './crypto.ts';
import { currentOperatingHours } from './csatSettings.ts';
import { countMessage, METRIC_KEYS, metricsOf, tallyMessages, type ChatTimes } from './responseTimes.ts';
import type { ChatRecord, ChatTally } from './types.ts';

/**
 * The chat with its metrics brought up to date, after `added` (the message just stored, if any).
 * The stored tally is used when it counts the same period under the same hours and `added` is not
 * older than what it counted; otherwise (creation, reopen, new hours, a clock set back, a chat
 * stored before tallies) the period is recounted. Keys the metrics leave out (e.g.
 * `resolutionTime` after a reopen) are removed from the profile.
 * @example await tx.updateChat(await measuredChat(tx, { ...chat, state: 'closed', profile }))
 */
export async function measuredChat(tx: StoreTx, chat: ChatRecord, added?: Message): Promise<ChatRecord> {
  const { tally: kept, ...rest } = chat;
  const profile: ChatProfile = { ...chat.profile };
  for (const key of METRIC_KEYS) delete profile[key];
  const times = chatTimes(chat);
  if (!times) return { ...rest, profile };
  const hours = await currentOperatingHours(tx, chat.channelId);
  const hoursKey = hoursFingerprint(hours);
  const follows =
    kept !== undefined &&
    kept.openedAt === times.openedAt &&
    kept.hours === hoursKey &&
    (added === undefined || added.createdAt >= kept.lastAt);
  const counted = follows
    ? added ? countMessage(kept, added, hours) : kept
    : tallyMessages(times.openedAt, await tx.listMessages(chat.id), hours);
  const tally: ChatTally = { ...counted, hours: hoursKey };
  return { ...rest, profile: { ...profile, ...metricsOf(counted, times, hours) }, tally };
}

/** Hours change rarely: the last ones seen keep their fingerprint instead of being hashed again. */
let lastHours = { json: '', key: '' };

function hoursFingerprint(hours: OperatingHours): string {
  const json = JSON.stringify(hours);
  if (json !== lastHours.json) lastHours = { json, key: fingerprint(json) };
  return lastHours.key;
}

/** The current period: from the last opening, to the close while the chat is closed. */
function chatTimes(chat: ChatRecord): ChatTimes | null {
  const { openedAt, closedAt } = chat.profile;
  if (typeof openedAt !== 'number') return null;
  const closed = chat.state === 'closed' && typeof closedAt === 'number';
  return closed ? { openedAt, closedAt } : { openedAt };
}

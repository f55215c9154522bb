/**
 * A channel's survey rule and operating hours (SPEC §3). Until a manager sets them the channel has
 * the shared defaults: the survey off, open around the clock. The rule's checks and its merge of
 * a partial update are the shared module's; this file only loads and saves.
 */
import {
  chatKeyTypeOf,
  DEFAULT_CSAT_SETTINGS,
  mergeCsatSettings,
  ruleProblems,
  type ChatKeyType,
  type CsatSettings,
  type RuleProblem,
} from '../../../src/shared/csat/index.ts';
import { ALWAYS_OPEN, type OperatingHours } from '../../../src/shared/operatingHours.ts';
import type { Store, StoreTx } from '../store/Store.ts';
import { isTemplate } from '../../../src/shared/template.ts';
import { DomainError } from './errors.ts';
import { recordEvent } from './events.ts';
import { assertTemplate } from './templates.ts';

/**
 * A `PUT /csat-settings` body exactly as the manager sent it: any subset of the rule. It is
 * checked by the shared `mergeCsatSettings`, which needs the current rule to merge into.
 */
export type CsatSettingsPatch = unknown;

/**
 * The rule in force. A stored rule is laid over the defaults, so a setting added in a later
 * version reads as its default until a manager changes it.
 */
export async function currentCsatSettings(tx: StoreTx, channelId: string): Promise<CsatSettings> {
  const stored = await tx.getCsatSettings(channelId);
  if (!stored) return DEFAULT_CSAT_SETTINGS;
  const merged = mergeCsatSettings(DEFAULT_CSAT_SETTINGS, stored);
  if (!merged.ok) throw new Error(`stored survey rule of channel ${channelId} is invalid: ${merged.message}`);
  return merged.settings;
}

export async function currentOperatingHours(tx: StoreTx, channelId: string): Promise<OperatingHours> {
  return (await tx.getOperatingHours(channelId)) ?? ALWAYS_OPEN;
}

/** The rule as the API shows it: with what no longer fits the channel's chat-profile schema. */
export type CsatSettingsView = CsatSettings & { problems: RuleProblem[] };

/**
 * The type of each key of the channel's chat profile: built-ins and custom fields, archived ones
 * included (their values stay, read-only, so a condition on them still reads them).
 */
export async function chatKeyTypes(tx: StoreTx, channelId: string): Promise<ChatKeyType> {
  return chatKeyTypeOf(await tx.listProfileFields(channelId));
}

async function view(tx: StoreTx, channelId: string, settings: CsatSettings): Promise<CsatSettingsView> {
  return { ...settings, problems: ruleProblems(settings, await chatKeyTypes(tx, channelId)) };
}

export async function readCsatSettings(store: Store, channelId: string): Promise<CsatSettingsView> {
  return store.transaction(async (tx) => view(tx, channelId, await currentCsatSettings(tx, channelId)));
}

/**
 * Merges a partial rule into the current one and saves the result; a refused patch changes
 * nothing and throws the shared validator's message (naming the setting and the rule). The
 * `filters.chat` conditions sent are checked against the channel's chat-profile schema; ones
 * kept from before are not (a field deleted since is reported in `problems` instead, so the rest
 * of the rule can still be changed).
 * @example await changeCsatSettings(store, channelId, { enabled: true, scale: 3 })
 */
export async function changeCsatSettings(
  store: Store,
  channelId: string,
  patch: CsatSettingsPatch,
): Promise<CsatSettingsView> {
  return store.transaction(async (tx) => {
    const current = await currentCsatSettings(tx, channelId);
    const merged = mergeCsatSettings(current, patch, await chatKeyTypes(tx, channelId));
    if (!merged.ok) throw new DomainError('invalid', 'invalid_request', merged.message);
    await checkQuestionVariables(tx, channelId, current, merged.settings);
    await tx.saveCsatSettings(channelId, merged.settings, tx.now);
    await releaseHeldChats(tx, channelId, merged.settings);
    return view(tx, channelId, merged.settings);
  });
}

/**
 * A survey's form copies the rule when it is posted, and the hold reads the form. When the rule
 * stops asking for the score (or the comment), the surveys still waiting for it stop asking too,
 * so a chat closed under the old rule is not held by it forever; each changed survey is announced
 * so an open widget gives its composer back. A stricter rule changes no survey already posted.
 */
async function releaseHeldChats(tx: StoreTx, channelId: string, settings: CsatSettings): Promise<void> {
  const required = settings.enabled && settings.required;
  const commentRequired = required && settings.commentRequired;
  if (required && commentRequired) return;
  for (const message of await tx.listHoldingSurveys(channelId)) {
    const form = message.form!;
    const released = { ...form, required: form.required && required, commentRequired: form.commentRequired && commentRequired };
    if (released.required === form.required && released.commentRequired === form.commentRequired) continue;
    await tx.updateMessageForm(message.id, released);
    await recordEvent(tx, message.chatId, 'message', { message: { ...message, form: released } });
  }
}

/**
 * The variables of each question text that changed are checked against the channel's keys
 * (SPEC §2.5). Unchanged questions are not: a field deleted since a question was saved renders as
 * its fallback, and must not block saving the rest of the rule.
 */
async function checkQuestionVariables(tx: StoreTx, channelId: string, before: CsatSettings, after: CsatSettings) {
  const changed = (Object.keys(after.questions) as (keyof CsatSettings['questions'])[]).filter(
    (lang) => after.questions[lang] !== before.questions[lang] && isTemplate(after.questions[lang]),
  );
  if (changed.length === 0) return;
  const fields = await tx.listProfileFields(channelId);
  for (const lang of changed) assertTemplate(`questions.${lang}`, after.questions[lang], fields);
}

export async function readOperatingHours(store: Store, channelId: string): Promise<OperatingHours> {
  return store.transaction((tx) => currentOperatingHours(tx, channelId));
}

/**
 * Replaces the hours; they were checked at the edge with the shared `validateOperatingHours`.
 * Chats' stored `operation…` metrics are deliberately not recomputed here (a channel may hold
 * many thousands of chats): each chat is remeasured with the new hours at its next change.
 */
export async function replaceOperatingHours(
  store: Store,
  channelId: string,
  hours: OperatingHours,
): Promise<OperatingHours> {
  await store.transaction((tx) => tx.saveOperatingHours(channelId, hours, tx.now));
  return hours;
}

/**
 * The channel's saved replies: texts a manager inserts into a reply (`/` in the console's
 * composer). Their variables are checked against the channel's keys when saved, and rendered for
 * each chat when the reply is sent (messages.ts), like any reply's.
 */
import { isTemplate } from '../../../src/shared/template.ts';
import { LIMITS } from '../../../src/shared/limits.ts';
import type { Store, StoreTx } from '../store/Store.ts';
import { newId } from './crypto.ts';
import { DomainError } from './errors.ts';
import { assertTemplate } from './templates.ts';
import type { Caller } from './team.ts';
import type { SavedReplyRecord } from './types.ts';

const notFound = () => new DomainError('not_found', 'saved_reply_not_found', 'saved reply: no such saved reply');

async function checkText(tx: StoreTx, channelId: string, text: string): Promise<void> {
  if (isTemplate(text)) assertTemplate('text', text, await tx.listProfileFields(channelId));
}

export async function listSavedReplies(store: Store, channelId: string): Promise<SavedReplyRecord[]> {
  return store.transaction((tx) => tx.listSavedReplies(channelId));
}

export async function createSavedReply(store: Store, channelId: string, caller: Caller, input: { title: string; text: string }): Promise<SavedReplyRecord> {
  return store.transaction(async (tx) => {
    if ((await tx.listSavedReplies(channelId)).length >= LIMITS.savedReplies) {
      throw new DomainError('conflict', 'too_many_saved_replies', `saved replies: at most ${LIMITS.savedReplies}; delete one first`);
    }
    await checkText(tx, channelId, input.text);
    const reply: SavedReplyRecord = {
      id: newId(),
      channelId,
      title: input.title.trim(),
      text: input.text,
      authorId: caller.manager?.id ?? null,
      createdAt: tx.now,
      updatedAt: tx.now,
    };
    await tx.insertSavedReply(reply);
    return reply;
  });
}

export async function updateSavedReply(store: Store, channelId: string, id: string, input: { title?: string; text?: string }): Promise<SavedReplyRecord> {
  return store.transaction(async (tx) => {
    const current = await tx.getSavedReply(id);
    if (!current || current.channelId !== channelId) throw notFound();
    if (input.text !== undefined) await checkText(tx, channelId, input.text);
    const next: SavedReplyRecord = {
      ...current,
      ...(input.title === undefined ? {} : { title: input.title.trim() }),
      ...(input.text === undefined ? {} : { text: input.text }),
      updatedAt: tx.now,
    };
    await tx.updateSavedReply(next);
    return next;
  });
}

export async function deleteSavedReply(store: Store, channelId: string, id: string): Promise<void> {
  await store.transaction(async (tx) => {
    const current = await tx.getSavedReply(id);
    if (!current || current.channelId !== channelId) throw notFound();
    await tx.deleteSavedReply(id);
  });
}

import { readJson, writeJson } from '../../browser/storage';

/** Drafts kept at once, the most recently written ones: with the composer's length limit, 50 KB of localStorage at most. */
export const KEPT_DRAFTS = 10;

/**
 * What the customer typed and has not sent, per chat (`''`: the chat not created yet), kept in
 * localStorage under `key` so that a view change, a closed messenger or a reload loses none.
 * An empty text forgets the chat's draft; the oldest written goes when there are too many.
 * @example const drafts = createDrafts('sangdam:key:outbox:u1:drafts'); drafts.set('c1', 'Hi'); drafts.get('c1')
 */
export function createDrafts(key: string) {
  let drafts = readJson<[chatId: string, text: string][]>(key) || [];
  return {
    get: (chatId: string) => drafts.find((d) => d[0] === chatId)?.[1] || '',
    set(chatId: string, text: string) {
      drafts = drafts.filter((d) => d[0] !== chatId);
      if (text) drafts.push([chatId, text]);
      drafts = drafts.slice(-KEPT_DRAFTS);
      writeJson(key, drafts.length ? drafts : undefined);
    },
  };
}

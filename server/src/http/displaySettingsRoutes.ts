/**
 * `/api/manager/display-settings`: which chat-profile keys the console's panel hides, one setting
 * per channel. Registered inside the manager routes, so the manager token is checked first.
 */
import type { FastifyInstance } from 'fastify';
import type { DisplaySettings } from '../../../src/shared/managerApi.ts';
import { builtInField, CUSTOM_KEY } from '../../../src/shared/profile/index.ts';
import { readDisplaySettings, replaceDisplaySettings } from '../domain/displaySettings.ts';
import type { Store } from '../store/Store.ts';
import { invalid } from './errors.ts';
import * as v from './validate.ts';

export const MAX_HIDDEN_KEYS = 200;
export const MAX_HIDDEN_KEY_LENGTH = 60;

export function registerDisplaySettingsRoutes(app: FastifyInstance, store: Store, channelId: string): void {
  app.get('/display-settings', () => readDisplaySettings(store, channelId));
  app.put('/display-settings', (request) =>
    replaceDisplaySettings(store, channelId, parseDisplaySettings(request.body)),
  );
}

/**
 * `{ hidden: string[] }`: built-in keys or `profile.` keys, duplicates dropped, order kept. A
 * `profile.` key need not be in the schema yet: hiding a field the console is about to add, or
 * keeping one that was deleted, is harmless and saves a refusal on a stale list.
 */
export function parseDisplaySettings(body: unknown): DisplaySettings {
  const { hidden } = v.readFields(body, ['hidden']);
  if (hidden === undefined) throw v.missing('hidden', 'a list of chat-profile keys');
  if (!Array.isArray(hidden) || hidden.length > MAX_HIDDEN_KEYS) {
    throw invalid(`hidden: must be a list of at most ${MAX_HIDDEN_KEYS} chat-profile keys`);
  }
  hidden.forEach((key: unknown, index) => {
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_HIDDEN_KEY_LENGTH) {
      throw invalid(`hidden[${index}]: must be a key of 1 to ${MAX_HIDDEN_KEY_LENGTH} characters`);
    }
    if (!builtInField(key) && !CUSTOM_KEY.test(key)) {
      throw invalid(`hidden[${index}]: ${JSON.stringify(key)} is not a chat-profile key (a built-in key such as source.page, or profile.<name>)`);
    }
  });
  return { hidden: [...new Set(hidden as string[])] };
}

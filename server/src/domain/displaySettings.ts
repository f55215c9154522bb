/**
 * The console's display settings, one per channel and kept by the server so every manager's
 * console shows the same panel. The keys were checked at the edge; a key whose field is deleted
 * later stays harmlessly in the list (the console skips keys it does not know).
 */
import { DEFAULT_HIDDEN_KEYS, type DisplaySettings } from '../../../src/shared/managerApi.ts';
import type { Store } from '../store/Store.ts';

/** What a channel has until a manager chooses: every field shown but the keys that stay empty. */
export const DEFAULT_DISPLAY_SETTINGS: DisplaySettings = { hidden: [...DEFAULT_HIDDEN_KEYS] };

export async function readDisplaySettings(store: Store, channelId: string): Promise<DisplaySettings> {
  return store.transaction(async (tx) => (await tx.getDisplaySettings(channelId)) ?? DEFAULT_DISPLAY_SETTINGS);
}

/**
 * Replaces the settings and returns them as stored.
 * @example await replaceDisplaySettings(store, channelId, { hidden: ['source.page', 'profile.productId'] })
 */
export async function replaceDisplaySettings(
  store: Store,
  channelId: string,
  settings: DisplaySettings,
): Promise<DisplaySettings> {
  await store.transaction((tx) => tx.saveDisplaySettings(channelId, settings, tx.now));
  return settings;
}

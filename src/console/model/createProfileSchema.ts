import { fieldName } from '../../shared/profile/fields';
import type { ConsoleLanguage } from '../i18n';
import { computed, signal } from '@preact/signals';
import { BUILT_IN_FIELDS, type CustomField } from '../../shared/profile/fields';
import { isMissing, type Api } from '../api/createApi';
import { DEFAULT_HIDDEN_KEYS, type DisplaySettings } from '../../shared/managerApi';
import type { BuiltInFieldView, ProfileFields } from '../api/types';
import { createLoader } from './createLoader';

export type ProfileSchema = ReturnType<typeof createProfileSchema>;

const BUILT_INS: BuiltInFieldView[] = BUILT_IN_FIELDS.map(({ key, type, names, writer }) => ({ key, type, names, writer }));

/**
 * The channel's chat-profile schema (built-ins, then custom fields in their order) and the
 * display settings: which fields the profile panel hides, for every chat. A server without the
 * display-settings route still works: the choice then holds for this tab only.
 */
export function createProfileSchema(api: Api) {
  const schema = createLoader(() => api.get<ProfileFields>('/profile-fields'));
  const hidden = signal<string[]>([...DEFAULT_HIDDEN_KEYS]);
  /** False when the server has no display-settings route. */
  const hiddenKept = signal(true);

  const builtIns = computed(() => schema.data.value?.builtIns ?? BUILT_INS);
  const fields = computed<CustomField[]>(() => [...(schema.data.value?.fields ?? [])].sort((a, b) => a.order - b.order));

  async function loadHidden() {
    try {
      hidden.value = (await api.get<DisplaySettings>('/display-settings')).hidden;
      hiddenKept.value = true;
    } catch (error) {
      if (!isMissing(error)) throw error;
      hiddenKept.value = false;
    }
  }

  /** Saves the hidden keys; throws the server's refusal for the dialog to show. */
  async function saveHidden(keys: string[]) {
    try {
      hidden.value = (await api.put<DisplaySettings>('/display-settings', { hidden: keys })).hidden;
      hiddenKept.value = true;
    } catch (error) {
      if (!isMissing(error)) throw error;
      hidden.value = keys;
      hiddenKept.value = false;
    }
  }

  /** A custom field's name in `language` (CSAT as the channel renamed it, for instance), or `fallback`. */
  const nameOf = (key: string, language: ConsoleLanguage, fallback: string): string => {
    const field = fields.value.find((f) => f.key === key);
    return field ? fieldName(field, language) : fallback;
  };

  return {
    nameOf,
    status: schema.status,
    error: schema.error,
    builtIns,
    fields,
    hidden,
    hiddenKept,
    load: (quiet = false) => Promise.all([schema.load(quiet), loadHidden().catch(() => undefined)]).then(() => undefined),
    saveHidden,
  };
}

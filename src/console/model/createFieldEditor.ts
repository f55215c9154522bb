import { signal } from '@preact/signals';
import type { FieldType, LocalizedNames } from '../../shared/profile/fields';
import type { Api } from '../api/createApi';
import type { ProfileSchema } from './createProfileSchema';

export type FieldEditor = ReturnType<typeof createFieldEditor>;
export type NameDraft = { ko: string; en: string; ja: string };

/** Names as `POST` takes them: the languages filled in. */
const filled = (draft: NameDraft): LocalizedNames =>
  Object.fromEntries(Object.entries(draft).filter(([, name]) => name.trim()).map(([language, name]) => [language, name.trim()]));

/** Names as `PATCH` takes them: changed names, and `null` for a name that was emptied. */
export function nameChanges(before: LocalizedNames, draft: NameDraft): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  for (const language of ['ko', 'en', 'ja'] as const) {
    const name = draft[language].trim();
    if (name && name !== before[language]) changes[language] = name;
    else if (!name && before[language]) changes[language] = null;
  }
  return changes;
}

/**
 * Adds, renames, moves, archives and deletes custom fields. A refusal is kept with the form it
 * belongs to (`new` or the field's key) so it shows beside that form; after a change the schema
 * is read again, since a move renumbers the other fields too.
 */
export function createFieldEditor(api: Api, schema: ProfileSchema) {
  const error = signal<{ target: string; error: unknown } | null>(null);
  const busy = signal(false);
  const path = (key: string) => `/profile-fields/${encodeURIComponent(key)}`;

  async function run(target: string, call: () => Promise<unknown>): Promise<boolean> {
    busy.value = true;
    error.value = null;
    try {
      await call();
      await schema.load(true);
      return true;
    } catch (caught) {
      error.value = { target, error: caught };
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    error,
    busy,
    add: (key: string, type: FieldType, names: NameDraft) => run('new', () => api.post('/profile-fields', { key: key.trim(), type, names: filled(names) })),
    rename: (key: string, before: LocalizedNames, names: NameDraft) => run(key, () => api.patch(path(key), { names: nameChanges(before, names) })),
    move: (key: string, order: number) => run(key, () => api.patch(path(key), { order })),
    setArchived: (key: string, archived: boolean) => run(key, () => api.patch(path(key), { archived })),
    /** A List field's allowed items; an empty list allows any item again. */
    setOptions: (key: string, options: string[]) => run(key, () => api.patch(path(key), { options: options.length ? options : null })),
    remove: (key: string) => run(key, () => api.delete(path(key))),
    clearError: () => (error.value = null),
  };
}

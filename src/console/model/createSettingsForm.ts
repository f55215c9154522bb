import { signal } from '@preact/signals';
import type { Api } from '../api/createApi';
import { createLoader } from './createLoader';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };
export type SettingsForm<T> = ReturnType<typeof createSettingsForm<T>>;

/**
 * A settings document edited as a whole (`GET` / `PUT` of one path): the stored copy, the draft
 * being edited, and a save that first checks the draft with the shared validator, so the
 * manager sees the same rule the server applies before anything travels (`check` is given the
 * stored copy too, for rules that depend on what was saved before).
 */
export function createSettingsForm<T>(api: Api, path: string, check: (draft: T, stored: T | null) => Checked<T>) {
  const stored = createLoader(() => api.get<T>(path));
  const draft = signal<T | null>(null);
  const saving = signal(false);
  const saveError = signal<unknown>(null);
  /** Set after a successful save, cleared by the next edit. */
  const saved = signal(false);

  async function load() {
    await stored.load();
    if (stored.data.peek()) draft.value = stored.data.peek();
  }

  /** Changes the draft from its latest value, so two quick edits never undo each other. */
  function update(change: (current: T) => T) {
    const current = draft.peek();
    if (!current) return;
    draft.value = change(current);
    saved.value = false;
  }

  async function save(): Promise<boolean> {
    const current = draft.peek();
    if (!current) return false;
    const checked = check(current, stored.data.peek());
    if (!checked.ok) {
      saveError.value = new Error(checked.message);
      return false;
    }
    saving.value = true;
    saveError.value = null;
    try {
      const result = await api.put<T>(path, checked.value);
      stored.data.value = result ?? checked.value;
      draft.value = stored.data.peek();
      saved.value = true;
      return true;
    } catch (error) {
      saveError.value = error;
      return false;
    } finally {
      saving.value = false;
    }
  }

  return { status: stored.status, error: stored.error, draft, saving, saveError, saved, load, update, save };
}

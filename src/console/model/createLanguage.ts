import { effect, signal } from '@preact/signals';
import { detectLanguage, LANGUAGES, type ConsoleLanguage } from '../i18n';

const KEY = 'sangdam.console.language';

/**
 * The console's language: the one chosen last time, else the browser's. `start` keeps the page's
 * `lang` and title in step with it.
 */
export function createLanguage(win: Window, storage: Storage | null) {
  let saved: string | null = null;
  try {
    saved = storage?.getItem(KEY) ?? null;
  } catch {
    // No storage: follow the browser.
  }
  const nav = win.navigator;
  const initial = LANGUAGES.indexOf(saved as ConsoleLanguage) >= 0 ? (saved as ConsoleLanguage) : detectLanguage(nav.languages?.length ? nav.languages : [nav.language]);
  const value = signal<ConsoleLanguage>(initial);

  function choose(language: ConsoleLanguage) {
    value.value = language;
    try {
      storage?.setItem(KEY, language);
    } catch {
      // Kept for this page only.
    }
  }

  const start = () =>
    effect(() => {
      // The title is the notices' (the app's name, with the count of what is new).
      win.document.documentElement.lang = value.value;
    });

  return { value, choose, start };
}

import { effect, signal } from '@preact/signals';
import { detectLanguage, LANGUAGES, type ConsoleLanguage } from '../i18n';
import { stored } from './stored';


/**
 * The console's language: the one chosen last time, else the browser's. `start` keeps the page's
 * `lang` in step with it (the notices keep the title).
 */
export function createLanguage(win: Window, storage: Storage | null) {
  const kept = stored(storage, 'sangdam.console.language');
  const saved = kept.read();
  const nav = win.navigator;
  const initial = LANGUAGES.indexOf(saved as ConsoleLanguage) >= 0 ? (saved as ConsoleLanguage) : detectLanguage(nav.languages?.length ? nav.languages : [nav.language]);
  const value = signal<ConsoleLanguage>(initial);

  function choose(language: ConsoleLanguage) {
    value.value = language;
    kept.write(language);
  }

  const start = () =>
    effect(() => {
      // The title is the notices' (the app's name, with the count of what is new).
      win.document.documentElement.lang = value.value;
    });

  return { value, choose, start };
}

import { mountWith } from './mount';

/**
 * Renders the messenger panel into the core's shadow root: the messenger of the npm build, where
 * the app's bundler splits off the strings and the survey form. sdk.js imports messenger.js,
 * built from src/entrypoints/messenger.ts, instead.
 * @example const view = mount(bridge); view.show({ chatId }); view.destroy()
 */
export const mount = mountWith({
  strings: { en: () => import('../entrypoints/messenger.en'), ko: () => import('../entrypoints/messenger.ko'), ja: () => import('../entrypoints/messenger.ja') },
  survey: () => import('../entrypoints/survey'),
});

import type { SurveyForm } from '../core/contract';
import type { MessengerStrings } from '../shared/i18n/types';
import type { Language } from '../shared/types';
import { chunkLoader, stringsFile } from '../browser/loadChunk';
import { mountWith } from '../messenger/mount';

const dir = new URL('./', import.meta.url).href;
const strings = (language: Language) => chunkLoader<{ strings: MessengerStrings }>(dir, stringsFile(language));

/**
 * Entry of messenger.js, the chunk sdk.js imports on first use. Beside it, and imported with the
 * same retries: messenger.<language>.js, the strings of the customer's language only, and
 * survey.js, the survey form, when a thread first holds a survey (most chats never do).
 * @example const view = mount(bridge); view.show({ chatId }); view.destroy()
 */
export const mount = mountWith({
  strings: { en: strings('en'), ko: strings('ko'), ja: strings('ja') },
  survey: chunkLoader<SurveyForm>(dir, 'survey.js'),
});

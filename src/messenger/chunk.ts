import type { SurveyForm } from '../core/contract';
import { chunkLoader } from '../loader/loadChunk';
import { mountWith } from './mount';

/**
 * Entry of messenger.js, the chunk sdk.js imports on first use. Most chats never show a survey,
 * so its form is survey.js, beside this chunk, imported with the same retries when a thread first
 * holds a survey.
 * @example const view = mount(bridge); view.show({ chatId }); view.destroy()
 */
export const mount = mountWith({ survey: chunkLoader<SurveyForm>(new URL('./', import.meta.url).href, 'survey.js') });

import { computed, signal } from '../../browser/signals';
import type { Message, WidgetChat } from '../../shared/types';
import { adoptStyles } from '../../browser/adoptStyles';
import type { CoreBridge } from '../../core/contract';
import { preactRuntime } from '../../csat/sharedPreact';
import type { MessengerEvent, MessengerChunks, MessengerServices } from './types';
import { answersKey, type AnswerBox } from '../../csat/createAnswerBox';
import { createPersistentQueue } from '../../browser/createPersistentQueue';
import { readJson } from '../../browser/storage';
import { reportError } from '../../browser/report';
import { createDrafts } from './createDrafts';
import { createOutbox } from './createOutbox';

const path = (chatId: string) => `/chats/${encodeURIComponent(chatId)}`;
/** The path with the page cursor the server gave, when there is one. */
const paged = (path: string, key: string, cursor?: string | null) => (cursor ? `${path}?${key}=${encodeURIComponent(cursor)}` : path);

/**
 * Builds the messenger's services on the core's bridge: typed widget API calls, the
 * persistent outbox and answer box that the connection coming back sends on at once, the
 * composer's drafts, the strings of the session's language, and the survey form made ready to
 * render in this panel (this Preact, these styles) once loaded. The bridge's and the boxes'
 * methods are handed on as they are: none of them reads `this`.
 */
export function createMessengerServices(bridge: CoreBridge, chunks: MessengerChunks): MessengerServices & { destroy(): void } {
  const { request } = bridge;
  let removeSurveyStyles: (() => void) | undefined;
  const listeners = new Set<(event: MessengerEvent) => void>();
  const emit = (event: MessengerEvent) => listeners.forEach((l) => l(event));
  const outbox = createOutbox(request, bridge.outboxKey, bridge.newId, bridge.createChat);
  const drafts = createDrafts(bridge.outboxKey + ':drafts');
  const answersAt = answersKey(bridge.outboxKey);
  /** Made once survey.js is here: no survey shown and no answer waiting, no answer box. */
  const box = signal<AnswerBox | undefined>(undefined);
  const answered = (message: Message) => box.value?.answered(message);
  let destroyed = false;
  const loadSurvey = () =>
    chunks.survey().then((survey) => {
      survey.adoptPreact(preactRuntime);
      removeSurveyStyles ||= adoptStyles(bridge.shadowRoot, survey.csatFormCss, bridge.nonce);
      if (!destroyed && !box.value) {
        box.value = survey.createAnswerBox(createPersistentQueue, request, answersAt, bridge.newId, (_step, message) => message && emit({ type: 'answered', message }));
      }
      return survey;
    });
  // Answers an earlier page left waiting are sent as soon as their code is here.
  if (readJson(answersAt)) loadSurvey().catch(reportError);
  const unsubscribe = bridge.subscribe((event) => {
    if (event.type === 'message') answered(event.message);
    if (event.type === 'connection' && event.online) {
      outbox.kick();
      box.value?.kick();
    }
    emit(event);
  });
  return {
    root: bridge.root,
    shadowRoot: bridge.shadowRoot,
    language: bridge.language,
    channel: bridge.channel,
    get user() {
      return bridge.user;
    },
    get online() {
      return bridge.online;
    },
    nonce: bridge.nonce,
    listChats: (cursor) => request('GET', paged('/chats', 'cursor', cursor)),
    getChat: (chatId, before) =>
      request<{ chat: WidgetChat; messages: Message[]; next: string | null }>('GET', paged(path(chatId), 'before', before)).then((loaded) => {
        loaded.messages.forEach(answered);
        return loaded;
      }),
    createChat: outbox.start,
    sendMessage: outbox.send,
    outbox: outbox.entries,
    draft: drafts.get,
    saveDraft: drafts.set,
    discard: outbox.discard,
    // The form that answers is in survey.js: by then the answer box is made.
    answerSurvey: (chatId, messageId, score, comment) => box.value!.answer(chatId, messageId, score, comment),
    commentSurvey: (chatId, messageId, comment) => box.value!.comment(chatId, messageId, comment),
    skipSurvey: (chatId, messageId) => box.value!.skip(chatId, messageId),
    answers: computed(() => box.value?.entries.value || []),
    loadStrings: () => (chunks.strings[bridge.language] || chunks.strings.en)().then((loaded) => loaded.strings),
    loadSurvey,
    markRead: bridge.markRead,
    viewing: bridge.viewing,
    typing: bridge.typing,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hide() {
      bridge.hide();
      bridge.returnFocus();
    },
    urlClicked: bridge.urlClicked,
    destroy() {
      unsubscribe();
      destroyed = true;
      outbox.stop();
      box.value?.stop();
      listeners.clear();
      removeSurveyStyles?.();
    },
  };
}

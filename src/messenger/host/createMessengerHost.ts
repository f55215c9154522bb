import type { Message, WidgetChat } from '../../shared/types';
import { adoptStyles } from '../../core/adoptStyles';
import type { CoreBridge } from '../../core/contract';
import { preactRuntime } from '../../csat/sharedPreact';
import type { HostEvent, MessengerChunks, MessengerHost } from './types';
import { answersKey, createAnswerBox } from './createAnswerBox';
import { createDrafts } from './createDrafts';
import { createOutbox } from './createOutbox';

const path = (chatId: string) => `/chats/${encodeURIComponent(chatId)}`;

/**
 * Builds the messenger's MessengerHost on the core's bridge: typed widget API calls, the
 * persistent outbox and answer box that the connection coming back sends on at once, the
 * composer's drafts, the strings of the session's language, and the survey form made ready to
 * render in this panel (this Preact, these styles) once loaded. The bridge's and the boxes'
 * methods are handed on as they are: none of them reads `this`.
 */
export function createMessengerHost(bridge: CoreBridge, chunks: MessengerChunks): MessengerHost & { destroy(): void } {
  const { request } = bridge;
  let removeSurveyStyles: (() => void) | undefined;
  const listeners = new Set<(event: HostEvent) => void>();
  const emit = (event: HostEvent) => listeners.forEach((l) => l(event));
  const outbox = createOutbox(request, bridge.outboxKey, bridge.newId, (chatId) => emit({ type: 'outbox', chatId }), bridge.createChat);
  const drafts = createDrafts(bridge.outboxKey + ':drafts');
  const answers = createAnswerBox(request, answersKey(bridge.outboxKey), bridge.newId, ({ chatId, messageId }, message) =>
    emit({ type: 'answers', chatId, messageId, message }),
  );
  const unsubscribe = bridge.subscribe((event) => {
    if (event.type === 'message') answers.answered(event.message);
    if (event.type === 'connection' && event.online) {
      outbox.kick();
      answers.kick();
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
    listChats: () => request<{ chats: WidgetChat[] }>('GET', '/chats').then((r) => r.chats),
    getChat: (chatId) =>
      request<{ chat: WidgetChat; messages: Message[] }>('GET', path(chatId)).then((loaded) => {
        loaded.messages.forEach(answers.answered);
        return loaded;
      }),
    createChat: outbox.start,
    sendMessage: outbox.send,
    outbox: outbox.list,
    draft: drafts.get,
    saveDraft: drafts.set,
    discard: outbox.discard,
    answerSurvey: answers.answer,
    pendingAnswer: answers.pending,
    loadStrings: () => (chunks.strings[bridge.language] || chunks.strings.en)().then((loaded) => loaded.strings),
    loadSurvey: () =>
      chunks.survey().then((survey) => {
        survey.adoptPreact(preactRuntime);
        removeSurveyStyles ||= adoptStyles(bridge.shadowRoot, survey.csatFormCss, bridge.nonce);
        return survey;
      }),
    markRead: bridge.markRead,
    viewing: bridge.viewing,
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
      outbox.stop();
      answers.stop();
      listeners.clear();
      removeSurveyStyles?.();
    },
  };
}

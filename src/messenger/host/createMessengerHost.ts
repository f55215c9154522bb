import type { Message, WidgetChat } from '../../shared/types';
import { adoptStyles } from '../../core/adoptStyles';
import type { CoreBridge } from '../../core/contract';
import { preactRuntime } from '../../csat/sharedPreact';
import type { HostEvent, MessengerChunks, MessengerHost } from './types';
import { answersKey, createAnswerBox } from './createAnswerBox';
import { createOutbox } from './createOutbox';

const path = (chatId: string) => `/chats/${encodeURIComponent(chatId)}`;

/**
 * Builds the messenger's MessengerHost on the core's bridge: typed widget API calls, the
 * persistent outbox and answer box that the connection coming back sends on at once, the strings
 * of the session's language, and the survey form made ready to render in this panel (this
 * Preact, these styles) once loaded.
 */
export function createMessengerHost(bridge: CoreBridge, chunks: MessengerChunks): MessengerHost & { destroy(): void } {
  const { request } = bridge;
  let removeSurveyStyles: (() => void) | undefined;
  const listeners = new Set<(event: HostEvent) => void>();
  const emit = (event: HostEvent) => listeners.forEach((l) => l(event));
  const outbox = createOutbox(request, bridge.outboxKey, bridge.newId, (chatId) => emit({ type: 'outbox', chatId }));
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
    createChat: (text) => bridge.createChat(text),
    sendMessage: (chatId, text) => outbox.send(chatId, text),
    outbox: (chatId) => outbox.list(chatId),
    discard: (clientId) => outbox.discard(clientId),
    answerSurvey: (chatId, messageId, score, comment) => answers.answer(chatId, messageId, score, comment),
    pendingAnswer: (messageId) => answers.pending(messageId),
    loadStrings: () => (chunks.strings[bridge.language] || chunks.strings.en)().then((loaded) => loaded.strings),
    loadSurvey: () =>
      chunks.survey().then((survey) => {
        survey.adoptPreact(preactRuntime);
        removeSurveyStyles ||= adoptStyles(bridge.shadowRoot, survey.csatFormCss, bridge.nonce);
        return survey;
      }),
    markRead: (chatId) => bridge.markRead(chatId),
    viewing: (chatId) => bridge.viewing(chatId),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hide() {
      bridge.hide();
      bridge.returnFocus();
    },
    urlClicked: (url) => bridge.urlClicked(url),
    destroy() {
      unsubscribe();
      outbox.stop();
      answers.stop();
      listeners.clear();
      removeSurveyStyles?.();
    },
  };
}

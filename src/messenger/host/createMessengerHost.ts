import type { Message, WidgetChat } from '../../shared/types';
import type { CoreBridge, HostEvent, MessengerHost } from '../../core/contract';
import { createOutbox } from './createOutbox';

const path = (chatId: string) => `/chats/${encodeURIComponent(chatId)}`;

/**
 * Builds the messenger's MessengerHost on the core's bridge: typed widget API calls, and the
 * persistent outbox that the connection coming back sends on at once.
 */
export function createMessengerHost(bridge: CoreBridge): MessengerHost & { destroy(): void } {
  const { request } = bridge;
  const listeners = new Set<(event: HostEvent) => void>();
  const emit = (event: HostEvent) => listeners.forEach((l) => l(event));
  const outbox = createOutbox(request, bridge.outboxKey, bridge.newId, (chatId) => emit({ type: 'outbox', chatId }));
  const unsubscribe = bridge.subscribe((event) => {
    if (event.type === 'connection' && event.online) outbox.kick();
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
    getChat: (chatId) => request<{ chat: WidgetChat; messages: Message[] }>('GET', path(chatId)),
    createChat: (text) => bridge.createChat(text),
    sendMessage: (chatId, text) => outbox.send(chatId, text),
    outbox: (chatId) => outbox.list(chatId),
    discard: (clientId) => outbox.discard(clientId),
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
      listeners.clear();
    },
  };
}

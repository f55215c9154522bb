import type { ChannelInfo, Language, Message, WidgetChat, WidgetUser } from '../shared/types';
import type { HostEvent, MessengerHost } from './contract';
import type { Request } from './apiClient';
import type { WidgetHost } from './hostElement';
import type { Outbox } from './outbox';

export interface MessengerHostParts {
  host: WidgetHost;
  language: Language;
  channel: ChannelInfo;
  user(): WidgetUser;
  nonce?: string;
  request: Request;
  outbox: Outbox;
  listeners: Set<(event: HostEvent) => void>;
  createChat(text?: string): Promise<{ chat: WidgetChat; message?: Message }>;
  markRead(chatId: string): void;
  hide(): void;
  returnFocus(): void;
  urlClicked(url: string): void;
  hasUrlHandler(): boolean;
}

const path = (chatId: string) => `/chats/${encodeURIComponent(chatId)}`;

/** Builds the MessengerHost the messenger chunk talks to, from the booted session's parts. */
export function createMessengerHost(parts: MessengerHostParts): MessengerHost {
  const { request, outbox, listeners } = parts;
  return {
    root: parts.host.messengerRoot,
    shadowRoot: parts.host.shadowRoot,
    language: parts.language,
    channel: parts.channel,
    get user() {
      return parts.user();
    },
    nonce: parts.nonce,
    listChats: () => request<{ chats: WidgetChat[] }>('GET', '/chats').then((r) => r.chats),
    getChat: (chatId) => request<{ chat: WidgetChat; messages: Message[] }>('GET', path(chatId)),
    createChat: parts.createChat,
    sendMessage: (chatId, text) => outbox.send(chatId, text),
    outbox: (chatId) => outbox.list(chatId),
    discard: (clientId) => outbox.discard(clientId),
    markRead: parts.markRead,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hide() {
      parts.hide();
      parts.returnFocus();
    },
    urlClicked(url) {
      // Channel Talk semantics: a registered onUrlClicked takes over navigation.
      const handled = parts.hasUrlHandler();
      parts.urlClicked(url);
      return handled;
    },
    returnFocus: parts.returnFocus,
  };
}

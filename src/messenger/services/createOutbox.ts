import type { ReadonlySignal } from '../../browser/signals';
import type { Message, WidgetChat } from '../../shared/types';
import type { CoreBridge } from '../../core/contract';
import type { OutgoingMessage } from './types';
import { createPersistentQueue } from '../../browser/createPersistentQueue';

export interface Outbox {
  /** Queues a message; resolves with the stored message once the server acknowledged it. */
  send(chatId: string, text: string): Promise<Message>;
  /** Queues the first message of a new chat; resolves once the chat is created with it. */
  start(text: string): Promise<Created>;
  /** The messages waiting or refused, of every chat, oldest first: a new list on every change. */
  entries: ReadonlySignal<readonly OutgoingMessage[]>;
  discard(clientId: string): void;
  /** Sends what is waiting now instead of after the backoff (connection is back). */
  kick(): void;
  stop(): void;
}

type Created = { chat: WidgetChat; message?: Message };

/**
 * Customer messages survive a dropped connection, a server restart and a page reload: they sit in
 * localStorage until the server acknowledged them, and the server deduplicates on `clientId`. The
 * first message of a new chat waits in line like the others and creates its chat, which the
 * server deduplicates on the chat's client id.
 */
export function createOutbox(
  request: CoreBridge['request'],
  key: string,
  newId: () => string,
  createChat: CoreBridge['createChat'],
): Outbox {
  const queue = createPersistentQueue<OutgoingMessage, { chat?: WidgetChat; message?: Message }>(
    key,
    ({ chatId, text, clientId, newChat }) =>
      newChat
        ? createChat(text, { chat: newChat, message: clientId })
        : request('POST', `/chats/${encodeURIComponent(chatId)}/messages`, { text, clientId }),
  );
  const add = (chatId: string, text: string, newChat?: string) =>
    queue.add({ clientId: newId(), chatId, newChat, text, createdAt: Date.now(), state: 'sending' });
  return {
    send: (chatId, text) => add(chatId, text).then((r) => r.message!),
    start: (text) => add('', text, newId()) as Promise<Created>,
    entries: queue.entries,
    discard: (clientId) => queue.drop((e) => e.clientId === clientId && e.state === 'failed'),
    kick: queue.kick,
    stop: queue.stop,
  };
}

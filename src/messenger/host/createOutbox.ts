import type { Message } from '../../shared/types';
import type { CoreBridge } from '../../core/contract';
import type { OutgoingMessage } from './types';
import { createPersistentQueue } from '../../core/createPersistentQueue';

export interface Outbox {
  /** Queues a message; resolves with the stored message once the server acknowledged it. */
  send(chatId: string, text: string): Promise<Message>;
  list(chatId: string): OutgoingMessage[];
  discard(clientId: string): void;
  /** Sends what is waiting now instead of after the backoff (connection is back). */
  kick(): void;
  stop(): void;
}

/**
 * Customer messages survive a dropped connection, a server restart and a page reload: they sit in
 * localStorage until the server acknowledged them, and the server deduplicates on `clientId`.
 */
export function createOutbox(
  request: CoreBridge['request'],
  key: string,
  newId: () => string,
  onChange: (chatId: string) => void,
): Outbox {
  const queue = createPersistentQueue<OutgoingMessage, Message>(
    key,
    ({ chatId, text, clientId }) =>
      request<{ message: Message }>('POST', `/chats/${encodeURIComponent(chatId)}/messages`, { text, clientId }).then((r) => r.message),
    (entry) => onChange(entry.chatId),
  );
  return {
    send: (chatId, text) => queue.add({ clientId: newId(), chatId, text, createdAt: Date.now(), state: 'sending' }),
    list: (chatId) => queue.list().filter((e) => e.chatId === chatId),
    discard: (clientId) => queue.drop((e) => e.clientId === clientId && e.state === 'failed'),
    kick: queue.kick,
    stop: queue.stop,
  };
}

import type { Message } from '../../shared/types';
import type { CoreBridge, OutgoingMessage } from '../../core/contract';
import { isRetryable, sleep } from '../../core/apiClient';
import { readJson, writeJson } from '../../core/storage';

type Request = CoreBridge['request'];

export interface Outbox {
  /** Queues a message; resolves with the stored message once the server acknowledged it. */
  send(chatId: string, text: string): Promise<Message>;
  list(chatId: string): OutgoingMessage[];
  discard(clientId: string): void;
  /** Sends what is waiting now instead of after the backoff (connection is back). */
  kick(): void;
  stop(): void;
}

type Settle = { resolve(m: Message): void; reject(e: Error): void };

/**
 * Customer messages survive a dropped connection, a server restart and a page reload: they sit in
 * localStorage until the server acknowledged them, and the server deduplicates on `clientId`.
 */
export function createOutbox(
  request: Request,
  key: string,
  newId: () => string,
  onChange: (chatId: string) => void,
): Outbox {
  let entries: OutgoingMessage[] = readJson<OutgoingMessage[]>(key) || [];
  const waiting = new Map<string, Settle>();
  let stopped = false;
  let wake = new AbortController();
  let running = false;
  let failures = 0;

  const save = (chatId: string) => {
    writeJson(key, entries.length ? entries : undefined);
    onChange(chatId);
  };
  const remove = (clientId: string) => {
    const entry = entries.find((e) => e.clientId === clientId);
    entries = entries.filter((e) => e.clientId !== clientId);
    if (entry) save(entry.chatId);
    return entry;
  };

  const deliver = async (entry: OutgoingMessage) => {
    try {
      const { message } = await request<{ message: Message }>('POST', `/chats/${encodeURIComponent(entry.chatId)}/messages`, {
        text: entry.text,
        clientId: entry.clientId,
      });
      failures = 0;
      remove(entry.clientId);
      waiting.get(entry.clientId)?.resolve(message);
      waiting.delete(entry.clientId);
    } catch (error) {
      if (isRetryable(error)) throw error;
      entry.state = 'failed';
      entry.error = (error as Error).message;
      save(entry.chatId);
      waiting.get(entry.clientId)?.reject(error as Error);
      waiting.delete(entry.clientId);
    }
  };

  // One sender at a time keeps each chat's messages in the order they were written.
  const run = async () => {
    if (running) return;
    running = true;
    try {
      for (;;) {
        const next = entries.find((e) => e.state === 'sending');
        if (!next || stopped) return;
        try {
          await deliver(next);
        } catch {
          await sleep(Math.min(30000, 1000 * 2 ** failures++), wake.signal);
          if (!stopped) wake = new AbortController();
        }
      }
    } finally {
      running = false;
    }
  };

  if (entries.some((e) => e.state === 'sending')) void run();

  return {
    send(chatId, text) {
      const entry: OutgoingMessage = { clientId: newId(), chatId, text, createdAt: Date.now(), state: 'sending' };
      entries.push(entry);
      save(chatId);
      const acknowledged = new Promise<Message>((resolve, reject) => waiting.set(entry.clientId, { resolve, reject }));
      void run();
      return acknowledged;
    },
    list: (chatId) => entries.filter((e) => e.chatId === chatId).map((e) => ({ ...e })),
    discard(clientId) {
      const entry = entries.find((e) => e.clientId === clientId);
      if (entry && entry.state === 'failed') remove(clientId);
    },
    kick() {
      failures = 0;
      wake.abort();
      void run();
    },
    stop() {
      stopped = true;
      wake.abort();
      waiting.clear();
    },
  };
}

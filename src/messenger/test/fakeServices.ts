import { signal } from '../../browser/signals';
import { vi } from 'vitest';
import type { MessengerEvent, MessengerServices, OutgoingMessage, PendingAnswer } from '../services/types';
import * as surveyForm from '../../csat/index';
import { messenger as strings } from '../../shared/i18n/en';
import type { Score } from '../../shared/csat/scale';
import type { Chat, CsatForm, Message, WidgetChat } from '../../shared/types';

let seq = 100;

/** A stored message as the server would return it. */
export function message(chatId: string, author: Message['author'], text: string, extra: Partial<Message> = {}): Message {
  seq++;
  return { id: `m${seq}`, chatId, author, text, createdAt: 1_700_000_000_000 + seq * 1000, seq, ...extra };
}

/** A satisfaction survey posted by the bot, as the server stores it. */
export function survey(chatId: string, form: Partial<CsatForm> = {}, extra: Partial<Message> = {}): Message {
  const questions = { ko: '상담은 어떠셨나요?', en: 'How was your conversation?', ja: 'いかがでしたか？' };
  return message(chatId, 'bot', questions.en, { authorName: 'Sangdam Bot', ...extra, form: { type: 'csat', scale: 5, required: false, comment: false, questions, answer: null, ...form } });
}

/** A chat of the customer, with its last message. */
export function chat(id: string, last: Message | null, extra: Partial<WidgetChat> = {}): WidgetChat {
  const time = last?.createdAt || 1_700_000_000_000;
  return { id, state: 'opened', userId: 'u1', profile: {}, createdAt: time, updatedAt: time, lastMessage: last, unread: 0, ...extra };
}

/**
 * An in-memory MessengerServices: chats and messages live in plain objects, realtime events are sent
 * with `emit`, and outbox entries stay pending until `acknowledge` or `refuse` is called.
 */
export function fakeServices(chats: WidgetChat[] = [], messages: Record<string, Message[]> = {}) {
  const element = document.createElement('sangdam-widget');
  document.body.appendChild(element);
  const shadowRoot = element.attachShadow({ mode: 'open' });
  const root = document.createElement('div');
  shadowRoot.appendChild(root);
  const listeners = new Set<(event: MessengerEvent) => void>();
  const outbox = signal<readonly OutgoingMessage[]>([]);
  const settle = new Map<string, { resolve(m: Message): void; reject(e: Error): void }>();
  let clientIds = 0;
  const answers = signal<readonly PendingAnswer[]>([]);
  const answerSettle = new Map<PendingAnswer, { resolve(m: Message): void; reject(e: Error): void }>();
  const queueAnswer = (entry: PendingAnswer) => {
    answers.value = [...answers.value, entry];
    return new Promise<Message>((resolve, reject) => answerSettle.set(entry, { resolve, reject }));
  };
  const drafts = new Map<string, string>();
  /** Chat creation waits for this; `holdCreation` makes it wait for the test. */
  let creation = Promise.resolve();

  const emit = (event: MessengerEvent) => listeners.forEach((listener) => listener(event));
  const queue = (entry: OutgoingMessage) => (outbox.value = [...outbox.value, entry]);
  const removeFromOutbox = (clientId: string) => {
    const entry = outbox.value.find((o) => o.clientId === clientId)!;
    outbox.value = outbox.value.filter((o) => o !== entry);
    return entry;
  };
  const forgetAnswers = (messageId: string) => (answers.value = answers.value.filter((a) => a.messageId !== messageId));

  const services = {
    root,
    shadowRoot,
    language: 'en',
    online: true,
    channel: { id: 'ch1', name: 'Acme Support', color: '#0a7cff' },
    user: { id: 'u1', memberId: null, name: null, language: 'en', profile: {}, tags: [], unsubscribeEmail: false, unsubscribeTexting: false },
    listChats: vi.fn(async (_cursor?: string | null) => ({ chats, next: null as string | null })),
    getChat: vi.fn(async (id: string, _before?: string | null) => {
      const found = chats.find((c) => c.id === id);
      // As the widget API answers an id that is not one of the customer's chats.
      if (!found) throw Object.assign(new Error('chat: no such chat'), { status: 404, code: 'chat_not_found', retryable: false });
      return { chat: found, messages: messages[id] || [], next: null as string | null };
    }),
    createChat: vi.fn(async (text: string) => {
      // As the real outbox: the first message waits under chat id '' until its chat is created.
      const clientId = `client-${++clientIds}`;
      queue({ clientId, chatId: '', newChat: `chat-${clientIds}`, text, createdAt: Date.now(), state: 'sending' });
      await creation;
      removeFromOutbox(clientId);
      const created = chat(`c${chats.length + 1}`, null);
      const first = text ? message(created.id, 'customer', text) : undefined;
      created.lastMessage = first || null;
      chats.unshift(created);
      messages[created.id] = first ? [first] : [];
      return { chat: created, message: first };
    }),
    sendMessage: vi.fn((chatId: string, text: string) => {
      const clientId = `client-${++clientIds}`;
      queue({ clientId, chatId, text, createdAt: Date.now(), state: 'sending' });
      return new Promise<Message>((resolve, reject) => settle.set(clientId, { resolve, reject }));
    }),
    outbox,
    discard: vi.fn((clientId: string) => void removeFromOutbox(clientId)),
    draft: vi.fn((chatId: string) => drafts.get(chatId) || ''),
    saveDraft: vi.fn((chatId: string, text: string) => void (text ? drafts.set(chatId, text) : drafts.delete(chatId))),
    answerSurvey: vi.fn((chatId: string, messageId: string, score: Score, comment?: string) => {
      forgetAnswers(messageId);
      return queueAnswer({ answerId: `answer-${++clientIds}`, chatId, messageId, score, comment, state: 'sending' });
    }),
    commentSurvey: vi.fn((chatId: string, messageId: string, comment: string) =>
      queueAnswer({ step: 'comment', chatId, messageId, comment, state: 'sending' }),
    ),
    skipSurvey: vi.fn((chatId: string, messageId: string) => {
      forgetAnswers(messageId);
      return queueAnswer({ step: 'skip', chatId, messageId, state: 'sending' });
    }),
    answers,
    loadStrings: vi.fn(async () => strings),
    loadSurvey: vi.fn(async () => surveyForm),
    markRead: vi.fn(),
    subscribe: vi.fn((listener: (event: MessengerEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    hide: vi.fn(),
    viewing: vi.fn(),
    typing: vi.fn(),
    urlClicked: vi.fn((_url: string) => false),
  } satisfies MessengerServices;

  return {
    services,
    element,
    emit,
    listeners,
    /** Realtime `message` event, as the server sends it for a stored message. */
    deliver(stored: Message, unread?: number) {
      const target = chats.find((c) => c.id === stored.chatId)!;
      const updated: Chat = { ...target, updatedAt: stored.createdAt, lastMessage: stored };
      emit({ seq: stored.seq, type: 'message', chat: updated, message: stored, unread });
    },
    /** The server stores the pending message: it leaves the outbox and `sendMessage` resolves. */
    acknowledge(clientId: string): Message {
      const entry = removeFromOutbox(clientId);
      const stored = message(entry.chatId, 'customer', entry.text, { clientId });
      settle.get(clientId)!.resolve(stored);
      return stored;
    },
    /** The server refuses the pending message for good. */
    refuse(clientId: string, reason: string) {
      outbox.value = outbox.value.map((o) => (o.clientId === clientId ? { ...o, state: 'failed', error: reason } : o));
      settle.get(clientId)!.reject(new Error(reason));
    },
    pendingIds: () => outbox.value.map((o) => o.clientId),
    /** Chat creation waits until the returned function is called, as a slow server makes it. */
    holdCreation() {
      let release!: () => void;
      creation = new Promise((resolve) => (release = resolve));
      return release;
    },
    drafts,
    /** An answer left in the answer box by an earlier page. */
    leftBehind(answer: PendingAnswer) {
      answers.value = [...answers.value, answer];
    },
    /**
     * The server stores the survey's oldest pending step (the score, its comment or a skip): it
     * leaves the answer box with the survey as now stored.
     */
    acknowledgeAnswer(messageId: string): Message {
      const entry = answers.value.find((a) => a.messageId === messageId)!;
      answers.value = answers.value.filter((a) => a !== entry);
      const list = messages[entry.chatId] || [];
      const asked = list.find((m) => m.id === messageId)!;
      const form = asked.form!;
      const settled: CsatForm =
        entry.step === 'skip'
          ? { ...form, skippedAt: Date.now() }
          : entry.step === 'comment'
            ? { ...form, answer: { ...form.answer!, comment: entry.comment! } }
            : { ...form, answer: { score: entry.score!, comment: entry.comment ?? null, answeredAt: Date.now() } };
      const answered: Message = { ...asked, form: settled };
      list.splice(list.indexOf(asked), 1, answered);
      emit({ type: 'answered', message: answered });
      answerSettle.get(entry)?.resolve(answered);
      return answered;
    },
    /** The server refuses the survey's oldest pending step. */
    refuseAnswer(messageId: string, reason: string) {
      const entry = answers.value.find((a) => a.messageId === messageId && a.state === 'sending')!;
      answers.value = answers.value.map((a) => (a === entry ? { ...a, state: 'failed', error: reason } : a));
      answerSettle.get(entry)?.reject(new Error(reason));
    },
  };
}

/** Lets promises settle and Preact render. */
export const flush = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

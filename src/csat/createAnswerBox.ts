/**
 * The messenger's survey answers, in survey.js: only a thread that shows a survey, or a page with
 * answers still waiting from an earlier one, needs them. The persistent queue is the messenger's
 * own (its outbox uses it too), handed in so that survey.js carries no second copy.
 */
import type { ReadonlySignal } from '../browser/signals';
import type { Score } from '../shared/csat/scale';
import type { Message } from '../shared/types';
import type { CoreBridge } from '../core/contract';
import type { PendingAnswer } from '../messenger/services/types';
import type { createPersistentQueue } from '../browser/createPersistentQueue';
import { stepRequest } from './pendingOf';

export interface AnswerBox {
  /** Queues the score (a refused step for the same survey gives way); resolves with the answered survey. */
  answer(chatId: string, messageId: string, score: Score, comment?: string): Promise<Message>;
  /** Queues the comment, sent after the score it joins; resolves with the survey holding both. */
  comment(chatId: string, messageId: string, comment: string): Promise<Message>;
  /** Queues a skip; resolves with the survey marked skipped. */
  skip(chatId: string, messageId: string): Promise<Message>;
  /** The steps still waiting or refused, of every survey, oldest first: a new list on every change. */
  entries: ReadonlySignal<readonly PendingAnswer[]>;
  /** Forgets refused steps once the survey is seen settled (from the link, or another tab). */
  answered(message: Message): void;
  kick(): void;
  stop(): void;
}

/** Where a customer's answers wait: beside the outbox, so the core finds both at boot. */
export const answersKey = (outboxKey: string): string => outboxKey + ':answers';

/**
 * Survey answers are never lost: each step (the score, the comment added to it, a skip) waits in
 * localStorage until the server has stored it, in the order it was given, and every retry carries
 * the same body, which the server deduplicates on (the score's `answerId`; the comment's text).
 */
export function createAnswerBox(
  makeQueue: typeof createPersistentQueue,
  request: CoreBridge['request'],
  key: string,
  newId: () => string,
  onChange: (answer: PendingAnswer, answered?: Message) => void,
): AnswerBox {
  const queue = makeQueue<PendingAnswer, Message>(
    key,
    (entry) => {
      const { path, body } = stepRequest(entry);
      const survey = `/chats/${encodeURIComponent(entry.chatId)}/messages/${encodeURIComponent(entry.messageId)}/`;
      return request<{ message: Message }>('POST', survey + path, body).then((r) => r.message);
    },
    onChange,
  );
  const add = (entry: Omit<PendingAnswer, 'state'>) => queue.add({ ...entry, state: 'sending' });
  return {
    answer(chatId, messageId, score, comment) {
      queue.drop((a) => a.messageId === messageId && a.state === 'failed');
      return add({ answerId: newId(), chatId, messageId, score, comment });
    },
    comment(chatId, messageId, comment) {
      queue.drop((a) => a.messageId === messageId && a.step === 'comment' && a.state === 'failed');
      // The score still waiting, if any: the comment then surely joins this very answer.
      const scored = queue.entries.value.find((a) => a.messageId === messageId && !a.step);
      return add({ step: 'comment', chatId, messageId, comment, ...(scored ? { answerId: scored.answerId } : {}) });
    },
    skip(chatId, messageId) {
      queue.drop((a) => a.messageId === messageId && a.state === 'failed');
      return add({ step: 'skip', chatId, messageId });
    },
    entries: queue.entries,
    answered({ id, form }) {
      const stored = form?.answer;
      if (!form || !(stored || form.skippedAt)) return;
      queue.drop((a) => a.messageId === id && a.state === 'failed' && (a.step !== 'comment' || !!stored?.comment));
    },
    kick: queue.kick,
    stop: queue.stop,
  };
}

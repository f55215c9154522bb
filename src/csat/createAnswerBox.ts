/**
 * The messenger's survey answers, in survey.js: only a thread that shows a survey, or a page with
 * answers still waiting from an earlier one, needs them. The persistent queue is the messenger's
 * own (its outbox uses it too), handed in so that survey.js carries no second copy.
 */
import type { Score } from '../shared/csat/scale';
import type { CsatAnswerRequest, Message } from '../shared/types';
import type { CoreBridge } from '../core/contract';
import type { PendingAnswer } from '../messenger/host/types';
import type { createPersistentQueue } from '../core/createPersistentQueue';

export interface AnswerBox {
  /** Queues an answer (a refused one for the same survey gives way); resolves with the answered survey. */
  answer(chatId: string, messageId: string, score: Score, comment?: string): Promise<Message>;
  /** The answer to this survey still waiting, or refused. */
  pending(messageId: string): PendingAnswer | undefined;
  /** Forgets a refused answer once the survey is seen answered (from the link, or another tab). */
  answered(message: Message): void;
  kick(): void;
  stop(): void;
}

/** Where a customer's answers wait: beside the outbox, so the core finds both at boot. */
export const answersKey = (outboxKey: string): string => outboxKey + ':answers';

/**
 * Survey answers are never lost: they wait in localStorage until the server has stored them, and
 * every retry carries the same `answerId`, which the server deduplicates on.
 */
export function createAnswerBox(
  makeQueue: typeof createPersistentQueue,
  request: CoreBridge['request'],
  key: string,
  newId: () => string,
  onChange: (answer: PendingAnswer, message?: Message) => void,
): AnswerBox {
  const queue = makeQueue<PendingAnswer, Message>(
    key,
    ({ answerId, chatId, messageId, score, comment }) => {
      const body: CsatAnswerRequest = comment ? { answerId, score, comment } : { answerId, score };
      const path = `/chats/${encodeURIComponent(chatId)}/messages/${encodeURIComponent(messageId)}/answer`;
      return request<{ message: Message }>('POST', path, body).then((r) => r.message);
    },
    onChange,
  );
  return {
    answer(chatId, messageId, score, comment) {
      queue.drop((a) => a.messageId === messageId && a.state === 'failed');
      return queue.add({ answerId: newId(), chatId, messageId, score, comment, state: 'sending' });
    },
    pending: (messageId) => queue.list().find((a) => a.messageId === messageId),
    answered(message) {
      if (message.form?.answer) queue.drop((a) => a.messageId === message.id && a.state === 'failed');
    },
    kick: queue.kick,
    stop: queue.stop,
  };
}

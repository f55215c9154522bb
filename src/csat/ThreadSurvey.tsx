import type { Messenger } from '../messenger/model/createMessenger';
import type { Message } from '../shared/types';
import { CsatForm } from './CsatForm';
import { csatStrings } from './csatStrings';

/**
 * A survey message's form in the messenger's thread, answering through the host's answer box:
 * part of survey.js with the form and the answer box, so the messenger chunk carries none of it
 * for the chats without a survey. The answered survey arrives as an `answers` event; a refusal
 * stays in the box as failed, with the server's reason, and shows in the form, where the customer
 * may choose again.
 * @example survey ? <survey.ThreadSurvey m={m} message={message} /> : <p>{message.text}</p>
 */
export function ThreadSurvey({ m, message }: { m: Messenger; message: Message }) {
  const { host } = m;
  const { id, chatId } = message;
  void m.answersTick.value; // the answer box changed: read it again
  return (
    <CsatForm
      id={'sd-' + id}
      form={message.form!}
      language={host.language}
      strings={csatStrings(host.language)}
      pending={host.pendingAnswer(id)}
      offline={!m.online.value}
      onAnswer={(score, comment) => {
        if (host.pendingAnswer(id)?.state !== 'sending') host.answerSurvey(chatId, id, score, comment).catch(() => {});
      }}
      onSkip={() => m.dismiss(id)}
    />
  );
}

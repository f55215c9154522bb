import type { Messenger } from '../messenger/model/createMessenger';
import type { Message } from '../shared/types';
import { CsatForm } from './CsatForm';
import { csatStrings } from './csatStrings';

/**
 * The survey form in a messenger thread, wired to the panel's model: part of survey.js, so the
 * answer handling weighs nothing until a thread shows a survey.
 * @example survey ? <survey.ThreadSurvey m={m} message={message} /> : <p>{message.text}</p>
 */
export function ThreadSurvey({ m, message }: { m: Messenger; message: Message }) {
  const { host } = m;
  const { id, chatId } = message;
  const onAnswer = (score: Parameters<Messenger['host']['answerSurvey']>[2], comment?: string) => {
    // A refused answer stays in the answer box, failed with the server's reason: the customer may choose again.
    if (host.pendingAnswer(id)?.state !== 'sending') host.answerSurvey(chatId, id, score, comment).catch(() => {});
  };
  return (
    <CsatForm
      id={'sd-' + id}
      form={message.form!}
      language={host.language}
      strings={csatStrings(host.language)}
      pending={m.pendingAnswer(id)}
      offline={!m.online.value}
      onAnswer={onAnswer}
      onSkip={() => m.dismiss(id)}
    />
  );
}

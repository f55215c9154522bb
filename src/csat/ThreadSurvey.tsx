import type { Messenger } from '../messenger/model/createMessenger';
import type { Message } from '../shared/types';
import { surveyHoldsChat } from '../shared/csat/surveyHoldsChat';
import { CsatForm } from './CsatForm';
import { pendingOf } from './pendingOf';
import { csatStrings } from './csatStrings';

const ignore = () => {};

/**
 * A survey message's form in the messenger's thread, answering through the services' answer box:
 * part of survey.js with the form and the answer box, so the messenger chunk carries none of it
 * for the chats without a survey. Each step (the score, its comment, a skip) waits in the box
 * until stored; the settled survey arrives as an `answered` event. A refusal stays in the box as
 * failed, with the server's reason, and shows in the form, where the customer may choose again.
 * @example survey ? <survey.ThreadSurvey m={m} message={message} /> : <p>{message.text}</p>
 */
export function ThreadSurvey({ m, message }: { m: Messenger; message: Message }) {
  const { services, language } = m;
  const { id, chatId } = message;
  const pending = pendingOf(services.answers.value.filter((a) => a.messageId === id));
  const idle = pending?.state !== 'sending';
  return (
    <CsatForm
      id={'sd-' + id}
      form={message.form!}
      language={language}
      strings={csatStrings(language)}
      pending={pending}
      offline={!m.online.value}
      onAnswer={(score) => idle && services.answerSurvey(chatId, id, score).catch(ignore)}
      onComment={(comment) => services.commentSurvey(chatId, id, comment).catch(ignore)}
      onSkip={() => idle && services.skipSurvey(chatId, id).catch(ignore)}
      autoFocus={surveyHoldsChat(message.form) && m.visible.value && m.focusTick.value}
    />
  );
}

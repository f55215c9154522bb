import { useEffect, useRef } from 'preact/hooks';
import { useConsole } from '../context';
import { MessageItem } from './MessageItem';
import { SurveyMessage } from './SurveyMessage';

/** The messages oldest first, kept scrolled to the newest; focusable so keys can scroll it. */
export function Thread() {
  const c = useConsole();
  const t = c.t.value;
  const messages = c.chatView.messages.value;
  const ref = useRef<HTMLOListElement>(null);
  const last = messages.length ? messages[messages.length - 1].id : '';
  useEffect(() => {
    const list = ref.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [last]);
  if (!messages.length) return <p class="thread empty">{t.noMessagesYet}</p>;
  return (
    <ol class="thread" ref={ref} tabIndex={0} aria-label={t.thread}>
      {messages.map((message) => (message.form ? <SurveyMessage key={message.id} message={message} /> : <MessageItem key={message.id} message={message} />))}
    </ol>
  );
}

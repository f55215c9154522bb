import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { MessageItem } from './MessageItem';
import { SurveyMessage } from './SurveyMessage';

/**
 * The messages oldest first, kept scrolled to the newest; focusable so keys can scroll it. Older
 * messages come a page at a time, from a button atop the thread, and keep the reader's place.
 */
export function Thread() {
  const c = useConsole();
  const t = c.t.value;
  const view = c.chatView;
  const messages = view.messages.value;
  const ref = useRef<HTMLOListElement>(null);
  /** The scroll height before older messages were added above. */
  const fromBottom = useRef<number | null>(null);
  const first = messages.length ? messages[0].id : '';
  const last = messages.length ? messages[messages.length - 1].id : '';
  useEffect(() => {
    const list = ref.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [last]);
  useLayoutEffect(() => {
    const list = ref.current;
    if (list && fromBottom.current !== null) list.scrollTop = list.scrollHeight - fromBottom.current;
    fromBottom.current = null;
  }, [first]);
  const loadOlder = () => {
    const list = ref.current;
    if (list) fromBottom.current = list.scrollHeight - list.scrollTop;
    return view.loadOlder();
  };
  if (!messages.length) return <p class="thread empty">{t.noMessagesYet}</p>;
  return (
    <ol class="thread" ref={ref} tabIndex={0} aria-label={t.thread} aria-busy={view.loadingOlder.value}>
      {view.older.value && (
        <li class="older">
          <button type="button" class="btn" disabled={view.loadingOlder.value} onClick={guard(loadOlder)}>
            {view.loadingOlder.value ? t.loading : t.loadOlder}
          </button>
        </li>
      )}
      {messages.map((message) => (message.form ? <SurveyMessage key={message.id} message={message} /> : <MessageItem key={message.id} message={message} />))}
    </ol>
  );
}

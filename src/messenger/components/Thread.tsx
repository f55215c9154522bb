import { useLayoutEffect, useRef } from 'preact/hooks';
import { useMessenger } from '../context';
import { guard } from '../../browser/report';
import { MessageItem } from './MessageItem';
import { Survey } from './Survey';

/**
 * One chat's messages, oldest first, with the customer's pending and failed ones at the end; a new
 * chat shows the first message that is creating it. Earlier messages come a page at a time from a
 * button atop the thread, keeping the reader's place.
 */
export function Thread() {
  const m = useMessenger();
  const { t, channel } = m;
  const ref = useRef<HTMLDivElement>(null);
  /** Distance from the bottom to keep once earlier messages are added above (0: follow the newest). */
  const fromBottom = useRef(0);
  const list = m.thread.value;
  const pending = m.pending.value;
  const isNew = m.view.value === 'new';
  const count = (list ? list.length : 0) + pending.length;

  // Follow the newest message; a hidden panel cannot scroll, so showing it counts as a change too.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight - fromBottom.current;
    fromBottom.current = 0;
  }, [count, m.chatId.value, m.visible.value]);
  const loadOlder = () => {
    const el = ref.current!;
    fromBottom.current = el.scrollHeight - el.scrollTop;
    return m.loadOlder();
  };

  return (
    <div class="body" ref={ref}>
      {m.chat.value?.state === 'closed' && <p class="note">{t.closed}</p>}
      {/* The Announcer speaks new messages with their author; the log itself stays quiet. */}
      {m.older.value[m.chatId.value!] && (
        <button type="button" class="link more" onClick={guard(loadOlder)}>
          {t.older}
        </button>
      )}
      <div class="log" role="log" aria-live="off" aria-label={t.messages}>
        {(isNew || list?.length === 0) && <MessageItem author={channel.name} text={t.greeting} />}
        {list?.map((msg) =>
          msg.form?.type === 'csat' ? (
            <Survey key={msg.id} message={msg} />
          ) : (
            <MessageItem
              key={msg.id}
              mine={msg.author === 'customer'}
              author={msg.authorName || channel.name}
              avatar={msg.authorAvatarUrl}
              text={msg.text}
              time={msg.createdAt}
            />
          ),
        )}
        {pending.map((o) => (
          <MessageItem key={o.clientId} mine text={o.text} status={o.state} error={o.error} onDiscard={() => m.discard(o.clientId)} />
        ))}
      </div>
      {m.typing.value?.chatId === m.chatId.value && <p class="muted">{t.typing(m.typing.value!.name || channel.name)}</p>}
      {!list && !isNew && !m.notice.value && <p class="muted">{t.loading}</p>}
    </div>
  );
}

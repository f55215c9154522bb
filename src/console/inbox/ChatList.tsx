import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { ErrorText } from '../shell/ErrorText';
import { ChatListItem } from './ChatListItem';

/** The chats under the current filters, newest first, each a link to its thread; a page at a time. */
export function ChatList() {
  const c = useConsole();
  const t = c.t.value;
  const { inbox } = c;
  const chats = inbox.chats.value;
  const status = inbox.status.value;
  if (status === 'error') {
    return (
      <div class="list-state">
        <ErrorText error={inbox.error.value} />
        <button type="button" class="btn" onClick={guard(() => inbox.load())}>
          {t.retry}
        </button>
      </div>
    );
  }
  if (status === 'loading' && !chats.length) return <p class="list-state" role="status">{t.loading}</p>;
  return (
    <>
      <p class="count" role="status">
        {status === 'loading' ? t.loading : t.chatCount(chats.length)}
      </p>
      {chats.length ? (
        <div class="chats">
          <ul aria-label={t.chats}>
            {chats.map((chat) => (
              <ChatListItem key={chat.id} chat={chat} />
            ))}
          </ul>
          {inbox.next.value && (
            <div class="more">
              {inbox.error.value ? <ErrorText error={inbox.error.value} /> : null}
              <button type="button" class="btn" disabled={inbox.loadingMore.value} onClick={guard(() => inbox.loadMore())}>
                {inbox.loadingMore.value ? t.loading : t.loadMore}
              </button>
            </div>
          )}
        </div>
      ) : (
        <p class="list-state">{t.noChats}</p>
      )}
    </>
  );
}

import { ChatListItem } from './ChatListItem';
import { useMessenger } from '../context';
import { guard } from '../../browser/report';

/** Home view: start a new chat, or pick one of the customer's chats (newest first, a page at a time). */
export function ChatList() {
  const m = useMessenger();
  const { t } = m;
  const chats = m.chats.value;
  const state = m.listState.value;
  return (
    <div class="body">
      <button type="button" class="pri" onClick={guard(() => m.openNew())}>
        {t.newChat}
      </button>
      {chats.length ? (
        <>
          <ul class="list" aria-label={t.chats}>
            {chats.map((chat) => (
              <ChatListItem key={chat.id} chat={chat} />
            ))}
          </ul>
          {m.moreChats.value && (
            <button type="button" class="link more" onClick={guard(m.loadMoreChats)}>
              {t.more}
            </button>
          )}
        </>
      ) : state === 'error' ? (
        <p class="muted">
          {t.loadFailed}{' '}
          <button type="button" class="link" onClick={guard(() => m.loadChats())}>
            {t.retry}
          </button>
        </p>
      ) : (
        <p class="muted">{state === 'loading' ? t.loading : t.noChats}</p>
      )}
    </div>
  );
}

import type { WidgetChat } from '../../shared/types';
import { useMessenger } from '../context';
import { timeAgo } from '../formatTime';
import { guard } from '../../browser/report';

/** One chat in the list: who wrote last, when, a one-line preview and the unread count. */
export function ChatListItem({ chat }: { chat: WidgetChat }) {
  const { t, channel, language, openThread } = useMessenger();
  const last = chat.lastMessage;
  const who = !last ? channel.name : last.author === 'customer' ? t.you : last.authorName || channel.name;
  return (
    <li>
      <button type="button" class="item" onClick={guard(() => openThread(chat.id))}>
        <span class="nm">
          {who}
          {chat.state === 'closed' && <span class="tag">{t.closedTag}</span>}
        </span>
        <span class="tm">{timeAgo(last?.createdAt || chat.updatedAt, language)}</span>
        <span class="pv">{last ? last.text : t.greeting}</span>
        {chat.unread > 0 && (
          <span class="unr">
            <span aria-hidden="true">{chat.unread}</span>
            <span class="sr">{t.unread(chat.unread)}</span>
          </span>
        )}
      </button>
    </li>
  );
}

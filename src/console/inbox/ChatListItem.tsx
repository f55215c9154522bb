import { SCORE_LABELS, type Score } from '../../shared/csat/scale';
import type { ManagerChat } from '../../shared/managerApi';
import { useConsole } from '../context';
import { formatMessageTime } from '../format/formatDateTime';
import { customerName } from '../format/customerName';
import { inboxHref } from '../model/createRouter';
import { formatDuration } from '../format/formatDuration';
import type { Priority } from '../../shared/profile/fields';

/** One chat in the list: who, state, when, the last message and its CSAT answer if any. */
export function ChatListItem({ chat }: { chat: ManagerChat }) {
  const c = useConsole();
  const t = c.t.value;
  const { chatId, filter } = c.router.route.value;
  const last = chat.lastMessage;
  const score = chat.profile['profile.csat'] as Score | undefined;
  const time = last ? last.createdAt : chat.createdAt;
  const priority = chat.profile.priority as Priority | undefined;
  const assignee = c.team.nameOf(chat.assigneeId);
  // The customer wrote last and the chat is open: they are waiting for the team.
  const unread = c.unread.counts.value[chat.id] ?? chat.unread ?? 0;
  const waitingSince = chat.state === 'opened' && last?.author === 'customer' ? last.createdAt : null;
  return (
    <li>
      <a class="chat-item" href={inboxHref(chat.id, filter)} aria-current={chat.id === chatId ? 'true' : undefined}>
        <span class="ci-top">
          <span class="ci-name">{customerName(chat, t)}</span>
          <time dateTime={new Date(time).toISOString()}>{formatMessageTime(time)}</time>
        </span>
        <span class="ci-preview">{last ? last.text || t.survey : t.noMessagesYet}</span>
        <span class="ci-meta">
          {unread > 0 && <span class="badge unread">{t.unreadCount(unread)}</span>}
          <span class={`badge ${chat.state}`}>{t.states[chat.state]}</span>
          {priority && priority !== 'medium' && <span class={`badge prio-${priority}`}>{t.priorities[priority]}</span>}
          <span class="badge">{assignee ? `${t.assignee}: ${assignee}` : t.unassigned}</span>
          {waitingSince !== null && <span class="badge waiting">{t.waiting(formatDuration(Math.max(0, c.now.value - waitingSince), c.language.value.value))}</span>}
          {score && SCORE_LABELS.en[score] && (
            <span class="badge">
              {c.schema.nameOf('profile.csat', c.language.value.value, 'CSAT')} {score} · {SCORE_LABELS[c.language.value.value][score]}
            </span>
          )}
        </span>
      </a>
    </li>
  );
}

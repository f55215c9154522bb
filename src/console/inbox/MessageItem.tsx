import type { Message } from '../../shared/types';
import { useConsole } from '../context';
import { customerName } from '../format/customerName';
import { formatMessageTime } from '../format/formatDateTime';
import { MessageText } from './MessageText';

/** One message: the customer's on the left, the team's (manager, bot) on the right. */
export function MessageItem({ message }: { message: Message }) {
  const c = useConsole();
  const t = c.t.value;
  const chat = c.chatView.chat.value;
  const who = message.author === 'customer' && chat ? customerName(chat, t) : message.authorName || t.authors[message.author];
  return (
    <li class={`msg ${message.author}`}>
      <p class="who">
        <span>{who}</span> <time dateTime={new Date(message.createdAt).toISOString()}>{formatMessageTime(message.createdAt)}</time>
      </p>
      <p class="bub">
        <MessageText text={message.text} />
      </p>
      {message.template !== undefined && (
        <p class="tpl">
          {t.templateLabel}: <code>{message.template}</code>
        </p>
      )}
    </li>
  );
}

import type { ManagerChat } from '../../shared/managerApi';
import { useConsole } from '../context';
import { customerName } from '../format/customerName';
import { guard } from '../../browser/report';
import { MemberId } from './MemberId';

/** The customer's name, the chat's state and the button that closes or reopens it. */
export function ChatHeader({ chat }: { chat: ManagerChat }) {
  const c = useConsole();
  const t = c.t.value;
  const { chatView } = c;
  const closed = chat.state === 'closed';
  return (
    <div class="chat-head">
      <h2 id="chat-title">{customerName(chat, t)}</h2>
      <MemberId user={chat.user} />
      <span class={`badge ${chat.state}`}>{t.states[chat.state]}</span>
      <button
        type="button"
        class={closed ? 'btn' : 'btn primary'}
        disabled={chatView.busy.value}
        onClick={guard(() => (closed ? chatView.reopen() : chatView.close()))}
      >
        {closed ? t.reopenChat : t.closeChat}
      </button>
    </div>
  );
}

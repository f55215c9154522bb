import { useConsole } from '../context';
import { customerName } from '../format/customerName';

/** "… is typing" under the thread while the open chat's customer writes; spoken politely, once. */
export function TypingNote() {
  const c = useConsole();
  const chat = c.chatView.chat.value;
  const typing = !!chat && c.live.typingIn.value.indexOf(chat.id) >= 0;
  return (
    <p class="typing" aria-live="polite">
      {typing && chat ? c.t.value.typing(customerName(chat, c.t.value)) : ''}
    </p>
  );
}

import { useSignal } from '@preact/signals';
import { LIMITS } from '../../shared/types';
import { useConsole } from '../context';
import { sendOnEnter } from '../../browser/sendOnEnter';
import { ErrorText } from '../shell/ErrorText';

/** A draft that is `/` and a few letters asks for a saved reply by its title. */
const PICK = /^\/(\S{0,100})$/;

/**
 * The manager's reply: Enter sends, Shift+Enter adds a line, an IME composition is never cut.
 * `/` opens the saved replies (a listbox the arrow keys move through); Enter or Tab inserts the
 * chosen one, Escape leaves the `/` as typed.
 */
export function ReplyBox() {
  const c = useConsole();
  const t = c.t.value;
  const { chatView, savedReplies } = c;
  const active = useSignal(0);
  const dismissed = useSignal('');
  const { onSubmit, onKeyDown } = sendOnEnter(() => chatView.send());
  const draft = chatView.draft.value;
  const query = PICK.exec(draft);
  const offered = query && draft !== dismissed.value ? savedReplies.matching(query[1]) : [];
  const open = offered.length > 0;
  const index = Math.min(active.value, offered.length - 1);

  const insert = (text: string) => {
    chatView.draft.value = text;
    active.value = 0;
  };
  const onKeys = (event: KeyboardEvent) => {
    if (open && !event.isComposing) {
      const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
      if (step) {
        event.preventDefault();
        active.value = (index + step + offered.length) % offered.length;
        return;
      }
      if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
        event.preventDefault();
        insert(offered[index].text);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        dismissed.value = draft;
        return;
      }
    }
    onKeyDown(event);
  };
  return (
    <form class="reply" onSubmit={onSubmit}>
      <ErrorText error={chatView.actionError.value} />
      <label for="reply" class="sr">
        {t.replyLabel}
      </label>
      <textarea
        id="reply"
        rows={2}
        maxLength={LIMITS.messageText}
        placeholder={t.replyLabel}
        aria-describedby="reply-hint"
        aria-controls={open ? 'saved-replies' : undefined}
        aria-activedescendant={open ? `saved-reply-${offered[index].id}` : undefined}
        aria-autocomplete={open ? 'list' : undefined}
        value={draft}
        onInput={(event) => {
          const text = (chatView.draft.value = event.currentTarget.value);
          active.value = 0;
          // The customer sees that someone is writing; not for a saved reply's `/` search.
          const chatId = chatView.chatId.peek();
          if (chatId && text.trim() && !PICK.test(text)) c.live.typing(chatId);
        }}
        onKeyDown={onKeys}
      />
      {open && (
        <ul id="saved-replies" class="picker" role="listbox" aria-label={t.savedRepliesFound(offered.length)}>
          {offered.map((reply, i) => (
            <li
              key={reply.id}
              id={`saved-reply-${reply.id}`}
              role="option"
              aria-selected={i === index ? 'true' : 'false'}
              // Chosen with the pointer too; mousedown keeps the focus in the composer.
              onMouseDown={(event) => (event.preventDefault(), insert(reply.text))}
            >
              <strong>{reply.title}</strong> <span>{reply.text}</span>
            </li>
          ))}
        </ul>
      )}
      <button type="submit" class="btn primary" disabled={!draft.trim()}>
        {t.send}
      </button>
      <p id="reply-hint" class="hint">
        {t.replyHint}
      </p>
    </form>
  );
}

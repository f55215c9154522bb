import { LIMITS } from '../../shared/types';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { ErrorText } from '../shell/ErrorText';

/** The manager's reply: Enter sends, Shift+Enter adds a line, an IME composition is never cut. */
export function ReplyBox() {
  const c = useConsole();
  const t = c.t.value;
  const { chatView } = c;
  const onKeyDown = guard((event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    return chatView.send();
  });
  const onSubmit = guard((event: Event) => {
    event.preventDefault();
    return chatView.send();
  });
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
        value={chatView.draft.value}
        onInput={(event) => (chatView.draft.value = event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" class="btn primary" disabled={!chatView.draft.value.trim()}>
        {t.send}
      </button>
      <p id="reply-hint" class="hint">
        {t.replyHint}
      </p>
    </form>
  );
}

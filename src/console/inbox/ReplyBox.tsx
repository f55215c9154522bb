import { LIMITS } from '../../shared/types';
import { useConsole } from '../context';
import { sendOnEnter } from '../../browser/sendOnEnter';
import { ErrorText } from '../shell/ErrorText';

/** The manager's reply: Enter sends, Shift+Enter adds a line, an IME composition is never cut. */
export function ReplyBox() {
  const c = useConsole();
  const t = c.t.value;
  const { chatView } = c;
  const { onSubmit, onKeyDown } = sendOnEnter(() => chatView.send());
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

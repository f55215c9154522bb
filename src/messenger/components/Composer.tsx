import { LIMITS } from '../../shared/types';
import { useMessenger } from '../context';
import { sendOnEnter } from '../../browser/sendOnEnter';
import { Icon } from './Icon';

/** Labelled textarea: Enter sends, Shift+Enter adds a line; IME composition is never cut off. */
export function Composer() {
  const m = useMessenger();
  const { t } = m;
  const { onSubmit, onKeyDown } = sendOnEnter(() => m.send());
  return (
    <form class="cmp" onSubmit={onSubmit}>
      {m.notice.value && (
        <p class="err" role="alert">
          {t[m.notice.value]}
        </p>
      )}
      <label for="sd-input" class="sr">
        {t.messageLabel}
      </label>
      <textarea
        id="sd-input"
        rows={1}
        maxLength={LIMITS.messageText}
        placeholder={t.placeholder}
        value={m.draft.value}
        onInput={(event) => m.setDraft(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" class="send" aria-label={t.send} disabled={!m.draft.value.trim()}>
        <Icon name="send" />
      </button>
    </form>
  );
}

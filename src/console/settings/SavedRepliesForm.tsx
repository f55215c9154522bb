import { useSignal } from '@preact/signals';
import { LIMITS } from '../../shared/limits';
import { guard } from '../../browser/report';
import { useConsole } from '../context';
import { ErrorText } from '../shell/ErrorText';

/** The channel's saved replies: listed by title, added with a title and a text, deleted one by one. */
export function SavedRepliesForm() {
  const c = useConsole();
  const t = c.t.value;
  const { savedReplies } = c;
  const title = useSignal('');
  const text = useSignal('');
  const onSubmit = guard(async (event: Event) => {
    event.preventDefault();
    if (!title.value.trim() || !text.value.trim()) return;
    if (await savedReplies.add(title.value.trim(), text.value)) {
      title.value = '';
      text.value = '';
    }
  });
  const replies = savedReplies.list.value;
  return (
    <section class="card" aria-labelledby="saved-replies-title">
      <h2 id="saved-replies-title">{t.savedReplies}</h2>
      <p class="hint" id="saved-replies-hint">
        {t.savedRepliesHint}
      </p>
      <ErrorText error={savedReplies.error.value} />
      {replies.length === 0 ? (
        <p>{t.noSavedReplies}</p>
      ) : (
        <ul class="saved-replies">
          {replies.map((reply) => (
            <li key={reply.id}>
              <strong>{reply.title}</strong> <span>{reply.text}</span>{' '}
              <button type="button" class="btn quiet" aria-label={t.deleteSavedReply(reply.title)} onClick={() => void savedReplies.remove(reply.id)}>
                {t.deleteField}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="form" onSubmit={onSubmit}>
        <label class="stack">
          <span>{t.savedReplyTitle}</span>
          <input name="title" required maxLength={LIMITS.savedReplyTitle} value={title.value} onInput={(e) => (title.value = e.currentTarget.value)} />
        </label>
        <label class="stack">
          <span>{t.savedReplyText}</span>
          <textarea
            name="text"
            required
            rows={3}
            maxLength={LIMITS.messageText}
            aria-describedby="saved-replies-hint"
            value={text.value}
            onInput={(e) => (text.value = e.currentTarget.value)}
          />
        </label>
        <div class="row">
          <button type="submit" class="btn primary">
            {t.addSavedReply}
          </button>
        </div>
      </form>
    </section>
  );
}

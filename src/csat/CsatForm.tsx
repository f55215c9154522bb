import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Score } from '../shared/csat/scale';
import type { CsatStrings } from '../shared/i18n/types';
import { LIMITS, type CsatForm as Survey, type Language } from '../shared/types';
import { CsatScale } from './CsatScale';
import { CsatThanks } from './CsatThanks';

/** An answer sent and not acknowledged yet (`sending`), or refused (`failed`, with the reason). */
export interface PendingChoice {
  score: Score;
  state: 'sending' | 'failed';
  error?: string;
}

export interface CsatFormProps {
  /** Unique in the document: prefixes the ids that label the scale and the comment box. */
  id: string;
  form: Survey;
  language: Language;
  strings: CsatStrings;
  pending?: PendingChoice;
  /** The connection is down, so a pending answer waits for it. */
  offline?: boolean;
  onAnswer(score: Score, comment?: string): void;
  /** Offered as "Skip" when the survey is not required. */
  onSkip?(): void;
}

/**
 * The satisfaction survey: the question, a scale of faces, an optional comment, then a read-only
 * thank-you once `form.answer` is set. Without a comment box, choosing a face answers at once.
 * @example <CsatForm id="s1" form={message.form} language="ko" strings={csatStrings('ko')} onAnswer={send} />
 */
export function CsatForm({ id, form, language, strings: s, pending, offline, onAnswer, onSkip }: CsatFormProps) {
  const selected = useSignal<Score | null>(null);
  const comment = useSignal('');
  const question = form.questions[language] || form.questions.en;
  const answer = form.answer;
  // The faces go once the answer is stored; keep the keyboard user's focus in the form then.
  const ref = useRef<HTMLDivElement>(null);
  const box = ref.current;
  const hadFocus = !!box && box.contains((box.getRootNode() as Document).activeElement);
  useLayoutEffect(() => {
    if (answer && hadFocus) ref.current?.focus();
  }, [answer]);

  if (answer) {
    return (
      <div class="cs" ref={ref} tabIndex={-1}>
        <CsatThanks question={question} answer={answer} language={language} strings={s} />
      </div>
    );
  }

  const busy = pending?.state === 'sending';
  const value = busy ? pending.score : selected.value;
  const select = (score: Score) => (selected.value = score);
  const choose = (score: Score) => {
    select(score);
    if (!form.comment) onAnswer(score);
  };
  return (
    <div class="cs" ref={ref}>
      <p class="cs-q" id={id + '-q'}>
        {question}
      </p>
      {form.required && <p class="cs-n">{s.required}</p>}
      <CsatScale scale={form.scale} language={language} labelledBy={id + '-q'} value={value} disabled={busy} onSelect={select} onChoose={choose} />
      {form.comment && value && !busy && (
        <>
          <label for={id + '-c'}>{s.commentLabel}</label>
          <textarea
            id={id + '-c'}
            rows={2}
            maxLength={LIMITS.csatComment}
            value={comment.value}
            onInput={(event) => (comment.value = event.currentTarget.value)}
          />
          <button type="button" class="cs-b" onClick={() => onAnswer(value, comment.value.trim() || undefined)}>
            {s.submit}
          </button>
        </>
      )}
      {busy ? (
        <p class="cs-n" role="status">
          {offline ? s.retrying : s.sending}
        </p>
      ) : (
        pending && (
          <p class="cs-e" role="alert">
            {pending.error || s.failed}
          </p>
        )
      )}
      {onSkip && !form.required && !busy && (
        <button type="button" class="cs-k" onClick={onSkip}>
          {s.skip}
        </button>
      )}
    </div>
  );
}

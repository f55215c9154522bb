import { useSignal } from '../browser/trackSignals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Score } from '../shared/csat/scale';
import type { CsatStrings } from '../shared/i18n/types';
import { LIMITS, type CsatForm as Survey, type Language } from '../shared/types';
import { CsatScale } from './CsatScale';
import { CsatThanks } from './CsatThanks';

/**
 * What waits for the server (`sending`), or was refused (`failed`, with the reason): the score,
 * the comment added to it, a skip — whichever of them were given.
 */
export interface PendingChoice {
  score?: Score;
  comment?: string;
  skip?: true;
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
  /** A face was chosen (tap, click, Enter or Space): the score is stored at once. */
  onAnswer(score: Score): void;
  /** The comment, sent afterwards; it joins the stored score. */
  onComment?(comment: string): void;
  /** Offered as "Skip" when the survey is not required. */
  onSkip?(): void;
  /**
   * Takes the focus when truthy, and again whenever it changes to another truthy value (the panel
   * shown again): a required survey holds the chat, so the customer answers it first.
   */
  autoFocus?: unknown;
}

/**
 * The satisfaction survey: the question and a scale of faces. Choosing a face stores its score at
 * once; with a comment box, the box opens then and its text is added to that answer when sent.
 * Then a read-only thank-you with what was stored, or a short note once skipped.
 * @example <CsatForm id="s1" form={message.form} language="ko" strings={csatStrings('ko')} onAnswer={send} onComment={add} />
 */
export function CsatForm({ id, form, language, strings: s, pending, offline, onAnswer, onComment, onSkip, autoFocus }: CsatFormProps) {
  const selected = useSignal<Score | null>(null);
  const comment = useSignal('');
  /** A face was chosen here: the comment box stays open for this customer once the score is stored. */
  const chose = useSignal(false);
  /** The customer left the comment step of a survey that is not required: the thank-you shows. */
  const left = useSignal(false);
  const question = form.questions[language] || form.questions.en;
  const { answer } = form;
  const sending = pending?.state === 'sending';
  const skipped = !!form.skippedAt || (sending && !!pending.skip);
  // The score and comment stored, or on their way.
  const score = answer?.score ?? (sending ? pending.score : undefined) ?? null;
  const given = answer?.comment ?? (sending ? pending.comment : undefined) ?? null;
  // Chosen here and not acknowledged yet counts too: the box opens at the tap.
  const picked = score || (chose.value && selected.value);
  const asking = form.comment && !!picked && !given && !left.value && (chose.value || !!form.commentRequired);
  const done = skipped || (!!answer && !asking);
  // The faces go once the answer is stored; keep the keyboard user's focus in the form then.
  const ref = useRef<HTMLDivElement>(null);
  const box = ref.current;
  const hadFocus = !!box && box.contains((box.getRootNode() as Document).activeElement);
  useLayoutEffect(() => {
    if (done && hadFocus) ref.current?.focus();
  }, [done]);
  useLayoutEffect(() => {
    if (autoFocus) ref.current?.querySelector<HTMLElement>('textarea,[tabindex="0"]')?.focus();
  }, [autoFocus]);

  // One live region, there from the start, whose text changes: a region swapped in with its text
  // is not announced by every screen reader.
  const status = (saved: boolean) => (
    <>
      <p class="cs-n" role="status">
        {sending ? (offline ? s.retrying : s.sending) : saved && answer && !pending ? s.scoreSaved : ''}
      </p>
      {pending && !sending && (
        <p class="cs-e" role="alert">
          {pending.error || s.failed}
        </p>
      )}
    </>
  );
  if (done) {
    return (
      <div class="cs" ref={ref} tabIndex={-1}>
        {skipped ? (
          <>
            <p class="cs-n">{question}</p>
            <p class="cs-q">{s.skipped}</p>
          </>
        ) : (
          <CsatThanks question={question} answer={{ ...answer!, comment: given || null }} language={language} strings={s} />
        )}
        {status(false)}
      </div>
    );
  }

  const choose = (chosen: Score) => {
    selected.value = chosen;
    chose.value = true;
    onAnswer(chosen);
  };
  const text = comment.value.trim();
  const needed = !!form.commentRequired && !text;
  return (
    <div class="cs" ref={ref}>
      <p class="cs-q" id={id + '-q'}>
        {question}
      </p>
      {form.required && <p class="cs-n">{s.required}</p>}
      <CsatScale
        scale={form.scale}
        language={language}
        labelledBy={id + '-q'}
        value={score || selected.value}
        disabled={!!score}
        onSelect={(next) => (selected.value = next)}
        onChoose={choose}
      />
      {asking && (
        <>
          <label for={id + '-c'}>{form.commentRequired ? s.commentRequired : s.commentLabel}</label>
          <textarea
            id={id + '-c'}
            rows={2}
            maxLength={LIMITS.csatComment}
            required={form.commentRequired}
            value={comment.value}
            onInput={(event) => (comment.value = event.currentTarget.value)}
          />
          {/* Sent empty, an optional comment is left out: the thank-you shows. */}
          <button type="button" class="cs-b" disabled={needed} onClick={() => (text ? onComment?.(text) : (chose.value = false))}>
            {s.submit}
          </button>
          {/* A comment the rule requires still leaves a survey that is not required open to leave. */}
          {form.commentRequired && !form.required && (
            <button type="button" class="cs-k" onClick={() => (left.value = true)}>
              {s.notNow}
            </button>
          )}
        </>
      )}
      {status(true)}
      {onSkip && !form.required && !score && !sending && (
        <button type="button" class="cs-k" onClick={onSkip}>
          {s.skip}
        </button>
      )}
    </div>
  );
}

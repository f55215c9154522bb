import { SCORE_LABELS } from '../../shared/csat/scale';
import type { Message } from '../../shared/types';
import { useConsole } from '../context';
import { formatMessageTime } from '../format/formatDateTime';
import { MessageText } from './MessageText';

/** A survey in the thread: its question, and once answered the face's name, score and comment (or that it was skipped). */
export function SurveyMessage({ message }: { message: Message }) {
  const c = useConsole();
  const t = c.t.value;
  const language = c.language.value.value;
  const form = message.form!;
  const answer = form.answer;
  return (
    <li class="msg bot survey">
      <p class="who">
        <span>{t.survey}</span> · <span>{t.scaleName(form.scale)}</span>{' '}
        <time dateTime={new Date(message.createdAt).toISOString()}>{formatMessageTime(message.createdAt)}</time>
      </p>
      <div class="bub">
        <p class="q">{form.questions[language] || form.questions.en || message.text}</p>
        {answer ? (
          <>
            <p class="a">{t.answer(SCORE_LABELS[language][answer.score], answer.score)}</p>
            {answer.comment && (
              <p class="cm">
                <span class="cm-label">{t.comment}: </span>
                <MessageText text={answer.comment} />
              </p>
            )}
          </>
        ) : (
          <p class="muted">{form.skippedAt ? t.skippedSurvey : t.notAnswered}</p>
        )}
      </div>
    </li>
  );
}

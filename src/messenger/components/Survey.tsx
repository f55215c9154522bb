import type { Message } from '../../shared/types';
import { useMessenger } from '../context';
import { guard } from '../../browser/report';

/**
 * A survey message in the thread: the bot's satisfaction form (a skipped one says so). Until
 * the form's chunk has loaded, the question shows as the bot's message, with a retry if it failed.
 */
export function Survey({ message }: { message: Message }) {
  const m = useMessenger();
  const { t, channel } = m;
  const survey = m.survey.value;
  return (
    <div class="msg sv">
      <span class="who">{message.authorName || channel.name}</span>
      {survey ? (
        <survey.ThreadSurvey m={m} message={message} />
      ) : (
        <>
          <div class="bub">{message.text}</div>
          {m.surveyFailed.value && (
            <span class="meta err">
              {t.loadFailed}{' '}
              <button type="button" class="link" onClick={guard(m.loadSurvey)}>
                {t.retry}
              </button>
            </span>
          )}
        </>
      )}
    </div>
  );
}

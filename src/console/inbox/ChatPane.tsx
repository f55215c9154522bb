import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { ErrorText } from '../shell/ErrorText';
import { ChatHeader } from './ChatHeader';
import { ReplyBox } from './ReplyBox';
import { SurveyLink } from './SurveyLink';
import { Thread } from './Thread';
import { TypingNote } from './TypingNote';

/** The open chat: header with its actions, the survey link, the thread and the reply box. */
export function ChatPane() {
  const c = useConsole();
  const t = c.t.value;
  const { chatView } = c;
  const chat = chatView.chat.value;
  if (!chat) {
    const failed = chatView.status.value === 'error';
    return (
      <section class="chat-pane" aria-label={t.thread}>
        {failed ? (
          <div class="list-state">
            <ErrorText error={chatView.error.value} />
            <button type="button" class="btn" onClick={guard(() => chatView.load())}>
              {t.retry}
            </button>
          </div>
        ) : (
          <p class="list-state" role="status">{t.loading}</p>
        )}
      </section>
    );
  }
  return (
    <section class="chat-pane" aria-labelledby="chat-title">
      <ChatHeader chat={chat} />
      <SurveyLink />
      <Thread />
      <TypingNote />
      <ReplyBox />
    </section>
  );
}

import { useMessenger } from '../context';
import { clockTime } from '../formatTime';
import { guard } from '../../browser/report';
import { MessageText } from './MessageText';

interface Props {
  text: string;
  /** Written by the customer: shown on the right. */
  mine?: boolean;
  author?: string;
  /** The author's avatar (an http(s) URL, as the server checks it), shown beside the name that says who it is. */
  avatar?: string;
  time?: number;
  status?: 'sending' | 'failed';
  error?: string;
  onDiscard?: () => void;
}

/** One message bubble, stored or still in the outbox. */
export function MessageItem({ text, mine, author, avatar, time, status, error, onDiscard }: Props) {
  const { t, language } = useMessenger();
  return (
    <div class={mine ? (status === 'failed' ? 'msg me fail' : 'msg me') : 'msg'}>
      <span class={mine ? 'sr' : 'who'}>
        {avatar && <img src={avatar} alt="" referrerpolicy="no-referrer" />}
        {mine ? t.you : author}
      </span>
      <div class="bub">
        <MessageText text={text} />
      </div>
      {status === 'failed' ? (
        <span class="meta err">
          {error || t.notSent}{' '}
          <button type="button" class="link" onClick={guard(() => onDiscard?.())}>
            {t.discard}
          </button>
        </span>
      ) : status ? (
        <span class="meta">{t.sending}</span>
      ) : (
        time && <span class="meta">{clockTime(time, language)}</span>
      )}
    </div>
  );
}

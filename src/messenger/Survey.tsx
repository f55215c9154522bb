import { CsatForm } from '../csat/CsatForm';
import { csatStrings } from '../csat/csatStrings';
import type { Message } from '../shared/types';
import { useMessenger } from './context';
import { guard } from './guard';

/** A survey message in the thread: the bot's satisfaction form, until the customer skips it. */
export function Survey({ message }: { message: Message }) {
  const m = useMessenger();
  if (m.dismissed.value[message.id]) return null;
  return (
    <div class="msg sv">
      <span class="who">{message.authorName || m.host.channel.name}</span>
      <CsatForm
        id={'sd-' + message.id}
        form={message.form!}
        language={m.host.language}
        strings={csatStrings(m.host.language)}
        pending={m.pendingAnswer(message.id)}
        offline={!m.online.value}
        onAnswer={guard((score, comment) => m.answer(message, score, comment))}
        onSkip={() => m.dismiss(message.id)}
      />
    </div>
  );
}

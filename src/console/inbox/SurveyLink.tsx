import { useSignal } from '@preact/signals';
import { useConsole } from '../context';
import { guard } from '../../browser/report';

/** The customer link of the chat's survey, for chats held in other messengers, with a copy button. */
export function SurveyLink() {
  const c = useConsole();
  const t = c.t.value;
  const link = c.chatView.csatLink.value;
  const copied = useSignal(false);
  if (!link) return null;
  const copy = guard(async () => {
    const clipboard = c.win.navigator.clipboard;
    if (clipboard) await clipboard.writeText(link);
    else {
      const input = c.win.document.getElementById('survey-link') as HTMLInputElement;
      input.select();
      c.win.document.execCommand('copy');
    }
    copied.value = true;
    setTimeout(() => (copied.value = false), 3000);
  });
  return (
    <div class="survey-link">
      <label for="survey-link">{t.surveyLink}</label>
      <input id="survey-link" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
      <button type="button" class="btn" onClick={copy}>
        {t.copyLink}
      </button>
      <span role="status" class="hint">
        {copied.value ? t.copied : ''}
      </span>
    </div>
  );
}

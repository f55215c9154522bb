/**
 * The survey's customer link page (`/csat/:token` on the server): the same form as in the
 * messenger, for chats held in messengers that cannot render it. The answer waits in localStorage
 * until the server stores it, so a dropped connection or a reload loses nothing.
 */
import { computed, signal } from '../browser/signals';
import { nanoid } from 'nanoid';
import { render } from 'preact';
import { createApiClient } from '../browser/apiClient';
import { createPersistentQueue } from '../browser/createPersistentQueue';
import type { Score } from '../shared/csat/scale';
import type { ChannelInfo, CsatForm as Survey, Language, Message } from '../shared/types';
import { CsatForm, type PendingChoice } from '../csat/CsatForm';
import { pendingOf, stepRequest, type SurveyStep } from '../csat/pendingOf';
import { csatFormCss } from '../csat/csatForm.css';
import { csatStrings } from '../csat/csatStrings';
import { trackSignals } from '../browser/trackSignals';

/** One step, kept as the widget's answer box keeps it. */
type Answer = SurveyStep;

const PAGE_CSS = `
:root{--sangdam-bg:#fff;--sangdam-fg:#1d1d22;--sangdam-muted:#66666f;--sangdam-line:#e4e4e9;--sangdam-bubble:#f4f4f6;--sangdam-danger:#c62828;--sangdam-on-accent:#fff;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--sangdam-bg:#1d1d22;--sangdam-fg:#ececf1;--sangdam-muted:#a0a0ad;--sangdam-line:#34343c;--sangdam-bubble:#2b2b32;--sangdam-danger:#ff8a80}}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:var(--sangdam-bg);color:var(--sangdam-fg);font:15px/1.5 system-ui,sans-serif}
main{width:min(420px,100% - 32px)}
h1{font-size:18px;margin:0 0 12px}
.cs-f:focus-visible,.cs-b:focus-visible,.cs-k:focus-visible,textarea:focus-visible{outline:3px solid var(--sangdam-focus,#1a73e8);outline-offset:2px}
`;

function addStyles(css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css); // constructed sheets need no 'unsafe-inline' under the page's strict CSP
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

async function start(main: HTMLElement): Promise<void> {
  const token = main.dataset.token || '';
  // Beside this bundle, not at the origin's root: behind a proxy the server may sit under a prefix.
  const api = new URL(`api/csat/${encodeURIComponent(token)}`, new URL('.', import.meta.url)).href;
  const request = createApiClient(api, () => undefined, new AbortController().signal);
  const data = await request<{ form: Survey; language: Language; channel: ChannelInfo }>('GET', '');
  const form = signal(data.form);
  const online = signal(navigator.onLine);
  if (/^#[0-9a-f]{3,8}$/i.test(data.channel.color)) main.style.setProperty('--sangdam-accent', data.channel.color);
  document.title = data.channel.name;

  const queue = createPersistentQueue<Answer, { message: Message }>(
    `sangdam:csat-link:${token}`,
    (entry) => {
      const { path, body } = stepRequest(entry);
      return request('POST', `/${path}`, body);
    },
    (_entry, result) => {
      if (result && result.message.form) form.value = result.message.form;
    },
  );
  const pending = computed<PendingChoice | undefined>(() => pendingOf(queue.entries.value));
  addEventListener('online', () => ((online.value = true), queue.kick()));
  addEventListener('offline', () => (online.value = false));

  const add = (entry: Omit<Answer, 'state'>) => {
    queue.drop((e) => e.state === 'failed'); // a refused step may be given again
    queue.add({ ...entry, state: 'sending' }).catch(() => {});
  };
  const answer = (score: Score) => add({ answerId: nanoid(), score });
  // The score still waiting, if any: the comment then surely joins this very answer.
  const comment = (text: string) => add({ step: 'comment', comment: text, answerId: queue.entries.value.find((e) => !e.step)?.answerId });
  const skip = () => add({ step: 'skip' });
  const App = () => (
    <>
      <h1>{data.channel.name}</h1>
      <CsatForm id="link" form={form.value} language={data.language} strings={csatStrings(data.language)} pending={pending.value} offline={!online.value} onAnswer={answer} onComment={comment} onSkip={skip} />
    </>
  );
  trackSignals();
  render(<App />, main);
}

const main = document.getElementById('csat');
if (main) {
  addStyles(csatFormCss + PAGE_CSS);
  start(main).catch((error: Error) => {
    main.textContent = error.message;
  });
}

import { useLayoutEffect, useRef } from 'preact/hooks';
import { Announcer } from './Announcer';
import { ChatList } from './ChatList';
import { Composer } from './Composer';
import { useMessenger } from '../context';
import { focusables, wrapTab } from '../focusables';
import { guard } from '../../browser/report';
import { Header } from './Header';
import { Thread } from './Thread';

/**
 * The panel: a labelled dialog, modal only when it fills a narrow screen. Escape asks the core
 * to hide it; on every show and view change focus moves inside.
 */
export function Messenger() {
  const m = useMessenger();
  const ref = useRef<HTMLDivElement>(null);
  const view = m.view.value;
  const visible = m.visible.value;
  const modal = m.narrow.value;
  const tick = m.focusTick.value;
  // A required survey holds the chat: no composer then, and the form takes the focus itself
  // (src/csat/ThreadSurvey.tsx); the composer gets it back once the survey is answered.
  const held = m.held.value;

  const shown = useRef('');
  useLayoutEffect(() => {
    const panel = ref.current;
    if (!panel || !visible || !tick) return;
    // Only the hold was released (the survey's score stored): a customer still writing in the
    // survey's comment box keeps it, or the rest of the comment would go to the composer.
    const again = shown.current === tick + view;
    shown.current = tick + view;
    const active = m.shadowRoot.activeElement;
    if (again && active?.matches('.cs textarea')) return;
    const body = panel.querySelector('.body');
    // The composer, not a survey's comment box, which comes first in the thread.
    const target = view === 'home' ? (body && focusables(body)[0]) || focusables(panel)[0] : panel.querySelector<HTMLElement>('.cmp textarea');
    target?.focus();
  }, [tick, view, visible, held]);

  const onKeyDown = guard((event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.isComposing) {
      event.stopPropagation();
      m.close();
    } else if (event.key === 'Tab' && modal && wrapTab(ref.current!, m.shadowRoot.activeElement, event.shiftKey)) {
      event.preventDefault();
    }
  });

  return (
    <div
      ref={ref}
      class="panel"
      lang={m.language}
      role="dialog"
      aria-labelledby="sd-title"
      aria-modal={modal ? 'true' : undefined}
      hidden={!visible}
      onKeyDown={onKeyDown}
      style={{ '--sd-channel': m.channel.color }}
    >
      <Header />
      {!m.online.value && <p class="off">{m.t.reconnecting}</p>}
      {view === 'home' ? <ChatList /> : <Thread />}
      {view !== 'home' && (held ? <p class="note">{m.t.surveyFirst}</p> : <Composer />)}
      <Announcer />
    </div>
  );
}

import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { ManagerChat } from '../../shared/managerApi';
import type { Message } from '../../shared/types';
import type { ConsoleStrings } from '../i18n';
import { customerName } from '../format/customerName';
import { stored } from './stored';


export interface NoticeDeps {
  win: Window;
  storage: Storage | null;
  t: ReadonlySignal<ConsoleStrings>;
  /** The signed-in manager's id: their chats and the unassigned ones are theirs to notice. */
  me: ReadonlySignal<string | null>;
  /** The chat open in the thread, which the manager is reading. */
  openChatId: ReadonlySignal<string | null>;
}

export type Notices = ReturnType<typeof createNotices>;

/**
 * What is new for the signed-in manager: customer messages in chats assigned to them or to nobody,
 * counted in the tab's title until the chat is opened; when the manager turns notifications on,
 * also a desktop notification and a short sound while the tab is in the background.
 */
export function createNotices({ win, storage, t, me, openChatId }: NoticeDeps) {
  const unseen = signal<readonly string[]>([]);
  const kept = stored(storage, 'sangdam.console.notify');
  const enabled = signal(kept.read() === 'on');
  const count = computed(() => unseen.value.length);

  function onMessage(chat: ManagerChat, message: Message) {
    if (message.author !== 'customer') return;
    if (chat.assigneeId && chat.assigneeId !== me.peek()) return;
    const reading = openChatId.peek() === chat.id && !win.document.hidden;
    if (!reading && unseen.peek().indexOf(chat.id) < 0) unseen.value = [...unseen.peek(), chat.id];
    if (enabled.peek() && win.document.hidden) alert(chat, message);
  }

  function alert(chat: ManagerChat, message: Message) {
    const strings = t.peek();
    try {
      const N = (win as Window & { Notification?: typeof Notification }).Notification;
      if (N && N.permission === 'granted') new N(strings.newMessageFrom(customerName(chat, strings)), { body: message.text.slice(0, 200), tag: chat.id });
    } catch {
      // A browser without notifications in this context: the title still counts it.
    }
    chime(win);
  }

  /** Turns desktop notifications and the sound on (asking the browser's permission) or off. */
  async function toggle(): Promise<void> {
    const next = !enabled.peek();
    if (next) {
      const N = (win as Window & { Notification?: typeof Notification }).Notification;
      if (N && N.permission === 'default') await N.requestPermission().catch(() => undefined);
    }
    enabled.value = next;
    kept.write(next ? 'on' : null);
  }

  function start(): () => void {
    const stops = [
      effect(() => {
        const id = openChatId.value;
        if (id && unseen.peek().indexOf(id) >= 0) unseen.value = unseen.peek().filter((other) => other !== id);
      }),
      effect(() => {
        const name = t.value.appName;
        win.document.title = count.value ? `(${count.value}) ${name}` : name;
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }

  const clear = () => void (unseen.value = []);

  return { unseen, count, enabled, onMessage, toggle, start, clear };
}

/** Two short soft tones; nothing when the page may not play sound yet. */
function chime(win: Window) {
  try {
    const Context = (win as Window & { AudioContext?: typeof AudioContext }).AudioContext;
    if (!Context) return;
    const audio = new Context();
    const gain = audio.createGain();
    gain.gain.value = 0.05;
    gain.connect(audio.destination);
    [880, 660].forEach((frequency, i) => {
      const tone = audio.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(audio.currentTime + i * 0.12);
      tone.stop(audio.currentTime + i * 0.12 + 0.1);
    });
    win.setTimeout(() => void audio.close(), 500);
  } catch {
    // No audio here: the notification and the title still say it.
  }
}

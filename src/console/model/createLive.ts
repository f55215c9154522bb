import { effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { connectRealtime, type LiveStatus, type Realtime } from '../api/connectRealtime';
import type { ManagerEvent } from '../../shared/managerApi';
import { TYPING, type Message, type TypingFrame } from '../../shared/types';
import { customerName } from '../format/customerName';
import type { ConsoleStrings } from '../i18n';
import type { ChatView } from './createChatView';
import type { Inbox } from './createInbox';
import type { Session } from './createSession';

export interface LiveDeps {
  /** The realtime endpoint, `ws(s)://…/api/realtime`. */
  url: string;
  WebSocket?: typeof WebSocket;
  session: Session;
  inbox: Inbox;
  chatView: ChatView;
  t: ReadonlySignal<ConsoleStrings>;
  status: Signal<LiveStatus>;
  /** The polite live region's text: new customer messages are spoken there. */
  announcement: Signal<string>;
  /** Every message that arrives live (not replayed on a reconnection). */
  onMessage?: (chat: ManagerEvent['chat'], message: Message) => void;
}

/**
 * Asks for no backlog on the first connection: the list and the thread are read after `ready`,
 * and the server treats a `since` past its last event as "from now".
 */
const FROM_NOW = Number.MAX_SAFE_INTEGER;

/**
 * Keeps the manager's realtime stream open while a token is held and applies its events to the
 * list and the open chat. After the first `ready` the list and thread are read once more, which
 * closes the gap between the first load and the stream; later reconnections resume from the
 * last seq and get the missed events replayed.
 */
export function createLive(deps: LiveDeps) {
  const { session, inbox, chatView, status, announcement } = deps;
  let cursor: number | null = null;
  let current: Realtime | null = null;
  /** The chats whose customer is writing now. */
  const typingIn = signal<readonly string[]>([]);
  const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let sentAt = 0;
  let sentFor = '';

  function onTyping({ chatId, author }: TypingFrame) {
    if (author !== 'customer') return;
    clearTimeout(typingTimers.get(chatId));
    if (typingIn.peek().indexOf(chatId) < 0) typingIn.value = [...typingIn.peek(), chatId];
    typingTimers.set(chatId, setTimeout(() => stopTyping(chatId), TYPING.showMs));
  }
  function stopTyping(chatId: string) {
    clearTimeout(typingTimers.get(chatId));
    typingTimers.delete(chatId);
    typingIn.value = typingIn.peek().filter((id) => id !== chatId);
  }

  /** The manager is writing in `chatId`: said at most every TYPING.everyMs. */
  function typing(chatId: string) {
    const now = Date.now();
    if (chatId === sentFor && now - sentAt < TYPING.everyMs) return;
    sentAt = now;
    sentFor = chatId;
    current?.typing(chatId);
  }

  function onEvent(event: ManagerEvent, live: boolean) {
    cursor = Math.max(cursor ?? 0, event.seq);
    inbox.apply(event.chat);
    chatView.apply(event.chat, event.type === 'message' ? event.message : undefined);
    // The customer's message ends their typing.
    if (event.type === 'message' && event.message.author === 'customer') stopTyping(event.chat.id);
    if (live && event.type === 'message') {
      if (event.message.author === 'customer') announcement.value = deps.t.peek().newMessage(customerName(event.chat, deps.t.peek()), event.message.text);
      deps.onMessage?.(event.chat, event.message);
    }
  }

  function connect(token: string) {
    let first = true;
    return connectRealtime({
      url: deps.url,
      token,
      since: () => cursor ?? FROM_NOW,
      WebSocket: deps.WebSocket,
      onEvent,
      onReady(at) {
        cursor = Math.max(cursor ?? 0, at);
        if (!first) return;
        first = false;
        if (inbox.status.peek() !== 'idle') void inbox.load(true);
        if (chatView.chatId.peek()) void chatView.load(true);
      },
      onStatus: (next) => (status.value = next),
      onRefused: session.refuse,
      onTyping,
    });
  }

  const start = () =>
    effect(() => {
      const token = session.token.value;
      if (!token) return;
      const stop = (current = connect(token));
      return () => {
        current = null;
        stop();
        status.value = 'offline';
      };
    });

  return { start, typing, typingIn };
}

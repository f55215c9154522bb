import { batch, computed, signal } from '../../browser/signals';
import type { ShowRequest } from '../../core/contract';
import type { MessengerEvent, MessengerServices } from '../services/types';
import { TYPING, type Message } from '../../shared/types';
import { reportError } from '../../browser/report';
import { surveyHoldsChat } from '../../shared/csat/surveyHoldsChat';
import { createChats } from './createChats';
import { createLoadable } from './createLoadable';

export type View = 'home' | 'thread' | 'new';
/** A short error shown above the composer, by the name of its string. */
export type Notice = '' | 'sendFailed' | 'loadFailed';
export type Messenger = ReturnType<typeof createMessenger>;

/**
 * The messenger's view (what is shown, the composer, notices) as signals on the chats of
 * src/messenger/model/createChats.ts, and the actions that change them. Components only read these
 * signals and call these actions; every call to the core goes through here, but for a survey's
 * answer, which the form in survey.js sends to the services' answer box itself (src/csat/ThreadSurvey.tsx).
 */
export function createMessenger(services: MessengerServices) {
  /** The strings of the customer's language, loaded at once: the panel shows none other, even for a moment. */
  const strings = createLoadable(() => services.loadStrings());
  /** The survey form, loaded once a thread holds a survey: most chats never do. */
  const survey = createLoadable(() => services.loadSurvey());
  const visible = signal(false);
  /** Full screen and modal (narrow viewport). */
  const narrow = signal(false);
  const online = signal(services.online);
  const view = signal<View>('home');
  const chatId = signal<string | null>(null);
  const chats = createChats(services, chatId, survey.load);
  const { thread, moreChats, older } = chats.shown;
  /** The composer's text, kept by the services per chat: see `setDraft`. */
  const draft = signal('');
  const notice = signal<Notice>('');
  const announcement = signal('');
  /** Bumped on every show(): the panel moves focus inside when it changes. */
  const focusTick = signal(0);
  // Incoming messages already spoken: a replayed event, or one the thread loaded first, is new
  // to the customer only once.
  const announced = new Set<string>();

  /** The open chat's latest survey is required and not answered yet: the composer gives way to it. */
  const held = computed(() => surveyHoldsChat((thread.value || []).filter((m) => m.form).pop()?.form));
  /**
   * The open chat's outbox entries (the new chat's: first messages of chats being created) whose
   * stored copy has not arrived yet: never shown twice.
   */
  const pending = computed(() => {
    const stored = new Set((thread.value || []).map((m) => m.clientId));
    return services.outbox.value.filter((o) => o.chatId === key() && !stored.has(o.clientId));
  });

  /** The open chat's key in the outbox and the drafts: `''` for the new chat. */
  const key = () => chatId.value || '';
  /** Shows a view with its own draft, whatever was typed in the one before. */
  const go = (to: View, id: string | null) => {
    view.value = to;
    chatId.value = id;
    notice.value = '';
    draft.value = services.draft(key());
  };
  let typedAt = 0;
  function setDraft(text: string) {
    draft.value = text;
    services.saveDraft(key(), text);
    // Managers see that the customer is writing, said at most every TYPING.everyMs.
    const now = Date.now();
    if (chatId.value && text && now - typedAt > TYPING.everyMs) {
      typedAt = now;
      services.typing(chatId.value);
    }
  }
  /** Who of the team is writing in which chat, until their message or TYPING.showMs. */
  const typing = signal<{ chatId: string; name?: string } | null>(null);
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  const isOpen = (id: string) => visible.value && view.value === 'thread' && chatId.value === id;
  const markRead = () => {
    const id = chatId.value;
    if (id && isOpen(id)) chats.read(id);
  };

  /** The chat's newest messages, or with `before` the page older than those shown. */
  async function loadThread(id: string, before?: string | null) {
    try {
      await chats.loadThread(id, before);
      markRead();
    } catch (error) {
      // Not one of the customer's chats (openChat with a stale or made-up id): the list, not an error.
      if ((error as { status?: number }).status === 404) {
        if (chatId.value === id) openHome();
        return;
      }
      reportError(error);
      if (chatId.value === id) notice.value = 'loadFailed';
    }
  }

  function openHome() {
    go('home', null);
    void chats.shown.loadChats();
  }

  function openThread(id: string) {
    go('thread', id);
    markRead();
    void loadThread(id);
  }

  function openNew(text = '') {
    go('new', null);
    if (text) setDraft(text);
  }

  async function createWith(text: string) {
    try {
      const created = await services.createChat(text);
      const id = created.chat.id;
      chats.created(created.chat, created.message);
      if (view.value === 'new') {
        // What the customer typed meanwhile belongs to the chat that now opens.
        services.saveDraft(id, draft.value);
        setDraft('');
        openThread(id);
      }
    } catch {
      // A refused first message stays in the outbox as failed and shows its reason there.
    }
  }

  async function send() {
    const text = draft.value.trim();
    const id = chatId.value;
    // While a chat is being created the next message waits in the composer, never starting a second chat.
    if (!text || (!id && pending.value.some((o) => o.state === 'sending'))) return;
    notice.value = '';
    setDraft('');
    if (!id) return createWith(text);
    let acknowledged: Promise<Message>;
    try {
      acknowledged = services.sendMessage(id, text);
    } catch (error) {
      reportError(error);
      notice.value = 'sendFailed';
      if (!draft.value) setDraft(text);
      return;
    }
    try {
      chats.addMessages(id, [await acknowledged]);
    } catch {
      // A refused message stays in the outbox as failed and shows its reason there.
    }
  }

  function onEvent(event: MessengerEvent) {
    if (event.type === 'typing') {
      typing.value = event;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => (typing.value = null), TYPING.showMs);
      return;
    }
    if (event.type === 'message' && event.message.author !== 'customer' && typing.value?.chatId === event.chat.id) typing.value = null;
    chats.onEvent(event);
    // Without its strings the panel is not shown yet: nothing to announce.
    const t = visible.value && strings.value.value;
    if (event.type === 'message') {
      const { message } = event;
      if (message.author !== 'customer' && !announced.has(message.id)) {
        announced.add(message.id);
        if (t) announcement.value = message.form ? t.surveyPrompt : t.newMessage(message.authorName || services.channel.name, message.text);
        if (isOpen(event.chat.id)) markRead();
      }
    } else if (event.type === 'answered') {
      const { message } = event;
      if (chats.hasThread(message.chatId)) chats.addMessages(message.chatId, [message]);
      if (t) announcement.value = t.surveyThanks;
    } else if (event.type === 'connection') {
      online.value = event.online;
      if (event.online && survey.failed.value) survey.load();
    }
  }

  function show(request: ShowRequest = {}) {
    strings.load(); // again, if it failed
    batch(() => {
      const first = !focusTick.value;
      visible.value = true;
      if (request.chatId) openThread(request.chatId);
      else if (request.message != null || request.newChat) openNew(request.message || '');
      else if (first || view.value === 'home') openHome();
      else markRead();
      focusTick.value++;
    });
  }

  strings.load();

  return {
    ...chats.shown,
    /** For the survey form in survey.js, which answers through the services' answer box itself. */
    services,
    channel: services.channel,
    language: services.language,
    shadowRoot: services.shadowRoot,
    urlClicked: services.urlClicked,
    /** Asks the core to hide the messenger (close button, Escape). */
    close: services.hide,
    /** The panel's strings; read only where `strings.value` is set (Root renders nothing before). */
    get t() {
      return strings.value.value!;
    },
    strings: strings.value,
    visible,
    narrow,
    online,
    view,
    chatId,
    draft,
    setDraft,
    typing,
    notice,
    announcement,
    focusTick,
    survey: survey.value,
    surveyFailed: survey.failed,
    held,
    pending,
    loadMoreChats: () => chats.shown.loadChats(moreChats.value),
    loadOlder: () => chatId.value && loadThread(chatId.value, older.value[chatId.value]),
    openHome,
    openThread,
    openNew,
    send,
    discard: services.discard,
    loadSurvey: survey.load,
    onEvent,
    show,
    hide: () => (visible.value = false),
  };
}

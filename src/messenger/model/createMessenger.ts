import { batch, computed, signal } from '@preact/signals';
import type { ShowRequest } from '../../core/contract';
import type { MessengerEvent, MessengerServices } from '../services/types';
import type { Message, WidgetChat } from '../../shared/types';
import { reportError } from '../../browser/report';
import { surveyHoldsChat } from '../../shared/csat/surveyHoldsChat';
import { createLoadable } from './createLoadable';
import { mergeMessages, upsertChat } from './merge';

export type View = 'home' | 'thread' | 'new';
export type ListState = 'loading' | 'ready' | 'error';
/** A short error shown above the composer, by the name of its string. */
export type Notice = '' | 'sendFailed' | 'loadFailed';
export type Messenger = ReturnType<typeof createMessenger>;

/**
 * The messenger's state as signals and the actions that change it. Components only read these
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
  const chats = signal<WidgetChat[]>([]);
  const listState = signal<ListState>('loading');
  /** The cursor of the next page of chats; null once all are listed. */
  const moreChats = signal<string | null>(null);
  const messages = signal<Record<string, Message[]>>({});
  /** Per chat, the cursor of its older messages; null once its first message is shown. */
  const older = signal<Record<string, string | null>>({});
  /** The composer's text, kept by the services per chat: see `setDraft`. */
  const draft = signal('');
  const notice = signal<Notice>('');
  const announcement = signal('');
  /** Bumped on every show(): the panel moves focus inside when it changes. */
  const focusTick = signal(0);
  // Incoming messages already spoken: a replayed event, or one the thread loaded first, is new
  // to the customer only once.
  const announced = new Set<string>();

  const chat = computed(() => chats.value.find((c) => c.id === chatId.value));
  const thread = computed(() => (chatId.value ? messages.value[chatId.value] : undefined));
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

  const addMessages = (id: string, list: Message[]) => {
    messages.value = { ...messages.value, [id]: mergeMessages(messages.value[id], list) };
    if (list.some((message) => message.form)) survey.load();
  };
  /** The open chat's key in the outbox and the drafts: `''` for the new chat. */
  const key = () => chatId.value || '';
  /** Shows a view with its own draft, whatever was typed in the one before. */
  const go = (to: View, id: string | null) => {
    view.value = to;
    chatId.value = id;
    notice.value = '';
    draft.value = services.draft(key());
  };
  function setDraft(text: string) {
    draft.value = text;
    services.saveDraft(key(), text);
  }
  const isOpen = (id: string) => visible.value && view.value === 'thread' && chatId.value === id;
  const markRead = () => {
    const id = chatId.value;
    if (!id || !isOpen(id)) return;
    services.markRead(id);
    chats.value = chats.value.map((c) => (c.id === id && c.unread ? { ...c, unread: 0 } : c));
  };

  /** The first page of chats, or with `cursor` the next one added below those listed. */
  async function loadChats(cursor?: string | null) {
    if (!cursor) listState.value = 'loading';
    try {
      const page = await services.listChats(cursor);
      chats.value = page.chats.reduce((all, c) => upsertChat(all, c, c.unread), cursor ? chats.value : []);
      moreChats.value = page.next;
      listState.value = 'ready';
    } catch (error) {
      reportError(error);
      listState.value = 'error';
    }
  }

  /** The chat's newest messages, or with `before` the page older than those shown. */
  async function loadThread(id: string, before?: string | null) {
    try {
      const loaded = await services.getChat(id, before);
      chats.value = upsertChat(chats.value, loaded.chat, loaded.chat.unread);
      // Reading the newest page again keeps the place older pages reached.
      if (before || !(id in older.value)) older.value = { ...older.value, [id]: loaded.next };
      addMessages(id, loaded.messages);
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
    void loadChats();
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
      chats.value = upsertChat(chats.value, created.chat, 0, created.message);
      if (created.message) addMessages(id, [created.message]);
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
      addMessages(id, [await acknowledged]);
    } catch {
      // A refused message stays in the outbox as failed and shows its reason there.
    }
  }

  const hasThread = (id: string) => messages.value[id] || chatId.value === id;

  function onEvent(event: MessengerEvent) {
    if (event.type === 'message') {
      const { chat: changed, message } = event;
      chats.value = upsertChat(chats.value, changed, event.unread, message);
      if (hasThread(changed.id)) addMessages(changed.id, [message]);
      const t = strings.value.value;
      if (message.author !== 'customer' && !announced.has(message.id)) {
        announced.add(message.id);
        // Without its strings the panel is not shown yet: nothing to announce.
        if (visible.value && t) announcement.value = message.form ? t.surveyPrompt : t.newMessage(message.authorName || services.channel.name, message.text);
        if (isOpen(changed.id)) markRead();
      }
    } else if (event.type === 'answered') {
      const { message } = event;
      if (hasThread(message.chatId)) addMessages(message.chatId, [message]);
      const t = strings.value.value;
      if (visible.value && t) announcement.value = t.surveyThanks;
    } else if (event.type === 'chat') {
      chats.value = upsertChat(chats.value, event.chat, event.unread);
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
    services,
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
    chats,
    listState,
    moreChats,
    older,
    draft,
    setDraft,
    notice,
    announcement,
    focusTick,
    survey: survey.value,
    surveyFailed: survey.failed,
    chat,
    thread,
    held,
    pending,
    loadChats,
    loadMoreChats: () => loadChats(moreChats.value),
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

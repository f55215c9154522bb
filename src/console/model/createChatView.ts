import type { ProfileValue } from '../../shared/types';
import { signal } from '@preact/signals';
import type { Priority } from '../../shared/profile/fields';
import type { Message, UserProfile } from '../../shared/types';
import type { Api } from '../api/createApi';
import type { ManagerChat } from '../../shared/managerApi';
import type { ChatDetail } from '../api/types';
import { isNewer, upsertMessages } from './chatList';
import type { LoadStatus } from './createLoader';

export type ChatView = ReturnType<typeof createChatView>;
/** What a manager changes: priority, tags, description, custom `profile.` values, the assignee. */
export type ChatEdits = {
  priority?: Priority | null;
  tags?: string[] | null;
  description?: string | null;
  assigneeId?: string | null;
  [customKey: `profile.${string}`]: ProfileValue | null | undefined;
};

/**
 * The open chat: its thread, survey link, reply draft and the manager's actions on it. Every
 * chat the server returns is also handed to `onChat`, so the list shows it at once.
 */
export function createChatView(api: Api, onChat: (chat: ManagerChat) => void) {
  const chatId = signal<string | null>(null);
  const chat = signal<ManagerChat | null>(null);
  const messages = signal<Message[]>([]);
  const csatLink = signal<string | null>(null);
  /** The customer's own profile, shown under the chat's. */
  const customerProfile = signal<UserProfile>({});
  const status = signal<LoadStatus>('idle');
  const error = signal<unknown>(null);
  /** The last refused action (reply, close, reopen), shown beside the reply box. */
  const actionError = signal<unknown>(null);
  /** The last refused profile edit, shown in the profile panel. */
  const editError = signal<unknown>(null);
  const draft = signal('');
  const busy = signal(false);
  /** The `before` cursor of older messages; null once the thread starts at its first message. */
  const older = signal<string | null>(null);
  const loadingOlder = signal(false);
  let latest = 0;

  const path = (suffix = '') => `/chats/${encodeURIComponent(chatId.peek()!)}${suffix}`;
  const setChat = (next: ManagerChat) => {
    if (next.id !== chatId.peek() || !isNewer(next, chat.peek())) return;
    chat.value = next;
  };

  async function load(quiet = false) {
    const id = ++latest;
    if (!quiet) status.value = 'loading';
    try {
      const detail = await api.get<ChatDetail>(path());
      if (id !== latest) return;
      setChat(detail.chat);
      // A quiet refresh reads the newest page again: the older pages already shown stay, cursor too.
      if (!quiet || !messages.peek().length) older.value = detail.next ?? null;
      messages.value = upsertMessages(messages.peek(), detail.messages);
      csatLink.value = detail.csatLink || null;
      customerProfile.value = detail.customerProfile || {};
      error.value = null;
      status.value = 'ready';
    } catch (caught) {
      if (id !== latest) return;
      error.value = caught;
      status.value = 'error';
    }
  }

  /** Adds the page of messages before the oldest one shown. */
  async function loadOlder() {
    const before = older.peek();
    if (!before || loadingOlder.peek()) return;
    const id = chatId.peek();
    loadingOlder.value = true;
    try {
      const detail = await api.get<ChatDetail>(path(`?before=${encodeURIComponent(before)}`));
      if (chatId.peek() !== id) return;
      messages.value = upsertMessages(messages.peek(), detail.messages);
      older.value = detail.next ?? null;
    } catch (caught) {
      if (chatId.peek() === id) error.value = caught;
    } finally {
      loadingOlder.value = false;
    }
  }

  function open(id: string | null) {
    if (id === chatId.peek()) return;
    latest++;
    chatId.value = id;
    chat.value = null;
    messages.value = [];
    csatLink.value = null;
    customerProfile.value = {};
    older.value = null;
    draft.value = '';
    actionError.value = editError.value = error.value = null;
    status.value = 'idle';
    if (id) void load();
  }

  /** Runs an action on the open chat; the chat it returns is shown here and in the list. */
  async function act(run: () => Promise<{ chat?: ManagerChat; message?: Message } | undefined>, errors = actionError) {
    const id = chatId.peek();
    busy.value = true;
    errors.value = null;
    try {
      const result = await run();
      if (chatId.peek() !== id) return true;
      if (result?.chat) {
        setChat(result.chat);
        onChat(result.chat);
      }
      if (result?.message) messages.value = upsertMessages(messages.peek(), [result.message]);
      return true;
    } catch (caught) {
      if (chatId.peek() === id) errors.value = caught;
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function send() {
    const text = draft.peek().trim();
    if (!text || !chatId.peek()) return;
    draft.value = '';
    const sent = await act(() => api.post(path('/messages'), { text }));
    if (!sent && !draft.peek()) draft.value = text;
  }

  /** A realtime event: the open chat's new state and message. */
  function apply(changed: ManagerChat, message?: Message) {
    if (changed.id !== chatId.peek()) return;
    setChat(changed);
    if (message) messages.value = upsertMessages(messages.peek(), [message]);
    // A survey was just posted: its customer link comes with the chat's detail.
    if (message?.form && !csatLink.peek()) void load(true);
  }

  return {
    chatId,
    chat,
    messages,
    csatLink,
    customerProfile,
    status,
    error,
    actionError,
    editError,
    draft,
    busy,
    older,
    loadingOlder,
    open,
    load,
    loadOlder,
    send,
    apply,
    close: () => act(() => api.post(path('/close'))),
    reopen: () => act(() => api.post(path('/open'))),
    edit: (edits: ChatEdits) => act(() => api.patch(path(), edits), editError),
  };
}

import { matchLanguage } from '../shared/matchLanguage';
import type { Appearance, BootResponse, ChatProfile, Language, RealtimeEvent, WidgetUser } from '../shared/types';
import type { BootOption, Events, User } from './commands';
import type { MessengerModule, ProfileTools } from './contract';
import type { Emitter } from './emitter';
import { createApiClient, type ApiError, type Request } from '../browser/apiClient';
import { doc, nextTask, win, whenIdle } from '../browser/env';
import { createWidgetElement, type WidgetElement } from './widgetElement';
import { createUnread } from './badge';
import { createBridge } from './createBridge';
import { createLive } from './live';
import { createLauncher, LAUNCHER_CSS, type Launcher } from './launcher';
import { createMessengerControl, type MessengerControl } from './messengerControl';
import type { RealtimeModule } from './realtime';
import { guard, warn } from '../browser/report';
import { pageView } from './pageView';
import type { PopupModule } from './popupContract';
import { createPreviews } from './previews';
import { readJson, storageKey, writeJson } from '../browser/storage';

export interface PageState {
  page?: string;
  profile: ChatProfile;
}

export interface SessionDeps {
  events: Emitter<Events>;
  loadMessenger(language: Language): Promise<MessengerModule>;
  loadProfileTools(): Promise<ProfileTools>;
  loadPopup(): Promise<PopupModule>;
  /** The live connection's code, loaded when live.ts says (the page settled, the visitor interacted, the messenger is in). */
  loadRealtime(): Promise<RealtimeModule>;
  /** The server's origin: `apiBase` of the boot option, else the SDK's default. */
  apiBase: string;
  page: PageState;
  /** Values written with updateProfile, for the next chat. */
  profile(): ChatProfile;
  newId(): string;
}

/** What the commands act on between a successful `boot` and `shutdown`. */
export interface Session {
  /** The user with the unread counts Channel Talk's `User` carries. */
  readonly user: User;
  readonly request: Request;
  /** The channel's custom chat-profile fields, as learned at boot. */
  readonly fields: NonNullable<BootResponse['profileFields']>;
  /** The chat whose thread the messenger shows, if any. */
  viewing(): string | null;
  readonly messenger: MessengerControl;
  setButtonVisible(visible: boolean): void;
  setAppearance(appearance: Appearance | null): void;
  setUser(user: WidgetUser): void;
  /** A fresh boot replaced the session that ended: its user and its live connection take over. */
  renewed(next: BootResponse): void;
  /** Removes everything; `signOut` (the page's shutdown) also ends a member's session on the server. */
  shutdown(signOut?: boolean): void;
}

export const detectLanguage = (): Language => matchLanguage((win && win.navigator.language) || '');

/**
 * Boots against the server, then builds everything a booted page has: the widget element and
 * launcher, the realtime connection, the outbox and the lazily loaded messenger.
 */
export async function startSession(option: BootOption, deps: SessionDeps, signal: AbortSignal): Promise<Session> {
  const apiBase = deps.apiBase.replace(/\/+$/, '');
  // `boot` may be called inside the page's own task (an inline call, the npm entry): storage and the
  // request wait for a task of their own.
  await nextTask();
  if (signal.aborted) throw new Error('cancelled'); // its callback has heard why
  const tokenKey = storageKey(option.pluginKey, 'session');
  let token = readJson<{ token: string }>(tokenKey)?.token;
  // The page's first storage access and its first request are each the costliest call of their
  // task: apart, neither makes a long task on a slow phone.
  await nextTask();
  if (signal.aborted) throw new Error('cancelled');
  const base = `${apiBase}/api/widget/${encodeURIComponent(option.pluginKey)}`;
  const send = createApiClient(base, () => token, signal);
  const who = {
    memberId: option.memberId,
    memberHash: option.memberHash,
    profile: option.profile,
    language: option.language || detectLanguage(),
    unsubscribeEmail: option.unsubscribeEmail ?? option.unsubscribe,
    unsubscribeTexting: option.unsubscribeTexting ?? option.unsubscribe,
  };
  const boot = await send<BootResponse>('POST', '/boot', {
    token,
    ...who,
    pageView: option.trackDefaultEvent === false ? undefined : pageView(option.trackUtmSource !== false),
  });
  if (signal.aborted) throw new Error('cancelled'); // its callback has heard why
  const keep = (next: BootResponse) => writeJson(tokenKey, { token: (token = next.token) });
  keep(boot);

  // A session that ended (expired, signed out in another tab) is replaced by a fresh boot, once
  // per burst, and the request tried again: what waits in the outbox is sent, not failed. Each
  // entry keeps its id, so a retry the server already took is not stored twice.
  let renewing: Promise<void> | undefined;
  let renewedAt = 0;
  const renew = (used: string | undefined): Promise<void> =>
    used !== token
      ? Promise.resolve() // another request renewed it already
      : !renewing && Date.now() - renewedAt < 10000
        ? Promise.reject() // refused again at once: no loop
        : (renewing ||= send<BootResponse>('POST', '/boot', who)
            .then((next) => {
              renewedAt = Date.now();
              keep(next);
              session.renewed(next);
            })
            .finally(() => (renewing = undefined)));
  const request: Request = <T>(method: string, path: string, body?: unknown) => {
    const used = token;
    return send<T>(method, path, body).catch((error: ApiError) => {
      if (error.status !== 401) throw error;
      return renew(used).then(() => send<T>(method, path, body), () => Promise.reject(error));
    });
  };
  const signOut = () => {
    // A member signing out ends the session on the server, so the token left behind opens nothing.
    if (option.memberId && token) fetch(base + '/session', { method: 'DELETE', headers: { authorization: 'Bearer ' + token }, keepalive: true, credentials: 'omit' }).catch(() => {});
    writeJson(tokenKey, (token = undefined));
  };
  const session = buildSession(option, deps, boot, request, apiBase, () => renew(token), signOut);
  return session;
}

function buildSession(
  option: BootOption,
  deps: SessionDeps,
  boot: BootResponse,
  request: Request,
  apiBase: string,
  renew: () => Promise<void>,
  signOut: () => void,
): Session {
  const { events } = deps;
  // The dispatcher read the option (validateArgs.ts): its language is one of ours already.
  const language = (option.language as Language | undefined) || boot.user.language || detectLanguage();
  const abort = new AbortController();
  const cleanups: (() => void)[] = [];
  let user = boot.user;
  let connected = false;
  const fields = boot.profileFields || [];
  const base = `${apiBase}/api/widget/${encodeURIComponent(option.pluginKey)}`;

  const element: WidgetElement = createWidgetElement(option.zIndex ?? 10000000, boot.channel.color, LAUNCHER_CSS, option.nonce);
  element.setAppearance(option.appearance || 'light');

  const unread = createUnread(boot.unread, (total) => {
    launcher.setUnread(total);
    events.emit('badgeChanged', total, total);
  });

  const onEvent = (event: RealtimeEvent) => {
    if (event.unread !== undefined) unread.set(event.chat.id, event.unread);
    bridge.forward(event);
    if (event.type === 'message' && event.message.author !== 'customer' && !messenger.isVisible()) {
      cleanups.push(whenIdle(() => messenger.prefetch()));
      const { message } = event;
      if (!option.hidePopup) previews.show({ chatId: event.chat.id, author: message.authorName || boot.channel.name, text: message.text });
    }
  };

  const live = createLive({
    load: deps.loadRealtime,
    url: apiBase.replace(/^http/, 'ws') + '/api/realtime',
    pollUrl: base + '/realtime',
    token: boot.token,
    cursor: boot.cursor,
    onRevoked: () => renew().catch(() => {}),
    onEvent,
    onConnection(online) {
      connected = online;
      bridge.forward({ type: 'connection', online });
    },
    onTyping: (frame) => bridge.forward(frame),
  });

  const createChat = async (text?: string, ids?: { chat: string; message: string }) => {
    const tools = await deps.loadProfileTools();
    const result = await tools.startChat(doc as Document, {
      text,
      page: deps.page.page,
      explicit: deps.page.profile,
      updates: deps.profile,
      pageMetadata: option.pageMetadata,
      fields,
      request,
      newId: deps.newId,
      ids,
      signal: abort.signal,
    });
    // An updateProfile made now (from onChatCreated, say) belongs to the chat that just started.
    bridge.started(result.chat.id);
    events.emit('chatCreated', result.chat);
    return result;
  };

  const outboxKey = storageKey(option.pluginKey, `outbox:${boot.user.id}`);
  const bridge = createBridge({
    get root() {
      return element.messengerRoot();
    },
    shadowRoot: element.shadowRoot,
    language,
    channel: boot.channel,
    get user() {
      return user;
    },
    get online() {
      return connected;
    },
    nonce: option.nonce,
    request,
    outboxKey,
    newId: deps.newId,
    createChat,
    markRead(chatId) {
      unread.set(chatId, 0);
      request('POST', `/chats/${encodeURIComponent(chatId)}/read`).catch((e: Error) => warn(`markRead: ${e.message}`));
    },
    typing: (chatId) => live.typing(chatId),
    hide: () => messenger.hide(),
    returnFocus: () => messenger.returnFocus(),
    urlClicked(url) {
      // Channel Talk semantics: a registered onUrlClicked takes over navigation.
      const handled = events.has('urlClicked');
      events.emit('urlClicked', url);
      return handled;
    },
  });

  const messenger: MessengerControl = createMessengerControl(
    // The messenger's code first, and its first render; its live events start at the idle time
    // right after, not seconds later (the socket resumes from the boot's cursor: nothing is lost).
    () => deps.loadMessenger(language).then((module) => (cleanups.push(whenIdle(live.connect)), module)),
    bridge.make,
    () => launcher,
    (visible) => {
      // The profile tools load when a chat starts (createChat), not with every open.
      if (visible) previews.hide();
      events.emit(visible ? 'showMessenger' : 'hideMessenger');
    },
  );

  // Pointing at or focusing the launcher announces a click: the messenger starts loading then,
  // never on a mere page view.
  const launcher: Launcher = createLauncher(element.shadowRoot, language, guard(() => messenger.toggle()), guard(() => messenger.prefetch()));

  const previews = createPreviews(
    deps.loadPopup,
    element.shadowRoot,
    { language, nonce: option.nonce, open: (chatId) => messenger.show({ chatId }) },
    () => messenger.isVisible(),
  );
  launcher.setVisible(!(option.hideChannelButtonOnBoot || option.customLauncherSelector));

  if (option.customLauncherSelector && doc) {
    const selector = option.customLauncherSelector;
    const onClick = guard((event: Event) => {
      const target = event.target as Element | null;
      if (target && target.closest && target.closest(selector)) messenger.show();
    });
    doc.addEventListener('click', onClick, true);
    cleanups.push(() => doc!.removeEventListener('click', onClick, true));
  }
  // Messages or survey answers given before a reload are still waiting: the messenger sends them.
  // Read when the page is idle: storage stays out of the boot task.
  cleanups.push(whenIdle(() => (readJson<unknown[]>(outboxKey) || readJson<unknown[]>(outboxKey + ':answers')) && messenger.prefetch()));
  unread.update();
  element.attach();

  return {
    get user() {
      // Channel Talk's shape (see User): strings where it has strings.
      const count = unread.total;
      return { ...user, memberId: user.memberId || '', name: user.name || undefined, avatarUrl: '', alert: count, unread: count };
    },
    request,
    fields,
    viewing: bridge.viewing,
    messenger,
    setUser: (next) => (user = next),
    setButtonVisible: (visible) => launcher.setVisible(visible),
    setAppearance: (appearance) => element.setAppearance(appearance || 'light'),
    renewed(next) {
      user = next.user;
      live.renewed(next.token);
    },
    shutdown(end) {
      if (end) signOut();
      abort.abort();
      live.close();
      cleanups.forEach((fn) => fn());
      previews.destroy();
      messenger.destroy();
      launcher.remove();
      element.remove();
      bridge.clear();
    },
  };
}

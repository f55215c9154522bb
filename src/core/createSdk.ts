import type { ChatProfile, Language, UserProfile, WidgetChat, WidgetUser } from '../shared/types';
import { ALIASES, type BootOption, type Events, type ResultCallback } from './commands';
import type { MessengerModule, ProfileTools } from './contract';
import { createEmitter } from './emitter';
import { callSafely, reportError, warn } from './report';
import { startSession, type PageState, type Session } from './session';
import { BOOT_KEYS, validateArgs } from './validateArgs';

export interface SdkDeps {
  /** Origin of the server, used when `boot` has no `apiBase`. */
  apiBase: string;
  /** The messenger chunk, for a panel in `language` (the script-tag build fetches its strings beside it). */
  loadMessenger(language: Language): Promise<MessengerModule>;
  loadProfileTools(): Promise<ProfileTools>;
  newId(): string;
}

/** `ChannelIO(name, ...args)`: what the script tag installs and what the ESM exports call. */
export type Dispatch = (name: string, ...args: unknown[]) => unknown;

/** Position of the result callback for the commands that take one. */
const CALLBACK_AT: Record<string, number> = { boot: 1, updateUser: 1, addTags: 1, removeTags: 1, updateProfile: 1 };
const FOLLOW_UP_KEYS = ['name', 'email', 'mobileNumber'];

/**
 * Creates one SDK instance: a dispatcher that checks every call, runs it against the booted
 * session, and holds calls made while `boot` is still on its way until it has finished.
 */
export function createSdk(deps: SdkDeps): Dispatch {
  const events = createEmitter<Events>();
  const page: PageState = { profile: {} };
  let updates: ChatProfile = {};
  let session: Session | undefined;
  /** A boot on its way, and the commands waiting for it (called with the reason when it fails). */
  type Boot = { abort: AbortController; queue: ((failure?: string) => void)[] };
  let booting: Boot | undefined;
  let bootAbort: AbortController | undefined;
  const warned = new Set<string>();

  const fail = (callback: unknown, message: string) => {
    const error = new Error(message);
    if (typeof callback === 'function') callSafely(callback as ResultCallback<never>, error, null);
    else reportError(error);
  };

  const shutdown = () => {
    booting?.abort.abort();
    bootAbort?.abort();
    session?.shutdown();
    session = booting = bootAbort = undefined;
  };

  const boot = (option: BootOption, callback?: ResultCallback<WidgetUser>) => {
    shutdown();
    const unknown = Object.keys(option).filter((key) => BOOT_KEYS.indexOf(key) < 0);
    if (unknown.length) warn(`boot: ignoring unknown option(s) ${unknown.join(', ')}`);
    const attempt: Boot = { abort: new AbortController(), queue: [] };
    booting = attempt;
    startSession(option, { ...deps, events, page, profile: () => updates }, attempt.abort.signal).then(
      (started) => {
        if (booting !== attempt) return started.shutdown();
        session = started;
        bootAbort = attempt.abort;
        booting = undefined;
        callSafely(callback, null, started.user);
        attempt.queue.forEach((run) => run());
      },
      (error: Error) => {
        if (booting !== attempt) return;
        booting = undefined;
        fail(callback, `boot: ${error.message}`);
        attempt.queue.forEach((run) => run(`boot failed: ${error.message}`));
      },
    );
  };

  const userCall = (callback: unknown, call: (s: Session) => Promise<{ user: WidgetUser }>, before?: UserProfile) =>
    withSession(callback, (s) =>
      call(s).then(
        ({ user }) => {
          s.setUser(user);
          callSafely(callback as ResultCallback<WidgetUser>, null, user);
          if (before && FOLLOW_UP_KEYS.some((k) => k in before)) events.emit('followUpChanged', user.profile);
        },
        (error: Error) => fail(callback, error.message),
      ),
    );

  /**
   * Checks the values against the channel's schema before anything travels, keeps them for the
   * next chat, and writes them at once to the chat the messenger shows.
   */
  const writeProfile = async (s: Session, profile: ChatProfile, cb?: ResultCallback<ChatProfile>) => {
    const tools = await deps.loadProfileTools();
    const check = tools.validateProfile(profile, s.fields.filter((f) => !f.archived), 'sdk');
    if (!check.ok) return fail(cb, `updateProfile: ${check.message}`);
    updates = { ...updates, ...check.profile };
    const chatId = s.viewing();
    if (!chatId) return callSafely(cb, null, { ...updates });
    const { chat } = await s.request<{ chat: WidgetChat }>('PATCH', `/chats/${encodeURIComponent(chatId)}/profile`, { profile: check.profile });
    callSafely(cb, null, chat.profile);
  };

  // Commands that need a booted session run now, wait for a boot in progress, or explain.
  const withSession = (callback: unknown, run: (s: Session) => unknown) => {
    if (session) return void run(session);
    if (booting) return void booting.queue.push((failure) => (session ? run(session) : fail(callback, failure || 'the SDK was shut down')));
    fail(callback, 'the SDK is not booted: call boot first');
  };

  const commands: Record<string, (...args: never[]) => unknown> = {
    boot,
    shutdown,
    showMessenger: () => withSession(0, (s) => s.messenger.show()),
    hideMessenger: () => withSession(0, (s) => s.messenger.hide()),
    openChat: (chatId?: string | number | null, message?: string | null) =>
      withSession(0, (s) => s.messenger.show(chatId != null && chatId !== '' ? { chatId: String(chatId) } : message ? { message } : { newChat: true })),
    track: (name: string, properties?: Record<string, unknown>) =>
      withSession(0, (s) => s.request('POST', '/events', { name, properties }).catch((e: Error) => warn(`track: ${e.message}`))),
    updateUser: (user: { profile?: UserProfile }, cb?: unknown) => userCall(cb, (s) => s.request('PATCH', '/user', user), user.profile),
    addTags: (tags: string[], cb?: unknown) => userCall(cb, (s) => s.request('POST', '/user/tags', { add: tags })),
    removeTags: (tags: string[], cb?: unknown) => userCall(cb, (s) => s.request('POST', '/user/tags', { remove: tags })),
    setPage: (url: string, profile?: ChatProfile) => {
      page.page = url;
      page.profile = profile || {};
    },
    resetPage: () => {
      page.page = undefined;
      page.profile = {};
    },
    updateProfile: (profile: ChatProfile, cb?: ResultCallback<ChatProfile>) =>
      withSession(cb, (s) => writeProfile(s, profile, cb).catch((error: Error) => fail(cb, `updateProfile: ${error.message}`))),
    showChannelButton: () => withSession(0, (s) => s.setButtonVisible(true)),
    hideChannelButton: () => withSession(0, (s) => s.setButtonVisible(false)),
    setAppearance: (appearance: BootOption['appearance']) => withSession(0, (s) => s.setAppearance(appearance ?? null)),
    onShowMessenger: (cb: () => void) => events.on('showMessenger', cb),
    onHideMessenger: (cb: () => void) => events.on('hideMessenger', cb),
    onBadgeChanged: (cb: (u: number, a: number) => void) => events.on('badgeChanged', cb),
    onChatCreated: (cb: Events['chatCreated'] extends [infer C] ? (chat: C) => void : never) => events.on('chatCreated', cb),
    onFollowUpChanged: (cb: (p: UserProfile) => void) => events.on('followUpChanged', cb),
    onUrlClicked: (cb: (url: string) => void) => events.on('urlClicked', cb),
    clearCallbacks: () => events.clear(),
  };

  return (name, ...args) => {
    try {
      if (name === 'openSupportBot') args = [undefined, args[1]];
      const command = (ALIASES as Record<string, string>)[name] || name;
      if (!Object.prototype.hasOwnProperty.call(commands, command)) {
        if (!warned.has(name)) warn(`unknown command '${String(name)}' ignored`);
        warned.add(name);
        return undefined;
      }
      const problem = validateArgs(command, args);
      if (problem) return fail(args[CALLBACK_AT[command]], problem);
      return (commands[command] as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      reportError(error);
      return undefined;
    }
  };
}

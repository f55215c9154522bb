import type { ChatProfile, Language, WidgetUser } from '../shared/types';
import type { ApiError } from '../browser/apiClient';
import { ALIASES, type Api, type BootOption, type CommandName, type Events, type ResultCallback, type User } from './commands';
import type { MessengerModule, ProfileTools } from './contract';
import { createEmitter } from './emitter';
import { win } from '../browser/env';
import type { PopupModule } from './popupContract';
import type { RealtimeModule } from './realtime';
import { callSafely, reportError, warn } from '../browser/report';
import { startSession, type PageState, type Session } from './session';
import { validateArgs } from './validateArgs';

export interface SdkDeps {
  /** Origin of the server, used when `boot` has no `apiBase`; the npm entry has none to guess. */
  apiBase?: string;
  /** The messenger chunk, for a panel in `language` (the script-tag build fetches its strings beside it). */
  loadMessenger(language: Language): Promise<MessengerModule>;
  loadProfileTools(): Promise<ProfileTools>;
  /** The preview card of new messages, loaded with the first one that arrives while the messenger is closed. */
  loadPopup(): Promise<PopupModule>;
  /** The live connection (realtime.ts), loaded when live.ts says: the page settled, the visitor interacted, or the messenger is in. */
  loadRealtime(): Promise<RealtimeModule>;
  newId(): string;
}

/** `ChannelIO(name, ...args)`: what the script tag installs and what the ESM exports call. */
export type Dispatch = (name: string, ...args: unknown[]) => unknown;

/** The commands whose second argument is a result callback. */
const WITH_CALLBACK = /^(boot|updateUser|addTags|removeTags|updateProfile)$/;
/** How long boot waits for the server's answer before calling back with an Error (30 s). */
const BOOT_TIMEOUT_MS = 3e4;
const FOLLOW_UP_KEYS = ['name', 'email', 'mobileNumber'];
/** Commands that need no booted session. */
const SESSIONLESS = /^(boot|shutdown|setPage|resetPage|clearCallbacks|on[A-Z]\w*)$/;
/**
 * Set on `window` while an SDK of the page has a boot under way or done, so that a second copy
 * (the npm entry beside the script tag) boots no second widget.
 */
const WIDGET = Symbol.for('sangdam.widget');

/**
 * Creates one SDK instance: a dispatcher that reads every call, runs it against the booted
 * session, and holds calls made while `boot` is still on its way until it has finished.
 */
export function createSdk(deps: SdkDeps): Dispatch {
  const events = createEmitter<Events>();
  const page: PageState = { profile: {} };
  // An SDK is made only where there is a window (the script tag, the npm entry in a browser).
  const marks = win as unknown as Record<symbol, unknown>;
  const self = {};
  let updates: ChatProfile = {};
  let session: Session | undefined;
  let sessionAbort: AbortController | undefined;
  /** A boot on its way, and the commands waiting for it (called with the reason when it fails). */
  type Boot = { abort: AbortController; callback?: ResultCallback<User>; queue: ((failure?: string) => void)[]; timer?: ReturnType<typeof setTimeout> };
  let booting: Boot | undefined;
  const warned = new Set<string>();
  const warnOnce = (message: string) => {
    if (!warned.has(message)) warn(message);
    warned.add(message);
  };

  const fail = (callback: unknown, message: string) => {
    const error = new Error(message);
    if (typeof callback === 'function') callSafely(callback as ResultCallback<never>, error, null);
    else reportError(error);
  };

  /** Ends the boot under way, if any: its callback and the commands waiting for it learn why. */
  const cancelBoot = (reason: string) => {
    const attempt = booting;
    booting = undefined;
    if (!attempt) return;
    clearTimeout(attempt.timer);
    attempt.abort.abort();
    callSafely(attempt.callback, new Error(reason), null);
    attempt.queue.forEach((run) => run(reason));
  };

  const release = () => {
    if (marks[WIDGET] === self) delete marks[WIDGET];
  };

  const shutdown = (signOut?: boolean) => {
    cancelBoot('boot: shut down before it finished');
    sessionAbort?.abort();
    session?.shutdown(signOut);
    session = sessionAbort = undefined;
    release();
  };

  const boot = (option: BootOption, callback?: ResultCallback<User>) => {
    cancelBoot('boot: superseded by a later boot');
    shutdown();
    const apiBase = option.apiBase || deps.apiBase;
    if (!apiBase) return fail(callback, 'boot: option.apiBase is required: the address of your Sangdam server');
    if (marks[WIDGET]) {
      const message = 'boot: another Sangdam SDK on this page has booted; this one stays off';
      warnOnce(message);
      return callSafely(callback, new Error(message), null);
    }
    marks[WIDGET] = self;
    const attempt: Boot = { abort: new AbortController(), callback, queue: [] };
    booting = attempt;
    // A server that takes the request and never answers must not leave the callback waiting.
    attempt.timer = setTimeout(() => {
      cancelBoot(`boot: no answer from the Sangdam server at ${apiBase} within 30 s`);
      release();
    }, BOOT_TIMEOUT_MS);
    startSession(option, { ...deps, apiBase, events, page, profile: () => updates }, attempt.abort.signal).then(
      (started) => {
        if (booting !== attempt) return started.shutdown();
        clearTimeout(attempt.timer);
        session = started;
        sessionAbort = attempt.abort;
        booting = undefined;
        callSafely(callback, null, started.user);
        attempt.queue.forEach((run) => run());
      },
      (error: ApiError) => {
        if (booting !== attempt) return; // its callback has heard why already
        clearTimeout(attempt.timer);
        booting = undefined;
        release();
        // The server's refusals name the key or the origin and the channel; a network failure, where.
        const reason = error.code === 'network' ? `could not reach the Sangdam server at ${apiBase}` : error.message;
        fail(callback, `boot: ${reason}`);
        attempt.queue.forEach((run) => run(`boot failed: ${reason}`));
      },
    );
  };

  const userCall = (callback: unknown, call: (s: Session) => Promise<{ user: WidgetUser }>, before?: object) =>
    withSession(callback, (s) =>
      call(s).then(
        ({ user }) => {
          s.setUser(user);
          callSafely(callback as ResultCallback<User>, null, s.user);
          if (before && FOLLOW_UP_KEYS.some((k) => k in before)) events.emit('followUpChanged', user.profile);
        },
        (error: Error) => fail(callback, error.message),
      ),
    );

  /** Checked and kept for the next chat, and written at once to the chat the messenger shows (profile.js). */
  const writeProfile = async (s: Session, profile: ChatProfile, cb?: ResultCallback<ChatProfile>) => {
    const tools = await deps.loadProfileTools();
    const written = await tools.writeProfile(profile, s.fields, s.viewing(), s.request, (kept) => (updates = { ...updates, ...kept }));
    if (typeof written === 'string') fail(cb, `updateProfile: ${written}`);
    else callSafely(cb, null, written || { ...updates });
  };

  // Commands that need a booted session run now or wait for the boot in progress (the dispatcher
  // has answered those made with neither).
  const withSession = (callback: unknown, run: (s: Session) => unknown) => {
    if (session) run(session);
    else booting?.queue.push((failure) => (session ? run(session) : fail(callback, failure || 'the SDK was shut down')));
  };

  const commands = {
    boot,
    // The page's own shutdown signs a member out; a boot replacing the session does not.
    shutdown: () => shutdown(true),
    showMessenger: () => withSession(0, (s) => s.messenger.show()),
    hideMessenger: () => withSession(0, (s) => s.messenger.hide()),
    openChat: (chatId, message) =>
      withSession(0, (s) => s.messenger.show(chatId != null && chatId !== '' ? { chatId: String(chatId) } : message ? { message } : { newChat: true })),
    openWorkflow: () => {
      warnOnce('openWorkflow: Sangdam has no workflows; opening the messenger');
      withSession(0, (s) => s.messenger.show());
    },
    track: (name, properties) =>
      withSession(0, (s) => s.request('POST', '/events', { name, properties }).catch((e: Error) => warn(`track: ${e.message}`))),
    updateUser: (user, cb) => userCall(cb, (s) => s.request('PATCH', '/user', user), user.profile || undefined),
    addTags: (tags, cb) => userCall(cb, (s) => s.request('POST', '/user/tags', { add: tags })),
    removeTags: (tags, cb) => userCall(cb, (s) => s.request('POST', '/user/tags', { remove: tags })),
    setPage: (url, profile) => {
      // A page that could not be read was left out (with a warning): the page stays as it was.
      if (url) page.page = url;
      page.profile = (profile as ChatProfile) || {}; // checked by validateArgs
    },
    resetPage: () => {
      page.page = undefined;
      page.profile = {};
    },
    updateProfile: (profile, cb) =>
      withSession(cb, (s) => writeProfile(s, profile, cb).catch((error: Error) => fail(cb, `updateProfile: ${error.message}`))),
    showChannelButton: () => withSession(0, (s) => s.setButtonVisible(true)),
    hideChannelButton: () => withSession(0, (s) => s.setButtonVisible(false)),
    setAppearance: (appearance) => withSession(0, (s) => s.setAppearance(appearance)),
    onShowMessenger: (cb) => events.on('showMessenger', cb),
    onHideMessenger: (cb) => events.on('hideMessenger', cb),
    onBadgeChanged: (cb) => events.on('badgeChanged', cb),
    onChatCreated: (cb) => events.on('chatCreated', cb),
    onFollowUpChanged: (cb) => events.on('followUpChanged', cb),
    onUrlClicked: (cb) => events.on('urlClicked', cb),
    clearCallbacks: () => events.clear(),
  } satisfies { [K in CommandName]: (...args: Parameters<Api[K]>) => ReturnType<Api[K]> | void };

  return (name, ...args) => {
    try {
      if (name === 'openSupportBot') args = [undefined, args[1]];
      const command = ((ALIASES as Record<string, string>)[name] || name) as CommandName;
      if (!Object.prototype.hasOwnProperty.call(commands, command)) {
        warnOnce(`unknown command '${String(name)}' ignored`);
        return undefined;
      }
      const problem = validateArgs(command, args, warnOnce);
      const callback = WITH_CALLBACK.test(command) ? args[1] : undefined;
      if (problem) return fail(callback, problem);
      if (!session && !booting && !SESSIONLESS.test(command)) {
        // Common in route handlers that run before boot: a line on the console, not a stack trace.
        const message = `${name}: call boot first`;
        warn(message);
        if (typeof callback === 'function') callSafely(callback as ResultCallback<never>, new Error(message), null);
        return undefined;
      }
      return (commands[command] as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      reportError(error);
      return undefined;
    }
  };
}

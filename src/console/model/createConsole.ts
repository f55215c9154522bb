import { computed, effect, signal, untracked } from '@preact/signals';
import { chatKeyTypeOf, DEFAULT_CSAT_SETTINGS, mergeCsatSettings, type ChatKeyType, type CsatSettings, type RuleProblem } from '../../shared/csat/settings';
import { validateOperatingHours, type OperatingHours } from '../../shared/operatingHours';
import { validateGoal } from '../../shared/goal';
import { createApi } from '../api/createApi';
import { realtimeUrl, type LiveStatus } from '../api/connectRealtime';
import type { ChannelGoal } from '../../shared/managerApi';
import { stringsFor } from '../i18n';
import { filterQuery } from './chatFilter';
import { createChatView } from './createChatView';
import { createDownloads } from './createDownloads';
import { createFieldEditor } from './createFieldEditor';
import { createInbox } from './createInbox';
import { createLanguage } from './createLanguage';
import { createLive } from './createLive';
import { createProfileSchema } from './createProfileSchema';
import { createRouter } from './createRouter';
import { createSession } from './createSession';
import { createSettingsForm } from './createSettingsForm';
import { createStatsView } from './createStatsView';
import { createTeam } from './createTeam';
import { createUnread } from './createUnread';
import { createNotices } from './createNotices';
import { createSavedReplies } from './createSavedReplies';
import { createTeamAdmin } from './createTeamAdmin';

export interface ConsoleDeps {
  window: Window;
  /**
   * Where the server is: its origin and any path prefix, without a trailing slash
   * (`https://example.com/chat`); the page's origin by default.
   */
  base?: string;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
}

export type Console = ReturnType<typeof createConsole>;

function storage(win: Window, name: 'sessionStorage' | 'localStorage'): Storage | null {
  try {
    return win[name];
  } catch {
    return null;
  }
}

/**
 * The whole console's state as signals models and the actions that change them. Components read
 * these and call these; `start` runs the effects that load what the route shows and keep the
 * realtime stream open while a token is held.
 */
export function createConsole(deps: ConsoleDeps) {
  const win = deps.window;
  const session = createSession(storage(win, 'sessionStorage'));
  const language = createLanguage(win, storage(win, 'localStorage'));
  const t = computed(() => stringsFor(language.value.value));
  const router = createRouter(win);
  const api = createApi({ token: () => session.token.peek(), onUnauthorized: session.refuse, fetch: deps.fetch, base: deps.base });
  const filter = computed(() => router.route.value.filter);
  // Compared by value, so choosing a chat neither reloads the list nor reopens the page.
  const filterKey = computed(() => filterQuery(filter.value));
  const page = computed(() => router.route.value.page);
  const chatId = computed(() => router.route.value.chatId);
  const team = createTeam(api);
  const savedReplies = createSavedReplies(api);
  const teamAdmin = createTeamAdmin(api);
  const unread = createUnread(api, win, computed(() => (session.token.value ? chatId.value : null)));
  const inbox = createInbox(api, filter, computed(() => team.me.value?.id ?? null), unread.fromPage);
  const chatView = createChatView(api, inbox.apply);
  const schema = createProfileSchema(api);
  const fieldEditor = createFieldEditor(api, schema);
  // The server reports what no longer fits the schema beside the rule; the check drops it before a PUT.
  // Chat conditions are checked against the schema as the server does, conditions saved before excepted.
  const chatKeyType: ChatKeyType = (key) => chatKeyTypeOf(schema.fields.peek())(key);
  const csatRule = createSettingsForm<CsatSettings & { problems?: RuleProblem[] }>(api, '/csat-settings', (draft, stored) => {
    const saved = { ...DEFAULT_CSAT_SETTINGS, filters: { ...DEFAULT_CSAT_SETTINGS.filters, chat: stored?.filters.chat ?? [] } };
    const merged = mergeCsatSettings(saved, draft, schema.status.peek() === 'ready' ? chatKeyType : undefined);
    return merged.ok ? { ok: true, value: merged.settings } : merged;
  });
  const hours = createSettingsForm<OperatingHours>(api, '/operating-hours', (draft) => {
    const checked = validateOperatingHours(draft);
    return checked.ok ? { ok: true, value: checked.hours } : checked;
  });
  const goal = createSettingsForm<ChannelGoal>(api, '/goal', (draft) => {
    const checked = validateGoal(draft);
    return checked.ok ? { ok: true, value: checked.goal } : checked;
  });
  const statsView = createStatsView(api);
  const stats = statsView.csat;
  const downloads = createDownloads(api, win.document);
  const announcement = signal('');
  const liveStatus = signal<LiveStatus>('offline');
  const signingIn = signal(false);
  const signInError = signal<unknown>(null);
  /** The time rows count waiting from, a minute at a time. */
  const now = signal(Date.now());
  const notices = createNotices({ win, storage: storage(win, 'localStorage'), t, me: computed(() => team.me.value?.id ?? null), openChatId: chatId });
  const live = createLive({
    url: realtimeUrl(deps.base ?? win.location.origin),
    WebSocket: deps.WebSocket,
    session,
    inbox,
    chatView,
    t,
    status: liveStatus,
    announcement,
    onMessage: (chat, message) => {
      notices.onMessage(chat, message);
      unread.onMessage(chat, message);
    },
  });

  /** Runs one sign-in attempt at a time; its refusal is shown on the form. */
  async function attempt(work: () => Promise<string>) {
    if (signingIn.peek()) return;
    signingIn.value = true;
    signInError.value = null;
    try {
      session.accept(await work());
    } catch (error) {
      // A refused token has already sent the session back to the sign-in with "refused".
      if (session.refused.peek()) return;
      signInError.value = error;
    } finally {
      signingIn.value = false;
    }
  }

  /** With an API token (MANAGER_TOKEN or one a manager made). */
  async function signIn(token: string) {
    const value = token.trim();
    if (value) await attempt(() => api.check(value).then(() => value));
  }

  /** With an account's email and password. */
  async function signInWithPassword(email: string, password: string) {
    if (email.trim() && password) await attempt(() => api.signIn(email.trim(), password).then((body) => body.token));
  }

  /** Ends a console sign-in on the server too; a token (not a sign-in) is only forgotten here. */
  async function signOut() {
    if (team.me.peek() && team.signedInWithPassword.peek()) await api.delete('/session').catch(() => undefined);
    session.signOut();
  }

  /** Runs `load` whenever the signals it is given change, while signed in. */
  const whenSignedIn = (read: () => boolean, load: () => unknown) =>
    effect(() => {
      if (session.token.value && read()) untracked(load);
    });

  function start(): () => void {
    const clock = win.setInterval(() => (now.value = Date.now()), 60_000);
    const stops = [
      () => win.clearInterval(clock),
      router.start(),
      notices.start(),
      unread.start(),
      language.start(),
      live.start(),
      whenSignedIn(() => true, () => (schema.load(), team.load(), savedReplies.load())),
      whenSignedIn(() => (void filterKey.value, page.value === 'inbox'), () => inbox.load()),
      effect(() => {
        const id = session.token.value ? chatId.value : null;
        untracked(() => chatView.open(id));
      }),
      whenSignedIn(() => page.value === 'settings', () => (csatRule.load(), hours.load(), goal.load())),
      whenSignedIn(() => (void statsView.rangeKey.value, page.value === 'stats'), () => stats.load()),
      whenSignedIn(() => (void statsView.breakdownKey.value, page.value === 'stats'), () => statsView.breakdown.load()),
      effect(() => {
        if (session.token.value) return;
        team.clear();
        notices.clear();
        unread.clear();
        inbox.chats.value = [];
        announcement.value = '';
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }

  return {
    win,
    t,
    language,
    session,
    router,
    api,
    inbox,
    chatView,
    schema,
    fieldEditor,
    csatRule,
    hours,
    goal,
    stats,
    statsView,
    downloads,
    announcement,
    liveStatus,
    signingIn,
    signInError,
    signIn,
    signInWithPassword,
    signOut,
    team,
    savedReplies,
    teamAdmin,
    notices,
    unread,
    live,
    now,
    start,
  };
}

import type { Appearance, ChatProfile, UserProfile, WidgetChat } from '../shared/types';

export type Unsubscribe = () => void;
export type ResultCallback<T> = (error: Error | null, result: T | null) => void;

/** The user's profile as a page passes it: `undefined` values are dropped, as JSON drops them. */
export type Profile = { [key: string]: string | string[] | number | number[] | boolean | null | undefined };

/** Properties of a `track` event; `undefined` values are dropped. */
export type EventProperty = { [key: string]: string | number | boolean | null | undefined };

/**
 * The user that `boot`, `updateUser`, `addTags` and `removeTags` call back with, shaped as Channel
 * Talk's declarations shape it, so code typed against them compiles: an anonymous visitor's
 * `memberId` is `''`, a user without a name has no `name`, `avatarUrl` is `''` (no avatars here).
 */
export interface User {
  id: string;
  memberId: string;
  name?: string;
  language: string;
  profile: Profile;
  tags: string[];
  unsubscribeEmail: boolean;
  unsubscribeTexting: boolean;
  /** Manager and bot messages the customer has not read (every one counts as an alert). */
  alert: number;
  /** The same count as `alert`. */
  unread: number;
  avatarUrl: string;
}

/** What `updateUser` changes; `null` for `profile` or `tags` leaves that part as it is. */
export interface UpdateUserInfo {
  language?: string;
  profile?: Profile | null;
  profileOnce?: Profile;
  tags?: string[] | null;
  unsubscribeEmail?: boolean;
  unsubscribeTexting?: boolean;
}

/** The contact details `onFollowUpChanged` reports when the customer changes them. */
export interface FollowUpProfile {
  name?: string | null;
  mobileNumber?: string | null;
  email?: string | null;
}

/** Options of `boot`, compatible with Channel Talk's, plus `apiBase`, `nonce` and `pageMetadata`. */
export interface BootOption {
  pluginKey: string;
  /** A signed-in customer; `''`, `null` or no value boots an anonymous visitor. */
  memberId?: string | number | null;
  memberHash?: string | null;
  profile?: Profile | null;
  /** Any BCP 47 tag; the closest of ko, en and ja is used (English when none is close). */
  language?: string;
  appearance?: Appearance | null;
  customLauncherSelector?: string;
  hideChannelButtonOnBoot?: boolean;
  /** No previews of new messages beside the launcher while the messenger is closed. */
  hidePopup?: boolean;
  zIndex?: number;
  trackDefaultEvent?: boolean;
  trackUtmSource?: boolean;
  /** Both of the two below. */
  unsubscribe?: boolean;
  unsubscribeEmail?: boolean;
  unsubscribeTexting?: boolean;
  /** The Sangdam server (origin and any path prefix); the script tag defaults to the folder `sdk.js` was loaded from. */
  apiBase?: string;
  /** CSP nonce given to the style elements the widget creates when constructed sheets are unavailable. */
  nonce?: string;
  /** Where product metadata is read from when a chat starts; `false` turns capture off. */
  pageMetadata?: false | Record<string, string | null>;
}

/**
 * Every command, by the name a host page calls it with: `ChannelIO('showMessenger')` or
 * `import { showMessenger } from 'sangdam'`. Queued calls and the dispatcher are typed from it.
 */
export interface Api {
  boot(option: BootOption, callback?: ResultCallback<User>): void;
  shutdown(): void;
  showMessenger(): void;
  hideMessenger(): void;
  openChat(chatId?: string | number, message?: string): void;
  /** Channel Talk's workflows have no counterpart here: opens the messenger. */
  openWorkflow(workflowId: string): void;
  track(eventName: string, properties?: EventProperty): void;
  updateUser(user: UpdateUserInfo, callback?: ResultCallback<User>): void;
  addTags(tags: string[], callback?: ResultCallback<User>): void;
  removeTags(tags: string[], callback?: ResultCallback<User>): void;
  /** `chatProfile` is checked against the channel's schema when the chat starts (Channel Talk types it loosely). */
  setPage(page: string, chatProfile?: Record<string, unknown>): void;
  resetPage(): void;
  showChannelButton(): void;
  hideChannelButton(): void;
  setAppearance(appearance: Appearance | null): void;
  updateProfile(chatProfile: ChatProfile, callback?: ResultCallback<ChatProfile>): void;
  onShowMessenger(callback: () => void): Unsubscribe;
  onHideMessenger(callback: () => void): Unsubscribe;
  onBadgeChanged(callback: (unread: number, alert: number) => void): Unsubscribe;
  onChatCreated(callback: (chat: WidgetChat) => void): Unsubscribe;
  onFollowUpChanged(callback: (profile: FollowUpProfile) => void): Unsubscribe;
  onUrlClicked(callback: (url: string) => void): Unsubscribe;
  clearCallbacks(): void;
}

export type CommandName = keyof Api;

/** Channel Talk's older names, still found in snippets in the wild. */
export const ALIASES = {
  show: 'showMessenger',
  hide: 'hideMessenger',
  onShow: 'onShowMessenger',
  onHide: 'onHideMessenger',
  onChangeBadge: 'onBadgeChanged',
  onCreateChat: 'onChatCreated',
  openSupportBot: 'openChat',
} as const satisfies Record<string, CommandName>;

export const COMMAND_NAMES = [
  'boot', 'shutdown', 'showMessenger', 'hideMessenger', 'openChat', 'openWorkflow', 'track', 'updateUser', 'addTags',
  'removeTags', 'setPage', 'resetPage', 'showChannelButton', 'hideChannelButton', 'setAppearance',
  'updateProfile', 'onShowMessenger', 'onHideMessenger', 'onBadgeChanged', 'onChatCreated',
  'onFollowUpChanged', 'onUrlClicked', 'clearCallbacks',
] as const satisfies readonly CommandName[];

/** Does not compile when a command of Api is missing from COMMAND_NAMES. */
export const ALL_COMMANDS_LISTED: [Exclude<CommandName, (typeof COMMAND_NAMES)[number]>] extends [never] ? true : never = true;

/** Events the host page can subscribe to with the `on…` commands. */
export interface Events {
  showMessenger: [];
  hideMessenger: [];
  badgeChanged: [unread: number, alert: number];
  chatCreated: [chat: WidgetChat];
  followUpChanged: [profile: UserProfile];
  urlClicked: [url: string];
}

import type { Appearance, ChatProfile, Language, UpdateUserRequest, UserProfile, WidgetChat, WidgetUser } from '../shared/types';

export type Unsubscribe = () => void;
export type ResultCallback<T> = (error: Error | null, result: T | null) => void;

/** Options of `boot`, compatible with Channel Talk's, plus `apiBase`, `nonce` and `pageMetadata`. */
export interface BootOption {
  pluginKey: string;
  memberId?: string;
  memberHash?: string;
  profile?: UserProfile;
  language?: Language;
  appearance?: Appearance | null;
  customLauncherSelector?: string;
  hideChannelButtonOnBoot?: boolean;
  zIndex?: number;
  trackDefaultEvent?: boolean;
  trackUtmSource?: boolean;
  /** Origin of the Sangdam server; defaults to the origin `sdk.js` was loaded from. */
  apiBase?: string;
  /** CSP nonce given to the style elements the widget creates when constructed sheets are unavailable. */
  nonce?: string;
  /** Where product metadata is read from when a chat starts; `false` turns capture off. */
  pageMetadata?: false | Record<string, string>;
}

/**
 * Every command, by the name a host page calls it with: `ChannelIO('showMessenger')` or
 * `import { showMessenger } from 'sangdam'`. Queued calls and the dispatcher are typed from it.
 */
export interface Api {
  boot(option: BootOption, callback?: ResultCallback<WidgetUser>): void;
  shutdown(): void;
  showMessenger(): void;
  hideMessenger(): void;
  openChat(chatId?: string | number, message?: string): void;
  track(eventName: string, properties?: Record<string, unknown>): void;
  updateUser(user: UpdateUserRequest, callback?: ResultCallback<WidgetUser>): void;
  addTags(tags: string[], callback?: ResultCallback<WidgetUser>): void;
  removeTags(tags: string[], callback?: ResultCallback<WidgetUser>): void;
  setPage(page: string, chatProfile?: ChatProfile): void;
  resetPage(): void;
  showChannelButton(): void;
  hideChannelButton(): void;
  setAppearance(appearance: Appearance | null): void;
  updateProfile(chatProfile: ChatProfile, callback?: ResultCallback<ChatProfile>): void;
  onShowMessenger(callback: () => void): Unsubscribe;
  onHideMessenger(callback: () => void): Unsubscribe;
  onBadgeChanged(callback: (unread: number, alert: number) => void): Unsubscribe;
  onChatCreated(callback: (chat: WidgetChat) => void): Unsubscribe;
  onFollowUpChanged(callback: (profile: UserProfile) => void): Unsubscribe;
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
  'boot', 'shutdown', 'showMessenger', 'hideMessenger', 'openChat', 'track', 'updateUser', 'addTags',
  'removeTags', 'setPage', 'resetPage', 'showChannelButton', 'hideChannelButton', 'setAppearance',
  'updateProfile', 'onShowMessenger', 'onHideMessenger', 'onBadgeChanged', 'onChatCreated',
  'onFollowUpChanged', 'onUrlClicked', 'clearCallbacks',
] as const satisfies readonly CommandName[];

/** Fails to compile when a command of Api is missing from COMMAND_NAMES. */
export type AllCommandsListed = [Exclude<CommandName, (typeof COMMAND_NAMES)[number]>] extends [never] ? true : never;

/** Events the host page can subscribe to with the `on…` commands. */
export interface Events {
  showMessenger: [];
  hideMessenger: [];
  badgeChanged: [unread: number, alert: number];
  chatCreated: [chat: WidgetChat];
  followUpChanged: [profile: UserProfile];
  urlClicked: [url: string];
}

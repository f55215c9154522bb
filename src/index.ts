/**
 * The npm entry: `import { boot, showMessenger } from 'sangdam'`, or Channel Talk's loader style,
 * `import * as ChannelService from 'sangdam'`. Re-exports only; every public name is listed here.
 */
export {
  boot, shutdown, showMessenger, hideMessenger, openChat, openWorkflow, track, updateUser, addTags, removeTags,
  setPage, resetPage, showChannelButton, hideChannelButton, setAppearance, updateProfile,
  onShowMessenger, onHideMessenger, onBadgeChanged, onChatCreated, onFollowUpChanged, onUrlClicked,
  clearCallbacks,
} from './npm/exports';
export { loadScript, type LoadScriptOption } from './npm/loadScript';
export type { Api, ResultCallback, Unsubscribe } from './core/commands';
export type {
  Appearance, BadgeChangedCallback, BootOption, Callback, EventProperty, FollowUpChangedCallback, FollowUpProfile,
  Profile, UpdateUserInfo, UrlClickedCallback, User,
} from './npm/loaderTypes';
export type {
  Author, Chat, ChatProfile, ChatState, CsatAnswer, CsatForm, Language, Message, ProfileValue, UserProfile, WidgetChat,
  WidgetUser,
} from './shared/types';

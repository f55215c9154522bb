/**
 * The npm entry: `import { boot, showMessenger } from 'sangdam'`. Re-exports only.
 */
export {
  boot, shutdown, showMessenger, hideMessenger, openChat, openWorkflow, track, updateUser, addTags, removeTags,
  setPage, resetPage, showChannelButton, hideChannelButton, setAppearance, updateProfile,
  onShowMessenger, onHideMessenger, onBadgeChanged, onChatCreated, onFollowUpChanged, onUrlClicked,
  clearCallbacks,
} from './core/exports';
export type { Api, BootOption, Unsubscribe, ResultCallback } from './core/commands';
export type * from './shared/types';

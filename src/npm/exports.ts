import type { Api } from '../core/commands';
import { command } from './api';

/** Starts the widget for this visitor: `boot({ pluginKey, apiBase }, (error, user) => …)`. */
export const boot: Api['boot'] = command('boot');
/** Removes every node, listener, timer and socket the widget made. */
export const shutdown: Api['shutdown'] = command('shutdown');
/** Opens the messenger. */
export const showMessenger: Api['showMessenger'] = command('showMessenger');
/** Closes the messenger. */
export const hideMessenger: Api['hideMessenger'] = command('hideMessenger');
/** Opens a chat by id, or a new chat with `message` in the composer. */
export const openChat: Api['openChat'] = command('openChat');
/** Accepted for Channel Talk code: opens the messenger (workflows have no counterpart here). */
export const openWorkflow: Api['openWorkflow'] = command('openWorkflow');
/** Records an event (name of at most 30 characters) with its properties. */
export const track: Api['track'] = command('track');
/** Updates the user: language, profile, profileOnce, tags, unsubscribeEmail, unsubscribeTexting. */
export const updateUser: Api['updateUser'] = command('updateUser');
/** Adds tags to the user. */
export const addTags: Api['addTags'] = command('addTags');
/** Removes tags from the user. */
export const removeTags: Api['removeTags'] = command('removeTags');
/** The page (and chat-profile values) the chat that starts next records. */
export const setPage: Api['setPage'] = command('setPage');
/** Back to the page's own URL and no page profile values. */
export const resetPage: Api['resetPage'] = command('resetPage');
/** Shows the launcher. */
export const showChannelButton: Api['showChannelButton'] = command('showChannelButton');
/** Hides the launcher. */
export const hideChannelButton: Api['hideChannelButton'] = command('hideChannelButton');
/** The widget's theme: `light`, `dark`, `system`, or `null` for the default. */
export const setAppearance: Api['setAppearance'] = command('setAppearance');
/** Chat-profile values for the chat that starts next and, when one is shown, for that chat at once. */
export const updateProfile: Api['updateProfile'] = command('updateProfile');
/** Calls back when the messenger opens; returns the unsubscribe. */
export const onShowMessenger: Api['onShowMessenger'] = command('onShowMessenger');
/** Calls back when the messenger closes; returns the unsubscribe. */
export const onHideMessenger: Api['onHideMessenger'] = command('onHideMessenger');
/** Calls back with `(unread, alert)` after boot and on every change; returns the unsubscribe. */
export const onBadgeChanged: Api['onBadgeChanged'] = command('onBadgeChanged');
/** Calls back with the chat when the customer starts one; returns the unsubscribe. */
export const onChatCreated: Api['onChatCreated'] = command('onChatCreated');
/** Calls back when the customer changes their name, email or mobile number; returns the unsubscribe. */
export const onFollowUpChanged: Api['onFollowUpChanged'] = command('onFollowUpChanged');
/** Calls back with the URL of a link clicked in the messenger, instead of opening it; returns the unsubscribe. */
export const onUrlClicked: Api['onUrlClicked'] = command('onUrlClicked');
/** Removes every `on…` callback (they otherwise survive `shutdown` and `boot`). */
export const clearCallbacks: Api['clearCallbacks'] = command('clearCallbacks');

/**
 * The profile tools chunk (`profile.js`): page capture, profile validation, the start of a chat
 * and updateProfile's write, loaded when a chat is about to start or `updateProfile` is called, so
 * pages that never chat do not pay for them.
 */
export { capturePage } from './capturePage';
export { startChat } from './startChat';
export { writeProfile } from './writeProfile';
export { validateProfile } from '../shared/profile/validateProfile';

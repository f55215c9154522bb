/**
 * The profile tools chunk (`profile.js`): page capture and profile validation, loaded when a chat
 * is about to start or `updateProfile` is called, so pages that never chat do not pay for them.
 */
export { capturePage } from './capturePage';
export { validateProfile } from '../../shared/profile/validateProfile';

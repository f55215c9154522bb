/**
 * The popup chunk (`popup.js`): the preview card of a new message, loaded by the core when the
 * first manager or bot message arrives while the messenger is closed.
 */
export { mountPopup } from './mountPopup';

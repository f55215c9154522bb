// popup.js: the preview card of a new message, loaded by sdk.js when one arrives with the messenger closed.
export * from '../popup/index';

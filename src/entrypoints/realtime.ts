// realtime.js: the live connection, loaded by sdk.js once the page has settled, the visitor interacted or the messenger is in.
export { connectRealtime } from '../core/realtime';

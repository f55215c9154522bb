// realtime.js: the live connection, loaded by sdk.js once the page is idle or the messenger is wanted.
export { connectRealtime } from '../core/realtime';

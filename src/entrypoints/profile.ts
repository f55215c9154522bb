// profile.js: page capture, profile validation and the start of a chat, loaded when a chat is about to start or updateProfile is called.
export * from '../profile/index';

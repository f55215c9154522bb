import type { CsatStrings, LauncherStrings, MessengerStrings, PopupStrings } from './types';

// Words of both the messenger and the survey form, which is a chunk of its own.
const both = { send: 'Send', sending: 'Sending…', notSent: 'Not sent', thanks: 'Thank you!' };

// Spoken by both the messenger and the preview card of a new message.
const newMessage = (name: string, text: string) => `New message from ${name}: ${text}`;

export const messenger: MessengerStrings = {
  close: 'Close',
  back: 'Back to conversations',
  newChat: 'New chat',
  chats: 'Conversations',
  noChats: 'No conversations yet.',
  greeting: 'Hi! How can we help?',
  loading: 'Loading…',
  loadFailed: 'Could not load.',
  retry: 'Try again',
  more: 'Show more',
  older: 'Show earlier messages',
  messages: 'Messages',
  messageLabel: 'Message',
  placeholder: 'Write a message…',
  send: both.send,
  sending: both.sending,
  notSent: both.notSent,
  discard: 'Discard',
  sendFailed: 'The message could not be sent.',
  closed: 'This chat is closed. Write to reopen it.',
  closedTag: 'Closed',
  reconnecting: 'Reconnecting…',
  failed: 'Something went wrong.',
  you: 'You',
  unread: (count) => `${count} unread`,
  surveyPrompt: 'Please rate this conversation.',
  surveyThanks: both.thanks,
  surveyFirst: 'Please answer the survey above to keep writing.',
  newMessage,
  typing: (name) => `${name} is typing…`,
};

export const launcher: LauncherStrings = {
  open: 'Open chat',
  openWithUnread: (n) => `Open chat, ${n} unread message${n === 1 ? '' : 's'}`,
  close: 'Close chat',
};

export const popup: PopupStrings = {
  newMessage,
  dismiss: 'Dismiss',
};

export const csat: CsatStrings = {
  required: 'Required',
  commentLabel: 'Comment (optional)',
  commentRequired: 'Comment (required)',
  scoreSaved: 'Score saved.',
  skipped: 'You skipped this survey.',
  submit: both.send,
  skip: 'Skip',
  notNow: 'Not now',
  sending: both.sending,
  retrying: 'Will send when online',
  failed: both.notSent,
  thanks: both.thanks,
  yourAnswer: (label) => `Your answer: ${label}`,
};

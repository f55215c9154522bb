import type { CsatStrings, LauncherStrings, MessengerStrings } from './types';

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
  messages: 'Messages',
  messageLabel: 'Message',
  placeholder: 'Write a message…',
  send: 'Send',
  sending: 'Sending…',
  notSent: 'Not sent',
  discard: 'Discard',
  sendFailed: 'The message could not be sent.',
  closed: 'This chat is closed. Write to reopen it.',
  closedTag: 'Closed',
  reconnecting: 'Reconnecting…',
  failed: 'Something went wrong.',
  you: 'You',
  unread: (count) => `${count} unread`,
  newMessage: (name, text) => `New message from ${name}: ${text}`,
};

export const launcher: LauncherStrings = {
  open: 'Open chat',
  openWithUnread: (n) => `Open chat, ${n} unread message${n === 1 ? '' : 's'}`,
  close: 'Close chat',
};

export const csat: CsatStrings = {
  prompt: 'Please rate this conversation.',
  required: 'Required',
  commentLabel: 'Comment (optional)',
  submit: messenger.send,
  skip: 'Skip',
  sending: messenger.sending,
  retrying: 'Will send when online',
  failed: messenger.notSent,
  thanks: 'Thank you!',
  yourAnswer: (label) => `Your answer: ${label}`,
};

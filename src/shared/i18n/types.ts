/** Every string the messenger panel shows; one object per language, typed from this interface. */
export interface MessengerStrings {
  close: string;
  back: string;
  newChat: string;
  chats: string;
  noChats: string;
  greeting: string;
  loading: string;
  loadFailed: string;
  retry: string;
  /** The button under the chat list that shows the next page of chats. */
  more: string;
  /** The button atop a thread that shows its older messages. */
  older: string;
  messages: string;
  messageLabel: string;
  placeholder: string;
  send: string;
  sending: string;
  notSent: string;
  discard: string;
  sendFailed: string;
  closed: string;
  closedTag: string;
  reconnecting: string;
  failed: string;
  you: string;
  unread: (count: number) => string;
  /** Spoken by screen readers when a survey arrives. */
  surveyPrompt: string;
  /** Spoken by screen readers when the survey answer is stored. */
  surveyThanks: string;
  /** In place of the composer while the chat's required survey waits for its answer. */
  surveyFirst: string;
  newMessage: (name: string, text: string) => string;
  /** Under the thread while someone of the team writes. */
  typing: (name: string) => string;
}

/** The channel button's strings; kept apart so the always-loaded core carries only these. */
export interface LauncherStrings {
  open: string;
  openWithUnread(count: number): string;
  close: string;
}

/** The preview card of a new message shown beside the launcher (its own chunk). */
export interface PopupStrings {
  /** Spoken when the card appears. */
  newMessage: (name: string, text: string) => string;
  /** The card's close button. */
  dismiss: string;
}

/** The satisfaction survey form's strings: in the messenger and on the survey's link page. */
export interface CsatStrings {
  required: string;
  commentLabel: string;
  /** The comment box's label when the rule requires the comment. */
  commentRequired: string;
  /** The score is stored; the comment box is still open. */
  scoreSaved: string;
  /** In place of the form once the customer skipped it. */
  skipped: string;
  submit: string;
  skip: string;
  /** Leaves the comment step of a survey that is not required; the score stays stored. */
  notNow: string;
  sending: string;
  /** The connection is down: the answer waits and goes when it is back. */
  retrying: string;
  /** The answer was refused and the server gave no reason. */
  failed: string;
  thanks: string;
  yourAnswer: (label: string) => string;
}

import type { CsatStrings, LauncherStrings, MessengerStrings, PopupStrings } from './types';

// Words of both the messenger and the survey form, which is a chunk of its own.
const both = { send: '送信', sending: '送信中…', notSent: '未送信', thanks: 'ありがとうございました！' };

// Spoken by both the messenger and the preview card of a new message.
const newMessage = (name: string, text: string) => `${name}さんからの新しいメッセージ: ${text}`;

export const messenger: MessengerStrings = {
  close: '閉じる',
  back: '会話一覧に戻る',
  newChat: '新しく問い合わせる',
  chats: '会話一覧',
  noChats: 'まだ会話はありません。',
  greeting: 'こんにちは！ご用件をお聞かせください。',
  loading: '読み込み中…',
  loadFailed: '読み込めませんでした。',
  retry: '再試行',
  more: 'もっと見る',
  older: '以前のメッセージを表示',
  messages: 'メッセージ',
  messageLabel: 'メッセージ',
  placeholder: 'メッセージを入力…',
  send: both.send,
  sending: both.sending,
  notSent: both.notSent,
  discard: '破棄',
  sendFailed: 'メッセージを送信できませんでした。',
  closed: 'このチャットは終了しています。メッセージを送ると再開されます。',
  closedTag: '終了',
  reconnecting: '再接続中…',
  failed: '問題が発生しました。',
  you: 'あなた',
  unread: (count) => `未読 ${count}件`,
  surveyPrompt: '評価をお願いします。',
  surveyThanks: both.thanks,
  surveyFirst: '上のアンケートに回答するとメッセージを続けて送れます。',
  newMessage,
  typing: (name) => `${name}さんが入力中…`,
};

export const launcher: LauncherStrings = {
  open: 'チャットを開く',
  openWithUnread: (n) => `チャットを開く、未読メッセージ ${n} 件`,
  close: 'チャットを閉じる',
};

export const popup: PopupStrings = {
  newMessage,
  dismiss: '閉じる',
};

export const csat: CsatStrings = {
  required: '必須',
  commentLabel: 'コメント（任意）',
  commentRequired: 'コメント（必須）',
  scoreSaved: '評価を保存しました。',
  skipped: 'このアンケートはスキップしました。',
  submit: both.send,
  skip: 'スキップ',
  notNow: '今はしない',
  sending: both.sending,
  retrying: '接続後に送信します',
  failed: both.notSent,
  thanks: both.thanks,
  yourAnswer: (label) => `回答：${label}`,
};

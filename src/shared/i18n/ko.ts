import type { CsatStrings, LauncherStrings, MessengerStrings, PopupStrings } from './types';

// Words of both the messenger and the survey form, which is a chunk of its own.
const both = { send: '보내기', sending: '보내는 중…', notSent: '전송 실패', thanks: '감사합니다!' };

// Spoken by both the messenger and the preview card of a new message.
const newMessage = (name: string, text: string) => `${name}님의 새 메시지: ${text}`;

export const messenger: MessengerStrings = {
  close: '닫기',
  back: '대화 목록으로',
  newChat: '새 문의하기',
  chats: '대화 목록',
  noChats: '아직 대화가 없습니다.',
  greeting: '안녕하세요! 무엇을 도와드릴까요?',
  loading: '불러오는 중…',
  loadFailed: '불러오지 못했습니다.',
  retry: '다시 시도',
  more: '더 보기',
  older: '이전 메시지 보기',
  messages: '메시지',
  messageLabel: '메시지',
  placeholder: '메시지를 입력하세요…',
  send: both.send,
  sending: both.sending,
  notSent: both.notSent,
  discard: '삭제',
  sendFailed: '메시지를 보내지 못했습니다.',
  closed: '종료된 상담입니다. 메시지를 보내면 다시 열립니다.',
  closedTag: '종료',
  reconnecting: '다시 연결하는 중…',
  failed: '문제가 발생했습니다.',
  you: '나',
  unread: (count) => `읽지 않은 메시지 ${count}개`,
  surveyPrompt: '상담을 평가해 주세요.',
  surveyThanks: both.thanks,
  surveyFirst: '위의 만족도 조사에 답하면 계속 메시지를 쓸 수 있습니다.',
  newMessage,
  typing: (name) => `${name}님이 입력 중…`,
};

export const launcher: LauncherStrings = {
  open: '채팅 열기',
  openWithUnread: (n) => `채팅 열기, 읽지 않은 메시지 ${n}개`,
  close: '채팅 닫기',
};

export const popup: PopupStrings = {
  newMessage,
  dismiss: '닫기',
};

export const csat: CsatStrings = {
  required: '필수 응답',
  commentLabel: '의견 (선택)',
  commentRequired: '의견 (필수)',
  scoreSaved: '점수가 저장되었습니다.',
  skipped: '만족도 조사를 건너뛰었습니다.',
  submit: both.send,
  skip: '건너뛰기',
  notNow: '나중에',
  sending: both.sending,
  retrying: '연결되면 보냅니다',
  failed: both.notSent,
  thanks: both.thanks,
  yourAnswer: (label) => `내 응답: ${label}`,
};

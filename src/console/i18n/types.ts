import type { Op } from '../../shared/conditions/index';
import type { CsatFilters } from '../../shared/csat/settings';
import type { Weekday } from '../../shared/operatingHours';
import type { Priority } from '../../shared/profile/fields';
import type { Preset } from '../stats/statsRange';
import type { ChatState } from '../../shared/types';
import type { ValueKind } from '../settings/conditionValue';

/** The languages the console speaks: Korean, English and Japanese. */
export type ConsoleLanguage = 'ko' | 'en' | 'ja';

/** Every string the manager console shows; one object per language, typed from this interface. */
export interface ConsoleStrings {
  languageName: string;
  appName: string;
  skip: string;
  mainNav: string;
  inbox: string;
  settings: string;
  stats: string;
  language: string;
  signOut: string;
  live: string;
  reconnecting: string;
  loading: string;
  /** The button under the chat list that adds the next page. */
  loadMore: string;
  /** The button atop a thread that adds older messages. */
  loadOlder: string;
  retry: string;
  save: string;
  saving: string;
  saved: string;
  cancel: string;
  close: string;
  empty: string;
  yes: string;
  no: string;
  networkError: string;
  notAvailable: string;
  failed: string;
  /**
   * Server refusals by their stable code, in the manager's language. A code not listed (an
   * `invalid_request` above all, whose sentence names the key and the rule it broke) shows the
   * server's own sentence.
   */
  refusals: Partial<Record<string, string>>;

  signInTitle: string;
  tokenLabel: string;
  tokenHint: string;
  signIn: string;
  tokenRefused: string;
  emailLabel: string;
  passwordLabel: string;
  /** Before the token field of the sign-in: an API token (MANAGER_TOKEN, or one a manager made). */
  useToken: string;
  /** The signed-in manager, beside the sign-out button. */
  signedInAs: (name: string) => string;

  searchLabel: string;
  searchPlaceholder: string;
  viewFilter: string;
  views: Record<'' | 'me' | 'none', string>;
  assignee: string;
  unassigned: string;
  /** How long the customer's last message has waited for the team's reply. */
  waiting: (duration: string) => string;
  /** Customer messages the manager has not read in a chat. */
  unreadCount: (count: number) => string;

  filters: string;
  stateFilter: string;
  allStates: string;
  states: Record<ChatState, string>;
  /** `goalState` values (SPEC §2.5). */
  goalStates: Record<'pending' | 'achieved' | 'not_achieved', string>;
  tagFilter: string;
  /** The score filter, named as the channel calls its CSAT field. */
  csatFilter: (fieldName: string) => string;
  anyScore: string;
  chats: string;
  chatCount: (count: number) => string;
  noChats: string;
  selectChat: string;
  customer: (id: string) => string;
  /** Label of the member id the site gave the customer. */
  memberId: string;
  /** Marks a member id that came without a valid memberHash, and says why that matters. */
  unverified: string;
  unverifiedHint: string;
  noMessagesYet: string;

  thread: string;
  authors: { customer: string; manager: string; bot: string };
  replyLabel: string;
  templateLabel: string;
  replyHint: string;
  /** The saved replies offered after `/` in the composer. */
  savedRepliesFound: (count: number) => string;
  savedReplies: string;
  savedRepliesHint: string;
  savedReplyTitle: string;
  savedReplyText: string;
  addSavedReply: string;
  deleteSavedReply: (title: string) => string;
  noSavedReplies: string;
  /** A List field's allowed items, in the field's settings. */
  listOptions: string;
  listOptionsHint: string;
  teamTitle: string;
  roles: Record<'owner' | 'agent', string>;
  role: string;
  managerName: string;
  addManager: string;
  removeManager: (name: string) => string;
  passwordHint: (min: number) => string;
  apiTokens: string;
  tokenName: string;
  addToken: string;
  revoke: string;
  revokeToken: (name: string) => string;
  /** Beside a token just made: copy it now, it is not shown again. */
  tokenShownOnce: (name: string) => string;
  send: string;
  closeChat: string;
  reopenChat: string;
  surveyLink: string;
  copyLink: string;
  copied: string;
  survey: string;
  notAnswered: string;
  skippedSurvey: string;
  answer: (label: string, score: number) => string;
  comment: string;
  newMessage: (name: string, text: string) => string;
  /** Under the thread while the customer writes. */
  typing: (name: string) => string;
  /** A desktop notification's title. */
  newMessageFrom: (name: string) => string;
  /** The switch for desktop notifications and sound. */
  notifications: string;

  profile: string;
  /** Heading of the customer's own profile, under the chat's. */
  customerProfile: string;
  displaySettings: string;
  displaySettingsHint: string;
  displayKeptLocally: string;
  priorities: Record<Priority, string>;
  tags: string;
  newTag: string;
  addTag: string;
  removeTag: (tag: string) => string;
  edit: string;
  archived: string;
  /** Parts of a duration: "1시간 5분", "1 h 5 min". */
  duration: { day: (n: number) => string; hour: (n: number) => string; minute: (n: number) => string };

  fieldsTitle: string;
  fieldsHint: string;
  key: string;
  keyHint: string;
  languages: Record<'ko' | 'en' | 'ja', string>;
  noFields: string;
  type: string;
  names: Record<'ko' | 'en' | 'ja', string>;
  addField: string;
  rename: (name: string) => string;
  moveUp: (name: string) => string;
  moveDown: (name: string) => string;
  archive: (name: string) => string;
  unarchive: (name: string) => string;
  remove: (name: string) => string;
  deleteTitle: string;
  /** Visible texts of the field actions; their accessible names above add the field's name. */
  actions: { rename: string; archive: string; unarchive: string };
  deleteConfirm: (name: string) => string;
  deleteField: string;
  readyMade: string;

  csatTitle: string;
  enabled: string;
  scale: string;
  scaleName: (points: number) => string;
  required: string;
  commentRequired: string;
  commentRequiredHint: string;
  askComment: string;
  question: string;
  conditions: string;
  conditionsHint: string;
  addCondition: string;
  conditionKey: string;
  conditionOp: string;
  conditionValue: string;
  removeCondition: (index: number) => string;
  ruleProblemsTitle: string;
  ruleProblem: (key: string) => string;
  /** The chat-profile conditions of the survey rule (`filters.chat`). */
  chatConditions: string;
  chatConditionsHint: string;
  addChatCondition: string;
  removeChatCondition: (index: number) => string;
  conditionField: string;
  chooseField: string;
  builtInFields: string;
  customFields: string;
  /** A condition's key that is no longer in the schema. */
  deletedField: (key: string) => string;
  /** The value input's label, by what it takes. */
  conditionValues: Record<Exclude<ValueKind, 'none'>, string>;
  ops: Record<Op, string>;
  includeTags: string;
  excludeTags: string;
  hoursFilter: string;
  hoursOptions: Record<CsatFilters['operatingHours'], string>;

  hoursTitle: string;
  goalTitle: string;
  goalHint: string;
  goalEvent: string;
  goalWindowDays: string;
  timeZone: string;
  weekdays: Record<Weekday, string>;
  opens: string;
  closes: string;
  addHours: (day: string) => string;
  removeHours: (day: string, index: number) => string;
  closedDay: string;

  statsTitle: string;
  overall: string;
  sent: string;
  answered: string;
  declined: string;
  responseRate: string;
  average: string;
  score: string;
  answers: string;
  share: string;
  showChats: (label: string) => string;
  period: string;
  presetLabel: string;
  presets: Record<Preset, string>;
  fromDay: string;
  toDay: string;
  breakdownTitle: string;
  breakdownNote: string;
  groupBy: string;
  dimensions: { product: string; page: string; tag: string; assignee: string };
  chatsColumn: string;
  goalRate: string;
  otherValues: (count: number) => string;
  noValue: string;
  allChats: string;
  showChatsOf: (value: string) => string;
  noChatsInPeriod: string;
  figureFilters: string;
  createdFilter: (from: string, to: string) => string;
  removeFilter: (label: string) => string;
  noSurveys: string;
  downloads: string;
  userChatData: string;
  downloadAs: (format: string) => string;
}

/**
 * The chat profile's keys: the built-ins every channel has (SPEC §2.1) and the shape of the custom
 * fields a channel adds. Pure data, shared by the SDK, the server and the console.
 */

/** Types a custom field can have. */
export const FIELD_TYPES = ['Boolean', 'String', 'Number', 'Date', 'Datetime', 'List'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
/** Built-ins add durations (milliseconds, computed by the server). */
export type BuiltInType = FieldType | 'Duration';

export type LocalizedNames = { ko?: string; en?: string; ja?: string };

/** Who may write a built-in key: managers (in the console), the SDK (page capture), or nobody (computed). */
export type Writer = 'manager' | 'sdk' | 'survey' | 'system';

export interface BuiltInField {
  key: string;
  type: BuiltInType;
  names: Required<Pick<LocalizedNames, 'ko' | 'en'>>;
  writer: Writer;
}

/** A channel's own field; its key starts with `profile.`. */
export interface CustomField {
  key: string;
  type: FieldType;
  names: LocalizedNames;
  /** Position in the profile panel, ascending. */
  order: number;
  /** Archived fields keep their stored values, read-only. */
  archived: boolean;
  /** Ready-made fields (CSAT) can be renamed but not deleted or retyped. */
  readyMade?: boolean;
  /** A List field's allowed items, when the channel restricts them; any item when absent. */
  options?: string[];
}

const f = (key: string, type: BuiltInType, ko: string, en: string, writer: Writer = 'system'): BuiltInField => ({
  key,
  type,
  names: { ko, en },
  writer,
});

export const BUILT_IN_FIELDS: readonly BuiltInField[] = [
  f('priority', 'String', '우선순위', 'Priority', 'manager'),
  f('source.page', 'String', '유입 페이지', 'Source page', 'sdk'),
  f('tags', 'List', '상담 태그', 'Chat tags', 'manager'),
  f('description', 'String', '상담 설명', 'Description', 'manager'),
  f('source.workflow.id', 'String', '시작 워크플로우', 'Start workflow'),
  f('goalState', 'String', '상담 목표', 'Goal'),
  f('goalEventName', 'String', '상담 목표 내용', 'Goal event'),
  f('goalCheckedAt', 'Datetime', '상담 목표 달성', 'Goal achieved at'),
  f('source.marketing.type', 'String', '마케팅 유형', 'Marketing type'),
  f('source.marketing.id', 'String', '마케팅', 'Marketing'),
  f('contactMediumType', 'String', '연동 서비스', 'Contact medium'),
  f('appMessenger', 'String', '연동 서비스 ID', 'App messenger'),
  f('state', 'String', '상담 상태', 'State'),
  f('firstOpenedAt', 'Datetime', '첫 상담 시작 시간', 'First opened'),
  f('openedAt', 'Datetime', '마지막 열린 시간', 'Last opened'),
  f('waitingTime', 'Duration', '첫 응대 시간', 'First response time'),
  f('avgReplyTime', 'Duration', '평균 응답 시간', 'Average reply time'),
  f('resolutionTime', 'Duration', '상담 처리 시간', 'Resolution time'),
  f('operationWaitingTime', 'Duration', '운영 중 첫 응대 시간', 'First response time (operating hours)'),
  f('operationAvgReplyTime', 'Duration', '운영 중 평균 응답 시간', 'Average reply time (operating hours)'),
  f('operationResolutionTime', 'Duration', '운영 중 상담 처리 시간', 'Resolution time (operating hours)'),
  f('closedAt', 'Datetime', '상담 종료', 'Closed'),
];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How each priority reads (SPEC §2.1: 높음/보통/낮음), in the console and in downloads. */
export const PRIORITY_NAMES: Record<keyof LocalizedNames, Record<Priority, string>> = {
  ko: { high: '높음', medium: '보통', low: '낮음' },
  en: { high: 'High', medium: 'Medium', low: 'Low' },
  ja: { high: '高', medium: '中', low: '低' },
};

/** The CSAT fields every channel starts with (SPEC §2.3). */
export const READY_MADE_FIELDS: readonly CustomField[] = [
  { key: 'profile.csat', type: 'Number', names: { ko: 'CSAT', en: 'CSAT', ja: 'CSAT' }, order: 0, archived: false, readyMade: true },
  { key: 'profile.csatComment', type: 'String', names: { ko: 'CSAT 의견', en: 'CSAT comment', ja: 'CSATコメント' }, order: 1, archived: false, readyMade: true },
];

/** `profile.` + a letter, then letters, digits or `_`: safe as a key in JSON, CSV headers and URLs. */
export const CUSTOM_KEY = /^profile\.[A-Za-z][A-Za-z0-9_]{0,49}$/;

export const builtInField = (key: string): BuiltInField | undefined => BUILT_IN_FIELDS.find((field) => field.key === key);

/**
 * The key as stored: built-in keys as they are, anything else under `profile.` (the SDK may omit
 * the prefix: `productName` → `profile.productName`).
 */
export const normalizeKey = (key: string): string => (builtInField(key) || key.startsWith('profile.') ? key : `profile.${key}`);

/** The name shown for a field in a language, falling back to English, Korean, then the key. */
export function fieldName(field: { key: string; names: LocalizedNames }, language: keyof LocalizedNames): string {
  return field.names[language] || field.names.en || field.names.ko || field.key;
}

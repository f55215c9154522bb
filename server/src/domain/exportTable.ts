/**
 * The "UserChat data" download: one row per chat, one column per chat-profile key (built-ins, then
 * the channel's custom fields including CSAT), in CSV or XLSX.
 * - durations are written `0h 0m 0s` (hours may exceed 24); date-times in the channel's time zone;
 * - priorities in the channel's language (높음/보통/낮음, High/Medium/Low, 高/中/低);
 * - beside `profile.csat`, `profile.csat.scale`: the point count of the survey that score answered
 *   (a 5 on 2 points is not a 5 on 5 points). No custom key can take that name: it has two dots;
 * - after the profile, the chat's assignee (id and name);
 * - in CSV, text a spreadsheet could run as a formula gets a leading `'` (see `neutralize`), so a
 *   customer's message can never become a formula on a manager's machine. XLSX cells are typed:
 *   a text cell is never evaluated, so it keeps the text exactly as written.
 */
import { formatDatetime } from '../../../src/shared/formatDatetime.ts';
import { BUILT_IN_FIELDS, PRIORITY_NAMES, type CustomField, type Priority } from '../../../src/shared/profile/fields.ts';
import type { Language } from '../../../src/shared/types.ts';

export type Cell = string | number | boolean | null;

export interface ExportChat {
  id: string;
  userId: string;
  userName: string | null;
  memberId: string | null;
  memberVerified: boolean;
  createdAt: number;
  profile: Record<string, unknown>;
  /** The scale of the answer `profile.csat` holds, null while unanswered. */
  csatScale: number | null;
  /** The manager who owns the chat, null while nobody does. */
  assignee: { id: string; name: string } | null;
}

/** Where the table is read: the channel's time zone and language. */
export interface ExportLocale {
  timeZone: string;
  language: Language;
}

export const CSAT_SCALE_HEADER = 'profile.csat.scale';

interface Column {
  header: string;
  type: string;
  read(chat: ExportChat): unknown;
}

/** `0h 0m 0s`, whole seconds, hours not wrapped at 24. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 3600)}h ${Math.floor((total % 3600) / 60)}m ${total % 60}s`;
}

/**
 * What spreadsheet programs skip before reading a formula: spaces (also no-break and ideographic),
 * zero-width space, byte order mark, tabs and line breaks.
 */
const INVISIBLE_LEAD = /^[\s\u00a0\u3000\u200b\ufeff]*/;
/**
 * The characters that start a formula or a DDE call once the lead is skipped, with the
 * full-width forms some programs fold to them (＝＋－＠, small ﹦).
 */
const FORMULA_START = /^[=+\-@|\uff1d\uff0b\uff0d\uff20\ufe66]/;

/**
 * CSV text a spreadsheet could evaluate is made inert with a leading `'`; numbers and booleans
 * stay as they are.
 * @example neutralize('\u00a0=HYPERLINK("http://x")') // "'\u00a0=HYPERLINK(\"http://x\")"
 */
export function neutralize(cell: Cell): Cell {
  return typeof cell === 'string' && FORMULA_START.test(cell.replace(INVISIBLE_LEAD, '')) ? `'${cell}` : cell;
}

function columns(fields: readonly CustomField[], language: Language): Column[] {
  const profileColumn = (key: string, type: string): Column => ({ header: key, type, read: (chat) => chat.profile[key] });
  const names = PRIORITY_NAMES[language];
  const builtIn = (key: string, type: string): Column =>
    key === 'priority' ? { header: key, type, read: (chat) => names[chat.profile.priority as Priority] ?? chat.profile.priority } : profileColumn(key, type);
  const custom = (field: CustomField): Column[] =>
    field.key === 'profile.csat'
      ? [profileColumn(field.key, field.type), { header: CSAT_SCALE_HEADER, type: 'Number', read: (chat) => (chat.profile['profile.csat'] == null ? null : chat.csatScale) }]
      : [profileColumn(field.key, field.type)];
  return [
    { header: 'id', type: 'String', read: (chat) => chat.id },
    { header: 'user.id', type: 'String', read: (chat) => chat.userId },
    { header: 'user.memberId', type: 'String', read: (chat) => chat.memberId },
    // Empty for a visitor without a member id: there is nothing to verify.
    { header: 'user.memberVerified', type: 'Boolean', read: (chat) => (chat.memberId === null ? null : chat.memberVerified) },
    { header: 'user.name', type: 'String', read: (chat) => chat.userName },
    { header: 'createdAt', type: 'Datetime', read: (chat) => chat.createdAt },
    ...BUILT_IN_FIELDS.map((field) => builtIn(field.key, field.type)),
    ...[...fields].sort((a, b) => a.order - b.order).flatMap(custom),
    // Last, so the columns of downloads made before assignees keep their places.
    { header: 'assigneeId', type: 'String', read: (chat) => chat.assignee?.id },
    { header: 'assignee.name', type: 'String', read: (chat) => chat.assignee?.name },
  ];
}

function format(value: unknown, type: string, timeZone: string): Cell {
  if (value === undefined || value === null) return null;
  if (type === 'Duration' && typeof value === 'number') return formatDuration(value);
  if (type === 'Datetime' && typeof value === 'number') return formatDatetime(value, timeZone);
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** The header row and one row per chat, every cell formatted (CSV neutralises them as it writes). */
export function exportTable(chats: readonly ExportChat[], fields: readonly CustomField[], { timeZone, language }: ExportLocale): Cell[][] {
  const cols = columns(fields, language);
  return [cols.map((c) => c.header), ...chats.map((chat) => cols.map((c) => format(c.read(chat), c.type, timeZone)))];
}

const csvCell = (raw: Cell) => {
  const cell = neutralize(raw);
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 with CRLF, and a UTF-8 byte order mark so spreadsheet programs read Korean correctly. */
export function toCsv(table: Cell[][]): string {
  return '\uFEFF' + table.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const SHEET_NAME = 'UserChat data';

/** One sheet named `UserChat data`, header row bold and frozen. */
export async function toXlsx(table: Cell[][]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of table) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

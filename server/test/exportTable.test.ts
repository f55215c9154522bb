import { describe, expect, it } from 'vitest';
import { READY_MADE_FIELDS, type CustomField } from '../../src/shared/profile/fields.ts';
import { exportTable, formatDuration, neutralize, SHEET_NAME, toCsv, toXlsx, type ExportChat } from '../src/domain/exportTable.ts';

const FIELDS: CustomField[] = [
  ...READY_MADE_FIELDS,
  { key: 'profile.sizes', type: 'List', names: { en: 'Sizes' }, order: 2, archived: false },
  { key: 'profile.orderedAt', type: 'Datetime', names: { en: 'Ordered at' }, order: 3, archived: false },
];

// 2026-11-23 00:00 UTC is 09:00 in Seoul.
const T = Date.UTC(2026, 10, 23, 0, 0, 0);
const CHAT: ExportChat = {
  id: 'chat1',
  userId: 'u1',
  userName: '김민지',
  memberId: null,
  memberVerified: false,
  createdAt: T,
  profile: {
    state: 'closed',
    priority: 'high',
    tags: ['배송', '교환'],
    description: '사이즈 교환, "M" → "L", 택배 회수 요청',
    'source.page': '=HYPERLINK("http://evil.test","click")',
    firstOpenedAt: T,
    openedAt: T,
    closedAt: T + 26 * 3600_000 + 61_000,
    waitingTime: 42_000,
    resolutionTime: 26 * 3600_000 + 61_000,
    'profile.csat': 5,
    'profile.csatComment': '친절했어요',
    'profile.sizes': ['M', 'L'],
    'profile.orderedAt': T - 3600_000,
  },
  // A 5 given on a 3-point survey: the scale column keeps it apart from a 5 on 5 points.
  csatScale: 3,
  assignee: { id: 'm1', name: '한지우' },
};

const SEOUL_KO = { timeZone: 'Asia/Seoul', language: 'ko' } as const;
const UTC_EN = { timeZone: 'UTC', language: 'en' } as const;

const pick = (table: ReturnType<typeof exportTable>, header: string) => table[1][table[0].indexOf(header)];

describe('the UserChat data download', () => {
  it('writes durations as 0h 0m 0s with hours past 24', () => {
    expect(formatDuration(0)).toBe('0h 0m 0s');
    expect(formatDuration(42_999)).toBe('0h 0m 42s');
    expect(formatDuration(26 * 3600_000 + 61_000)).toBe('26h 1m 1s');
  });

  it('matches the golden CSV for a seeded chat', () => {
    const csv = toCsv(exportTable([CHAT], FIELDS, SEOUL_KO));
    const header =
      'id,user.id,user.memberId,user.memberVerified,user.name,createdAt,priority,source.page,tags,description,source.workflow.id,goalState,goalEventName,goalCheckedAt,' +
      'source.marketing.type,source.marketing.id,contactMediumType,appMessenger,state,firstOpenedAt,openedAt,waitingTime,avgReplyTime,resolutionTime,' +
      'operationWaitingTime,operationAvgReplyTime,operationResolutionTime,closedAt,profile.csat,profile.csat.scale,profile.csatComment,profile.sizes,profile.orderedAt,assigneeId,assignee.name';
    const row =
      'chat1,u1,,,김민지,2026-11-23 09:00:00,높음,"\'=HYPERLINK(""http://evil.test"",""click"")","배송, 교환","사이즈 교환, ""M"" → ""L"", 택배 회수 요청",,,,,' +
      ',,,,closed,2026-11-23 09:00:00,2026-11-23 09:00:00,0h 0m 42s,,26h 1m 1s,,,,2026-11-24 11:01:01,5,3,친절했어요,"M, L",2026-11-23 08:00:00,m1,한지우';
    expect(csv).toBe(`\uFEFF${header}\r\n${row}\r\n`);
  });

  it('writes priorities in the channel’s language, unset read as medium', () => {
    const table = (priority: string, language: 'ko' | 'en' | 'ja') =>
      pick(exportTable([{ ...CHAT, profile: { ...CHAT.profile, priority } }], FIELDS, { timeZone: 'UTC', language }), 'priority');
    expect(['high', 'medium', 'low'].map((p) => table(p, 'ko'))).toEqual(['높음', '보통', '낮음']);
    expect(['high', 'medium', 'low'].map((p) => table(p, 'en'))).toEqual(['High', 'Medium', 'Low']);
    expect(['high', 'medium', 'low'].map((p) => table(p, 'ja'))).toEqual(['高', '中', '低']);
  });

  it('writes the survey’s scale right after profile.csat, empty while unanswered', () => {
    const table = exportTable([CHAT, { ...CHAT, id: 'chat2', profile: { ...CHAT.profile, 'profile.csat': null }, csatScale: null }], FIELDS, UTC_EN);
    const at = table[0].indexOf('profile.csat');
    expect(table[0][at + 1]).toBe('profile.csat.scale');
    expect([table[1][at], table[1][at + 1]]).toEqual([5, 3]);
    expect([table[2][at], table[2][at + 1]]).toEqual([null, null]);
  });

  it('neutralises every formula-like text cell in CSV but keeps numbers', () => {
    const table = exportTable([{ ...CHAT, userName: '+1 555', profile: { ...CHAT.profile, description: '@SUM(A1)', 'profile.csatComment': '-2 stars' } }], FIELDS, UTC_EN);
    expect(pick(table, 'user.name')).toBe('+1 555'); // the table keeps the text; the CSV writer guards it
    const csv = toCsv(table);
    expect(csv).toContain(",'+1 555,");
    expect(csv).toContain(",'@SUM(A1),");
    expect(csv).toContain(",'-2 stars,");
    expect(csv).toMatch(/,5,/);
  });

  it('sees through the invisible lead and the full-width look-alikes of a formula', () => {
    const leads = [' ', '\u00a0', '\u3000', '\u200b', '\ufeff', '\n', '\r', '\t', ' \u200b\u00a0'];
    const starts = ['=', '+', '-', '@', '|', '\uff1d', '\uff0b', '\uff0d', '\uff20', '\ufe66'];
    for (const start of starts) {
      expect(neutralize(`${start}cmd`), start).toBe(`'${start}cmd`);
      for (const lead of leads) expect(neutralize(`${lead}${start}1+1`), JSON.stringify(lead + start)).toBe(`'${lead}${start}1+1`);
    }
    for (const safe of ['hello', ' hello', '\u200bA=1', '1-2', 'a@b.example', '', '\u00a0']) expect(neutralize(safe), JSON.stringify(safe)).toBe(safe);
    expect(neutralize(-5)).toBe(-5);
  });

  it('writes XLSX text cells as they are: a text cell never runs as a formula', async () => {
    const table = exportTable([{ ...CHAT, profile: { ...CHAT.profile, description: '=1+1', 'profile.csatComment': '\uff1dcmd' } }], FIELDS, UTC_EN);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(table)) as never);
    const sheet = workbook.getWorksheet(SHEET_NAME)!;
    const column = (header: string) => sheet.getRow(2).getCell(table[0].indexOf(header) + 1);
    expect(column('description').value).toBe('=1+1');
    expect(column('description').type).toBe(ExcelJS.ValueType.String);
    expect(column('profile.csatComment').value).toBe('\uff1dcmd');
  });

  it('writes the same cells into an XLSX sheet named UserChat data', async () => {
    const table = exportTable([CHAT], FIELDS, SEOUL_KO);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(table)) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SHEET_NAME]);
    const sheet = workbook.getWorksheet(SHEET_NAME)!;
    const read = (r: number) => table[0].map((_, c) => {
      const value = sheet.getRow(r).getCell(c + 1).value;
      return value === undefined ? null : value;
    });
    expect(read(1)).toEqual(table[0]);
    expect(read(2)).toEqual(table[1]);
  });
});

import { describe, expect, it } from 'vitest';
import { READY_MADE_FIELDS, type CustomField } from '../../src/shared/profile/fields.ts';
import { exportTable, formatDuration, SHEET_NAME, toCsv, toXlsx, type ExportChat } from '../src/domain/exportTable.ts';

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
};

const pick = (table: ReturnType<typeof exportTable>, header: string) => table[1][table[0].indexOf(header)];

describe('the UserChat data download', () => {
  it('writes durations as 0h 0m 0s with hours past 24', () => {
    expect(formatDuration(0)).toBe('0h 0m 0s');
    expect(formatDuration(42_999)).toBe('0h 0m 42s');
    expect(formatDuration(26 * 3600_000 + 61_000)).toBe('26h 1m 1s');
  });

  it('matches the golden CSV for a seeded chat', () => {
    const csv = toCsv(exportTable([CHAT], FIELDS, 'Asia/Seoul'));
    const header =
      'id,user.id,user.memberId,user.memberVerified,user.name,createdAt,priority,source.page,tags,description,source.workflow.id,goalState,goalEventName,goalCheckedAt,' +
      'source.marketing.type,source.marketing.id,contactMediumType,appMessenger,state,firstOpenedAt,openedAt,waitingTime,avgReplyTime,resolutionTime,' +
      'operationWaitingTime,operationAvgReplyTime,operationResolutionTime,closedAt,profile.csat,profile.csatComment,profile.sizes,profile.orderedAt';
    const row =
      'chat1,u1,,,김민지,2026-11-23 09:00:00,high,"\'=HYPERLINK(""http://evil.test"",""click"")","배송, 교환","사이즈 교환, ""M"" → ""L"", 택배 회수 요청",,,,,' +
      ',,,,closed,2026-11-23 09:00:00,2026-11-23 09:00:00,0h 0m 42s,,26h 1m 1s,,,,2026-11-24 11:01:01,5,친절했어요,"M, L",2026-11-23 08:00:00';
    expect(csv).toBe(`\uFEFF${header}\r\n${row}\r\n`);
  });

  it('neutralises every formula-like text cell but keeps numbers', () => {
    const table = exportTable([{ ...CHAT, userName: '+1 555', profile: { ...CHAT.profile, description: '@SUM(A1)', 'profile.csatComment': '-2 stars' } }], FIELDS, 'UTC');
    expect(pick(table, 'user.name')).toBe("'+1 555");
    expect(pick(table, 'description')).toBe("'@SUM(A1)");
    expect(pick(table, 'profile.csatComment')).toBe("'-2 stars");
    expect(pick(table, 'profile.csat')).toBe(5);
  });

  it('writes the same cells into an XLSX sheet named UserChat data', async () => {
    const table = exportTable([CHAT], FIELDS, 'Asia/Seoul');
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

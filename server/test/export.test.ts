import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../../src/shared/operatingHours.ts';
import { SHEET_NAME } from '../src/domain/exportTable.ts';
import { bootVisitor, clientId, manager, MANAGER_TOKEN, removeDir, startServer, widget, type TestServer } from './helpers.ts';
import { answerInWidget, setSurvey, surveyedChat } from './surveyHelpers.ts';

const M = 60_000;
const H = 60 * M;
// Monday 2026-11-23 10:00 in Seoul (01:00 UTC).
const T = Date.UTC(2026, 10, 23, 1, 0);
// Monday 16:00 UTC is already Tuesday 01:00 in Seoul: the file is named after the channel's day.
const EXPORTED_AT = Date.UTC(2026, 10, 23, 16, 0);

let server: TestServer;
let api: ReturnType<typeof manager>;
let now = T;
let older: string;
let newer: string;

/** A visitor's chat created at `at`, with profile values from page capture. */
async function chatAt(at: number, name: string, text: string, profile: Record<string, unknown>) {
  now = at;
  const { token } = await bootVisitor(server);
  await widget(server)('PATCH', '/user', { token, body: { profile: { name } } });
  const created = await widget(server)('POST', '/chats', {
    token,
    body: { clientId: clientId(), message: { text, clientId: clientId('m') }, profile },
  });
  expect(created.status).toBe(201);
  return { token, chatId: created.body.chat.id as string };
}

beforeAll(async () => {
  server = await startServer({ clock: () => now });
  api = manager(server);
  await api('PUT', '/operating-hours', { body: { ...ALWAYS_OPEN, timeZone: 'Asia/Seoul' } });
  await api('POST', '/profile-fields', { body: { key: 'orderNo', type: 'String', names: { ko: '주문번호' } } });
  await setSurvey(server, { scale: 5 });

  const first = await chatAt(T, '김민지', '사이즈 교환 문의드려요', { 'source.page': 'https://shop.example/p/1', productName: '린넨 셔츠' });
  older = first.chatId;
  await widget(server)('PATCH', `/chats/${older}/profile`, { token: first.token, body: { profile: { orderNo: 'A-1009' } } });
  await api('PATCH', `/chats/${older}`, { body: { tags: ['배송', '교환'], description: '사이즈 교환, "M" → "L"' } });
  now = T + 2 * M;
  await api('POST', `/chats/${older}/messages`, { body: { text: '확인해 드릴게요' } });
  now = T + 5 * M;
  const closed = await api('POST', `/chats/${older}/close`);
  const survey = closed.body.chat.lastMessage;
  now = T + 6 * M;
  const answered = await answerInWidget(server, first.token, older, survey.id, { answerId: 'export-answer', score: 5, comment: '친절했어요' });
  expect(answered.status).toBe(200);
  // Archived later: its stored values are still data the site owner downloads.
  await api('PATCH', '/profile-fields/orderNo', { body: { archived: true } });

  newer = (await chatAt(T + H, 'Alex', 'Hello', {})).chatId;
  await api('PATCH', `/chats/${newer}`, { body: { description: '=1+1', priority: 'high' } });
  now = EXPORTED_AT;
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

const download = (query = '') =>
  fetch(`${server.url}/api/manager/export${query}`, { headers: { authorization: `Bearer ${MANAGER_TOKEN}` } });

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') cell += text[++i];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const byHeader = (rows: unknown[][]) =>
  rows.slice(1).map((row) => Object.fromEntries(rows[0].map((header, i) => [header, row[i]])));

describe('the UserChat data download', () => {
  it('answers CSV by default: UTF-8 with a BOM, every chat oldest first, named after the channel’s day', async () => {
    const response = await download();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="userchat-data-2026-11-24.csv"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.endsWith('\r\n')).toBe(true);

    const rows = parseCsv(text);
    expect(rows[0]).toEqual(expect.arrayContaining(['id', 'user.name', 'waitingTime', 'closedAt', 'profile.csat', 'profile.csatComment', 'profile.productName', 'profile.productId', 'profile.orderNo']));
    const [first, second] = byHeader(rows);
    expect(rows).toHaveLength(3);
    expect(first).toMatchObject({
      id: older,
      'user.name': '김민지',
      createdAt: '2026-11-23 10:00:00',
      state: 'closed',
      priority: '보통',
      tags: '배송, 교환',
      description: '사이즈 교환, "M" → "L"',
      'source.page': 'https://shop.example/p/1',
      firstOpenedAt: '2026-11-23 10:00:00',
      waitingTime: '0h 2m 0s',
      avgReplyTime: '0h 2m 0s',
      resolutionTime: '0h 5m 0s',
      operationResolutionTime: '0h 5m 0s',
      closedAt: '2026-11-23 10:05:00',
      'profile.csat': '5',
      'profile.csat.scale': '5',
      'profile.csatComment': '친절했어요',
      'profile.productName': '린넨 셔츠',
      'profile.productId': '',
      'profile.orderNo': 'A-1009',
    });
    expect(second).toMatchObject({ id: newer, 'user.name': 'Alex', priority: '높음', description: "'=1+1", state: 'opened', waitingTime: '' });
  });

  it('answers the same cells as XLSX, in a sheet named UserChat data', async () => {
    const response = await download('?format=xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="userchat-data-2026-11-24.xlsx"');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([SHEET_NAME]);
    const sheet = workbook.getWorksheet(SHEET_NAME)!;
    const rows = [1, 2, 3].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    const [first, second] = byHeader(rows);
    expect(first).toMatchObject({ id: older, 'user.name': '김민지', tags: '배송, 교환', 'profile.csat': 5, 'profile.orderNo': 'A-1009', closedAt: '2026-11-23 10:05:00' });
    expect(second).toMatchObject({ id: newer, description: '=1+1' });
    expect(sheet.rowCount).toBe(3);
  });

  it('refuses any other format, naming the parameter', async () => {
    for (const query of ['?format=pdf', '?format=CSV', '?format=csv&format=xlsx', '?type=csv']) {
      const response = await download(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.message, query).toMatch(/^(query\.type|format):/);
    }
    expect(((await (await download('?format=pdf')).json()) as any).error.message).toBe('format: must be one of csv, xlsx');
  });
});

describe('the download in the channel’s language', () => {
  it('writes priorities as CHANNEL_LANGUAGE says, keeps the language across restarts, and the 2-point scale beside the score', async () => {
    let own = await startServer({ channelLanguage: 'en' });
    try {
      await setSurvey(own, { scale: 2 });
      const chat = await surveyedChat(own);
      expect((await answerInWidget(own, chat.token, chat.chatId, chat.survey.id, { answerId: 'scale-2-answer', score: 5 })).status).toBe(200);
      await manager(own)('PATCH', `/chats/${chat.chatId}`, { body: { priority: 'low' } });
      const read = async () => {
        const response = await fetch(`${own.url}/api/manager/export`, { headers: { authorization: `Bearer ${MANAGER_TOKEN}` } });
        return byHeader(parseCsv((await response.text()).slice(1)))[0];
      };
      expect(await read()).toMatchObject({ priority: 'Low', 'profile.csat': '5', 'profile.csat.scale': '2' });

      await own.close();
      own = await startServer({ dataDir: own.dataDir });
      expect((await read()).priority).toBe('Low');
      await own.close();
      own = await startServer({ dataDir: own.dataDir, channelLanguage: 'ja' });
      expect((await read()).priority).toBe('低');
    } finally {
      await own.close();
      await removeDir(own.dataDir);
    }
  });
});

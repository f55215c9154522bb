import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, manager, removeDir, startServer, widget, type TestServer } from './helpers.ts';
import { answerInWidget, closeChat, setSurvey } from './surveyHelpers.ts';

const H = 3_600_000;
const DAY = 24 * H;
const T = Date.UTC(2026, 10, 10, 0, 0);
const SHIRT = '린넨 셔츠';
const PAGE_1 = 'https://shop.example/p/1';
const PAGE_2 = 'https://shop.example/p/2';

let server: TestServer;
let api: ReturnType<typeof manager>;
let now = T;
const ids: Record<string, string> = {};
let answers = 0;

/** A customer's chat created at `at` with these profile values; closed (and surveyed) when asked. */
async function chat(name: string, at: number, profile: Record<string, unknown>, options: { tags?: string[]; score?: number; close?: boolean; skip?: boolean; purchase?: boolean } = {}) {
  now = at;
  const { token } = (await widget(server)('POST', '/boot', { body: { language: 'ko' } })).body;
  const created = await widget(server)('POST', '/chats', { token, body: { clientId: clientId(), message: { text: '문의', clientId: clientId('m') }, profile } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const chatId = created.body.chat.id as string;
  ids[name] = chatId;
  if (options.tags) await api('PATCH', `/chats/${chatId}`, { body: { tags: options.tags } });
  if (options.purchase) expect((await widget(server)('POST', '/events', { token, body: { name: 'Purchase' } })).status).toBe(204);
  if (options.close || options.skip || options.score !== undefined) {
    const { survey } = await closeChat(server, chatId);
    if (options.skip) expect((await widget(server)('POST', `/chats/${chatId}/messages/${survey.id}/skip`, { token, body: {} })).status).toBe(200);
    if (options.score !== undefined) {
      const answered = await answerInWidget(server, token, chatId, survey.id, { answerId: `dim-${++answers}`, score: options.score });
      expect(answered.status).toBe(200);
    }
  }
}

const goal = (achieved: number, notAchieved: number, pending: number) => ({
  achieved,
  notAchieved,
  pending,
  rate: achieved + notAchieved === 0 ? null : achieved / (achieved + notAchieved),
});
const none = { chats: 0, sent: 0, answered: 0, declined: 0, responseRate: 0, average: null, goal: goal(0, 0, 0) };
const stats = async (query: string) => {
  const reply = await api('GET', `/stats?${query}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
};
const range = `from=${T}&to=${T + 4 * H}`;
const listed = async (query: string) => {
  const reply = await api('GET', `/chats?${query}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return (reply.body.chats as { id: string }[]).map((c) => c.id).sort();
};
const idsOf = (...names: string[]) => names.map((name) => ids[name]).sort();

beforeAll(async () => {
  server = await startServer({ clock: () => now });
  api = manager(server);
  await setSurvey(server, { scale: 5 });
  expect((await api('PUT', '/goal', { body: { eventName: 'Purchase', windowDays: 1 } })).status).toBe(200);
  for (const [key, type] of [['plan', 'List'], ['note', 'String'], ['amount', 'Number']]) {
    expect((await api('POST', '/profile-fields', { body: { key, type } })).status).toBe(201);
  }
  await chat('before', T - 1, { productName: SHIRT, 'source.page': PAGE_1 }, { score: 1 });
  await chat('a', T, { productName: SHIRT, 'source.page': PAGE_1, plan: ['gold', 'silver'] }, { tags: ['vip'], score: 5, purchase: true });
  await chat('b', T + H, { productName: SHIRT, productId: 'SKU-1', 'source.page': PAGE_1 }, { tags: ['vip', 'complaint'], score: 3 });
  await chat('c', T + 2 * H, { productId: 'SKU-9', 'source.page': PAGE_2, plan: ['gold'] }, { skip: true });
  await chat('d', T + 3 * H, { productName: SHIRT, note: '' });
  await chat('edge', T + 4 * H, { 'source.page': PAGE_2 });
  // b's window (1 day) has passed, c's and d's have not.
  now = T + DAY + 90 * 60_000;
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

describe('statistics by dimension', () => {
  it('gives per product (name, else id) the chats, surveys, response rate, average and goal rate of chats created in the range', async () => {
    expect(await stats(`by=product&${range}`)).toEqual({
      by: 'product',
      rows: [
        { value: SHIRT, chats: 3, sent: 2, answered: 2, declined: 0, responseRate: 1, average: 4, goal: goal(1, 1, 1) },
        { value: 'SKU-9', chats: 1, sent: 1, answered: 0, declined: 1, responseRate: 0, average: null, goal: goal(0, 0, 1) },
      ],
      other: null,
      unset: none,
      total: { chats: 4, sent: 3, answered: 2, declined: 1, responseRate: 2 / 3, average: 4, goal: goal(1, 1, 2) },
    });
  });

  it('counts a chat from `from` up to before `to`, by its creation time', async () => {
    const later = await stats(`by=product&from=${T + 1}&to=${T + 4 * H}`);
    expect(later.rows[0]).toMatchObject({ value: SHIRT, chats: 2, sent: 1, average: 3 });
    const wider = await stats(`by=product&from=${T - 1}&to=${T + 4 * H + 1}`);
    expect(wider.rows[0]).toMatchObject({ value: SHIRT, chats: 4, sent: 3, answered: 3, average: 3 });
    expect(wider.unset).toEqual({ ...none, chats: 1, goal: goal(0, 0, 1) });
    expect((await stats('by=product')).total.chats).toBe(6);
    expect((await stats(`by=product&from=${T + 5 * H}`)).rows).toEqual([]);
  });

  it('groups by source page, and by each tag and each item of a List field', async () => {
    const pages = await stats(`by=page&${range}`);
    expect(pages.rows.map((r: any) => [r.value, r.chats, r.sent, r.answered, r.average])).toEqual([
      [PAGE_1, 2, 2, 2, 4],
      [PAGE_2, 1, 1, 0, null],
    ]);
    expect(pages.unset.chats).toBe(1);
    const tags = await stats(`by=tag&${range}`);
    expect(tags.rows.map((r: any) => [r.value, r.chats, r.average, r.goal.rate])).toEqual([
      ['vip', 2, 4, 0.5],
      ['complaint', 1, 3, 0],
    ]);
    expect(tags.unset.chats).toBe(2);
    expect(tags.total.chats).toBe(4);
    const plans = await stats(`by=field:profile.plan&${range}`);
    expect(plans.rows.map((r: any) => [r.value, r.chats, r.sent, r.answered, r.declined])).toEqual([
      ['gold', 2, 2, 1, 1],
      ['silver', 1, 1, 1, 0],
    ]);
    // An empty String is no value.
    expect((await stats(`by=field:profile.note&${range}`)).rows).toEqual([]);
  });

  it('lists at most `limit` values and sums the rest in `other`', async () => {
    const tags = await stats(`by=tag&${range}&limit=1`);
    expect(tags.rows.map((r: any) => r.value)).toEqual(['vip']);
    expect(tags.other).toEqual({ values: 1, chats: 1, sent: 1, answered: 1, declined: 0, responseRate: 1, average: 3, goal: goal(0, 1, 0) });
  });

  it('refuses a dimension it cannot group by, naming it and the rule', async () => {
    const cases: [string, string][] = [
      ['', 'by: is required (product, page, tag, assignee or field:<key> (a String or List custom field))'],
      ['by=color', 'by: color must be product, page, tag, assignee or field:<key> (a String or List custom field)'],
      ['by=field:plan', 'by: field:plan must be product, page, tag, assignee or field:<key> (a String or List custom field)'],
      ['by=field:profile.nope', 'by: field:profile.nope is not a custom field of this channel'],
      ['by=field:profile.amount', 'by: field:profile.amount is a Number field; only String and List fields can be grouped'],
      ['by=field:profile.csat', 'by: field:profile.csat is a Number field; only String and List fields can be grouped'],
      ['by=tag&limit=0', 'limit: must be an integer from 1 to 100'],
      ['by=tag&from=yesterday', 'from: must be a time in milliseconds since epoch (a non-negative integer)'],
      ['by=tag&group=1', 'query.group: is not a known field (expected by, from, to, limit)'],
    ];
    for (const [query, message] of cases) {
      const reply = await api('GET', `/stats?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body, query).toEqual({ error: { code: 'invalid_request', message } });
    }
  });
});

describe('the chat list behind a figure', () => {
  it('filters by product, source page, field value and creation range, as the statistics count', async () => {
    expect(await listed(`product=${encodeURIComponent(SHIRT)}&${range}`)).toEqual(idsOf('a', 'b', 'd'));
    expect(await listed(`product=${encodeURIComponent(SHIRT)}`)).toEqual(idsOf('before', 'a', 'b', 'd'));
    expect(await listed(`product=SKU-9&${range}`)).toEqual(idsOf('c'));
    expect(await listed(`product=SKU-1`)).toEqual([]);
    expect(await listed(`sourcePage=${encodeURIComponent(PAGE_1)}&${range}`)).toEqual(idsOf('a', 'b'));
    expect(await listed(`field=profile.plan&value=gold&${range}`)).toEqual(idsOf('a', 'c'));
    expect(await listed(`tag=vip&${range}`)).toEqual(idsOf('a', 'b'));
    expect(await listed(`from=${T + 4 * H}`)).toEqual(idsOf('edge'));
  });

  it('refuses a field without a value and a value without a field', async () => {
    const cases: [string, string][] = [
      ['field=profile.plan', 'value: is required with field (the value profile.plan must hold)'],
      ['value=gold', 'field: is required with value (a custom key such as profile.plan)'],
      ['field=plan&value=gold', 'field: must be a custom key (profile. followed by a letter, then letters, digits or _)'],
      [`from=${T}&to=${T - 1}`, 'to: must not be before from'],
    ];
    for (const [query, message] of cases) {
      const reply = await api('GET', `/chats?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.message, query).toBe(message);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manager, removeDir, startServer, type TestServer } from './helpers.ts';
import { answerByLink, answerInWidget, setSurvey, surveyedChat } from './surveyHelpers.ts';

const M = 60_000;
const T = Date.UTC(2026, 10, 23, 1, 0);

let server: TestServer;
let api: ReturnType<typeof manager>;
let now = T;

beforeAll(async () => {
  server = await startServer({ clock: () => now });
  api = manager(server);
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

/** A chat closed (and surveyed) at `at`. */
async function surveyedAt(at: number) {
  now = at;
  return surveyedChat(server);
}

let answers = 0;
const answerId = () => `stats-answer-${++answers}`;
const none = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };

describe('satisfaction statistics', () => {
  it('reports nothing sent before any survey', async () => {
    const reply = await api('GET', '/csat-stats');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ overall: { sent: 0, answered: 0, declined: 0, responseRate: 0, average: null }, scales: [] });
  });

  it('counts surveys, answers, response rate, average and distribution per scale, sorted by points', async () => {
    await setSurvey(server, { scale: 5 });
    const five = [await surveyedAt(T), await surveyedAt(T + M), await surveyedAt(T + 2 * M)];
    await setSurvey(server, { scale: 3 });
    const three = [await surveyedAt(T + 10 * M), await surveyedAt(T + 11 * M)];

    // Answered later than posted: a survey counts where it was posted.
    now = T + 30 * M;
    const answer = (chat: (typeof five)[number], score: number) =>
      answerInWidget(server, chat.token, chat.chatId, chat.survey.id, { answerId: answerId(), score });
    expect((await answer(five[0], 5)).status).toBe(200);
    expect((await answer(five[2], 4)).status).toBe(200);
    expect((await answerByLink(server, three[1].csatLink, { answerId: answerId(), score: 1 })).status).toBe(200);

    const reply = await api('GET', '/csat-stats');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      overall: { sent: 5, answered: 3, declined: 0, responseRate: 0.6, average: 3.33 },
      scales: [
        { scale: 3, sent: 2, answered: 1, declined: 0, responseRate: 0.5, average: 1, distribution: { ...none, '1': 1 } },
        { scale: 5, sent: 3, answered: 2, declined: 0, responseRate: 2 / 3, average: 4.5, distribution: { ...none, '4': 1, '5': 1 } },
      ],
    });
  });

  it('counts only the surveys posted from `from` up to before `to`', async () => {
    const stats = async (query: string) => (await api('GET', `/csat-stats?${query}`)).body;
    expect((await stats(`from=${T + 10 * M}`)).overall).toEqual({ sent: 2, answered: 1, declined: 0, responseRate: 0.5, average: 1 });
    expect((await stats(`to=${T + 10 * M}`)).scales.map((s: any) => [s.scale, s.sent])).toEqual([[5, 3]]);
    expect((await stats(`from=${T + M}&to=${T + 2 * M}`)).overall).toEqual({ sent: 1, answered: 0, declined: 0, responseRate: 0, average: null });
    expect((await stats(`from=${T + 40 * M}`)).scales).toEqual([]);
    expect((await stats('from=&to=')).overall.sent).toBe(5);
  });

  it('refuses a wrong range naming the parameter', async () => {
    const cases: [string, string][] = [
      ['from=yesterday', 'from: must be a time in milliseconds since epoch (a non-negative integer)'],
      ['to=-5', 'to: must be a time in milliseconds since epoch (a non-negative integer)'],
      ['to=1.5', 'to: must be a time in milliseconds since epoch (a non-negative integer)'],
      ['from=99999999999999999999', 'from: must be a time in milliseconds since epoch (a non-negative integer)'],
      [`from=${T}&to=${T - 1}`, 'to: must not be before from'],
      ['from=1&from=2', 'from: must be given once'],
      ['scale=5', 'query.scale: is not a known field (expected from, to)'],
    ];
    for (const [query, message] of cases) {
      const reply = await api('GET', `/csat-stats?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body.error).toEqual({ code: 'invalid_request', message });
    }
  });
});

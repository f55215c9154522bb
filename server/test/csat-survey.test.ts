import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CSAT_SETTINGS } from '../../src/shared/csat/index.ts';
import { manager, MANAGER_TOKEN, removeDir, Socket, startServer, widget, type TestServer } from './helpers.ts';
import { answerInWidget, closeChat, openChat, setSurvey, surveyedChat } from './surveyHelpers.ts';

let server: TestServer;
let api: ReturnType<typeof manager>;

beforeAll(async () => {
  server = await startServer();
  api = manager(server);
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

const ALL_DAY = { start: '00:00', end: '24:00' };
const openEveryHour = { timeZone: 'Asia/Seoul', weekly: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [day, [ALL_DAY]])) };
const neverOpen = { timeZone: 'Asia/Seoul', weekly: {} };

/** Whether closing a fresh chat of such a customer posts the survey. */
async function surveyed(options: Parameters<typeof openChat>[1] = {}) {
  const { chatId } = await openChat(server, options);
  return (await closeChat(server, chatId)).surveys.length === 1;
}

describe('posting the survey when a chat closes', () => {
  it('posts nothing while the survey is off', async () => {
    await api('PUT', '/csat-settings', { body: { ...DEFAULT_CSAT_SETTINGS, enabled: false } });
    expect(await surveyed()).toBe(false);
  });

  it("posts a bot message in the customer's language carrying the form, seen alike by managers, the widget and the close reply", async () => {
    await setSurvey(server, { scale: 3, required: true, comment: false });
    const { chatId, token } = await openChat(server, { language: 'ko' });
    const { closed, chat, survey, surveys } = await closeChat(server, chatId);
    expect(surveys).toHaveLength(1);
    expect(survey).toEqual({
      id: expect.any(String),
      chatId,
      author: 'bot',
      text: DEFAULT_CSAT_SETTINGS.questions.ko,
      createdAt: expect.any(Number),
      seq: expect.any(Number),
      form: { type: 'csat', scale: 3, required: true, comment: false, commentRequired: false, questions: DEFAULT_CSAT_SETTINGS.questions, answer: null },
    });
    expect(closed).toMatchObject({ id: chatId, state: 'closed', lastMessage: survey });
    expect(chat).toMatchObject({ state: 'closed', lastMessage: survey });
    const own = await widget(server)('GET', `/chats/${chatId}`, { token });
    expect(own.body.messages.at(-1)).toEqual(survey);
    expect(own.body.chat).toMatchObject({ state: 'closed', unread: 1, lastMessage: survey });
  });

  it('asks in English and Japanese too', async () => {
    await setSurvey(server, { questions: { ko: '어떠셨나요?', en: 'How did we do?', ja: 'いかがでしたか？' } });
    for (const [language, text] of [['en', 'How did we do?'], ['ja', 'いかがでしたか？']] as const) {
      const { survey } = await surveyedChat(server, { language });
      expect(survey.text).toBe(text);
      expect(survey.form.questions).toEqual({ ko: '어떠셨나요?', en: 'How did we do?', ja: 'いかがでしたか？' });
    }
  });

  it('announces the close, then the survey, on the customer socket and the manager socket', async () => {
    await setSurvey(server);
    const { chatId, token, cursor } = await openChat(server);
    const customer = await Socket.open(server);
    await customer.hello({ token, since: cursor });
    const managerSocket = await Socket.open(server);
    await managerSocket.hello({ managerToken: MANAGER_TOKEN, since: cursor });
    const { survey } = await closeChat(server, chatId);
    for (const socket of [customer, managerSocket]) {
      const events = [(await socket.next()).event, (await socket.next()).event].filter((e) => e.chat.id === chatId);
      expect(events.map((e) => e.type)).toEqual(['chat', 'message']);
      expect(events[0].chat.state).toBe('closed');
      expect(events[1].message).toEqual(survey);
      expect(events[1].seq).toBeGreaterThan(events[0].seq);
    }
    customer.close();
    managerSocket.close();
  });

  it('asks VIP customers only when the rule says grade = VIP', async () => {
    await setSurvey(server, { filters: { ...DEFAULT_CSAT_SETTINGS.filters, profile: [{ key: 'grade', op: 'eq', value: 'VIP' }] } });
    expect(await surveyed({ profile: { grade: 'VIP' } })).toBe(true);
    expect(await surveyed({ profile: { grade: 'basic' } })).toBe(false);
    expect(await surveyed()).toBe(false);
  });

  it('skips a chat tagged with an excluded tag such as 컴플레인', async () => {
    await setSurvey(server, { filters: { ...DEFAULT_CSAT_SETTINGS.filters, excludeTags: ['컴플레인'] } });
    expect(await surveyed({ tags: ['배송', '컴플레인'] })).toBe(false);
    expect(await surveyed({ tags: ['배송'] })).toBe(true);
  });

  it('asks only chats with an included tag when the rule lists some', async () => {
    await setSurvey(server, { filters: { ...DEFAULT_CSAT_SETTINGS.filters, includeTags: ['교환'] } });
    expect(await surveyed({ tags: ['교환'] })).toBe(true);
    expect(await surveyed()).toBe(false);
  });

  it('follows the operating hours filter, judged at the moment the chat closes', async () => {
    const inside = { ...DEFAULT_CSAT_SETTINGS.filters, operatingHours: 'inside' as const };
    const outside = { ...DEFAULT_CSAT_SETTINGS.filters, operatingHours: 'outside' as const };
    await api('PUT', '/operating-hours', { body: openEveryHour });
    await setSurvey(server, { filters: inside });
    expect(await surveyed()).toBe(true);
    await setSurvey(server, { filters: outside });
    expect(await surveyed()).toBe(false);
    await api('PUT', '/operating-hours', { body: neverOpen });
    expect(await surveyed()).toBe(true);
    await setSurvey(server, { filters: inside });
    expect(await surveyed()).toBe(false);
    await api('PUT', '/operating-hours', { body: openEveryHour });
  });

  it('posts no second survey while one is unanswered, and a new one once it is answered', async () => {
    await setSurvey(server);
    const { chatId, token, survey, csatLink } = await surveyedChat(server);
    await api('POST', `/chats/${chatId}/open`);
    const again = await closeChat(server, chatId);
    expect(again.surveys).toEqual([survey]);
    expect(again.csatLink).toBe(csatLink);
    await answerInWidget(server, token, chatId, survey.id, { answerId: 'first-answer', score: 4 });
    await api('POST', `/chats/${chatId}/open`);
    const third = await closeChat(server, chatId);
    expect(third.surveys).toHaveLength(2);
    expect(third.survey.id).not.toBe(survey.id);
    expect(third.survey.form.answer).toBeNull();
    expect(third.csatLink).not.toBe(csatLink);
  });

  it('posts nothing when a closed chat is closed again', async () => {
    await setSurvey(server);
    const { chatId } = await surveyedChat(server);
    expect((await closeChat(server, chatId)).surveys).toHaveLength(1);
  });

  it('gives a chat without a survey no link', async () => {
    await setSurvey(server, { enabled: false });
    const { chatId } = await openChat(server);
    expect((await api('GET', `/chats/${chatId}`)).body.csatLink).toBeNull();
    expect((await closeChat(server, chatId)).csatLink).toBeNull();
  });
});

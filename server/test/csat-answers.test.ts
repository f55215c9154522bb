import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleScores, type Scale } from '../../src/shared/csat/index.ts';
import { bootVisitor, manager, removeDir, Socket, startServer, widget, type TestServer } from './helpers.ts';
import { answerByLink, answerInWidget, setSurvey, storedAnswers, surveyedChat } from './surveyHelpers.ts';

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

const chatOf = async (chatId: string) => (await api('GET', `/chats/${chatId}`)).body;
let answers = 0;
const answerId = () => `answer-${++answers}`;

/** Answers a fresh survey from the widget or from the customer link. */
async function answer(via: 'widget' | 'link', body: Record<string, unknown>) {
  const chat = await surveyedChat(server);
  const reply =
    via === 'widget'
      ? await answerInWidget(server, chat.token, chat.chatId, chat.survey.id, body)
      : await answerByLink(server, chat.csatLink, body);
  return { ...chat, reply };
}

describe('answering the survey', () => {
  it.each([
    [2, 'widget'], [2, 'link'],
    [3, 'widget'], [3, 'link'],
    [5, 'widget'], [5, 'link'],
  ] as const)('stores each face of a %i-point survey answered from the %s as profile.csat', async (scale, via) => {
    await setSurvey(server, { scale });
    for (const score of scaleScores(scale as Scale)) {
      const { chatId, survey, reply } = await answer(via, { answerId: answerId(), score });
      expect(reply.status, `score ${score}`).toBe(200);
      expect(reply.body.message).toEqual({
        ...survey,
        form: { ...survey.form, answer: { score, comment: null, answeredAt: expect.any(Number) } },
      });
      const stored = await chatOf(chatId);
      expect(stored.chat.profile['profile.csat']).toBe(score);
      expect(stored.chat.profile).not.toHaveProperty('profile.csatComment');
      expect(stored.messages.at(-1)).toEqual(reply.body.message);
      expect(await storedAnswers(server, chatId)).toEqual([
        expect.objectContaining({ message_id: survey.id, score, scale, comment: null, via }),
      ]);
    }
  });

  it('keeps the chat closed: answering does not reopen it', async () => {
    await setSurvey(server);
    const { chatId, reply } = await answer('widget', { answerId: answerId(), score: 5 });
    expect(reply.status).toBe(200);
    expect((await chatOf(chatId)).chat.state).toBe('closed');
  });

  it('refuses a score off the scale, listing its scores, and stores nothing; the same answerId works afterwards', async () => {
    await setSurvey(server, { scale: 3 });
    const { chatId, token, survey } = await surveyedChat(server);
    const id = answerId();
    for (const score of [2, 4, 0, 6, 2.5, -1]) {
      const reply = await answerInWidget(server, token, chatId, survey.id, { answerId: id, score });
      expect(reply.status, `score ${score}`).toBe(400);
      expect(reply.body.error).toEqual({ code: 'invalid_request', message: 'score: must be one of 1, 3, 5 on this 3-point survey' });
    }
    const two = await setSurvey(server, { scale: 2 }).then(() => surveyedChat(server));
    const refused = await answerInWidget(server, two.token, two.chatId, two.survey.id, { answerId: answerId(), score: 3 });
    expect(refused.body.error.message).toBe('score: must be one of 1, 5 on this 2-point survey');
    const stored = await chatOf(chatId);
    expect(stored.chat.profile).not.toHaveProperty('profile.csat');
    expect(stored.messages.at(-1).form.answer).toBeNull();
    expect(await storedAnswers(server, chatId)).toEqual([]);
    const accepted = await answerInWidget(server, token, chatId, survey.id, { answerId: id, score: 3 });
    expect(accepted.status).toBe(200);
  });

  it('stores a retry with the same answerId once and announces it once', async () => {
    await setSurvey(server);
    const { chatId, token, survey, cursor } = await surveyedChat(server);
    const socket = await Socket.open(server);
    const replayed = await socket.hello({ token, since: cursor });
    expect(replayed.events.map((e) => e.type)).toEqual(['chat', 'message']);
    const body = { answerId: answerId(), score: 4, comment: 'Quick and kind' };
    const first = await answerInWidget(server, token, chatId, survey.id, body);
    const retry = await answerInWidget(server, token, chatId, survey.id, body);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await storedAnswers(server, chatId)).toHaveLength(1);
    const message = (await socket.next()).event;
    expect(message).toMatchObject({ type: 'message', message: first.body.message, chat: { id: chatId, state: 'closed' } });
    expect(message.message.id).toBe(survey.id);
    expect(message.seq).toBeGreaterThan(survey.seq);
    const chat = (await socket.next()).event;
    expect(chat).toMatchObject({ type: 'chat', chat: { id: chatId, profile: { 'profile.csat': 4, 'profile.csatComment': 'Quick and kind' } } });
    await socket.silence();
    socket.close();
  });

  it('refuses a different answer once answered with 409 and keeps the first', async () => {
    await setSurvey(server);
    const { chatId, token, survey, csatLink } = await surveyedChat(server);
    await answerInWidget(server, token, chatId, survey.id, { answerId: answerId(), score: 2 });
    for (const reply of [
      await answerInWidget(server, token, chatId, survey.id, { answerId: answerId(), score: 5 }),
      await answerByLink(server, csatLink, { answerId: answerId(), score: 5 }),
    ]) {
      expect(reply.status).toBe(409);
      expect(reply.body.error).toEqual({ code: 'already_answered', message: 'survey: is already answered; an answer cannot be changed' });
    }
    expect((await chatOf(chatId)).chat.profile['profile.csat']).toBe(2);
    expect(await storedAnswers(server, chatId)).toHaveLength(1);
  });

  it('refuses an answerId already used for another survey', async () => {
    await setSurvey(server);
    const id = answerId();
    await answer('widget', { answerId: id, score: 5 });
    const { reply, chatId } = await answer('widget', { answerId: id, score: 1 });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('answer_id_used');
    expect(await storedAnswers(server, chatId)).toEqual([]);
  });
});

describe('the comment', () => {
  it('stores a trimmed comment in profile.csatComment and with the answer', async () => {
    await setSurvey(server, { comment: true });
    const { chatId, reply } = await answer('widget', { answerId: answerId(), score: 5, comment: '  배송이 빨랐어요  ' });
    expect(reply.body.message.form.answer).toMatchObject({ score: 5, comment: '배송이 빨랐어요' });
    expect((await chatOf(chatId)).chat.profile).toMatchObject({ 'profile.csat': 5, 'profile.csatComment': '배송이 빨랐어요' });
    expect((await storedAnswers(server, chatId))[0].comment).toBe('배송이 빨랐어요');
  });

  it('treats an empty or blank comment as none', async () => {
    await setSurvey(server, { comment: true });
    for (const comment of ['', '   ', null]) {
      const { chatId, reply } = await answer('link', { answerId: answerId(), score: 3, comment });
      expect(reply.status).toBe(200);
      expect(reply.body.message.form.answer.comment).toBeNull();
      expect((await chatOf(chatId)).chat.profile).not.toHaveProperty('profile.csatComment');
    }
  });

  it('refuses a comment when the survey has no comment box, and one over the limit', async () => {
    await setSurvey(server, { comment: false });
    const boxless = await answer('widget', { answerId: answerId(), score: 5, comment: 'Great' });
    expect(boxless.reply.status).toBe(400);
    expect(boxless.reply.body.error).toEqual({ code: 'invalid_request', message: 'comment: this survey has no comment box; send the score alone' });
    expect(await storedAnswers(server, boxless.chatId)).toEqual([]);
    await setSurvey(server, { comment: true });
    const long = await answer('widget', { answerId: answerId(), score: 5, comment: '가'.repeat(1001) });
    expect(long.reply.body.error).toEqual({ code: 'invalid_request', message: 'comment: must be a string of at most 1000 characters' });
    const fits = await answer('widget', { answerId: answerId(), score: 5, comment: ` ${'가'.repeat(1000)} ` });
    expect(fits.reply.status).toBe(200);
  });
});

describe('refusals', () => {
  it('names the field and the rule of a malformed answer', async () => {
    await setSurvey(server);
    const { chatId, token, survey } = await surveyedChat(server);
    const cases: [unknown, string][] = [
      [{ score: 5 }, 'answerId: is required (a string of 1 to 64 characters)'],
      [{ answerId: '', score: 5 }, 'answerId: must be a string of 1 to 64 characters'],
      [{ answerId: 'x'.repeat(65), score: 5 }, 'answerId: must be a string of 1 to 64 characters'],
      [{ answerId: 'a' }, "score: is required (a number: the chosen option's score)"],
      [{ answerId: 'a', score: '5' }, "score: must be a number (the chosen option's score)"],
      [{ answerId: 'a', score: 5, comment: 5 }, 'comment: must be a string of at most 1000 characters'],
      [{ answerId: 'a', score: 5, rating: 5 }, 'rating: is not a known field (expected answerId, score, comment)'],
    ];
    for (const [body, message] of cases) {
      const reply = await answerInWidget(server, token, chatId, survey.id, body);
      expect(reply.status, message).toBe(400);
      expect(reply.body.error).toEqual({ code: 'invalid_request', message });
    }
  });

  it("treats another customer's chat, a message that is not a survey and another chat's survey as missing", async () => {
    await setSurvey(server);
    const mine = await surveyedChat(server);
    const other = await surveyedChat(server);
    const stranger = await bootVisitor(server);
    const body = { answerId: answerId(), score: 5 };
    const notMine = await answerInWidget(server, stranger.token, mine.chatId, mine.survey.id, body);
    expect(notMine.status).toBe(404);
    expect(notMine.body.error.code).toBe('chat_not_found');
    const first = (await widget(server)('GET', `/chats/${mine.chatId}`, { token: mine.token })).body.messages[0];
    for (const messageId of [first.id, other.survey.id, 'nope']) {
      const reply = await answerInWidget(server, mine.token, mine.chatId, messageId, body);
      expect(reply.status, messageId).toBe(404);
      expect(reply.body.error).toEqual({ code: 'survey_not_found', message: 'survey: no such survey' });
    }
    const anonymous = await widget(server)('POST', `/chats/${mine.chatId}/messages/${mine.survey.id}/answer`, { body });
    expect(anonymous.status).toBe(401);
    expect(await storedAnswers(server, mine.chatId)).toEqual([]);
    expect(await storedAnswers(server, other.chatId)).toEqual([]);
  });
});

describe('finding answered chats', () => {
  it('lists the chat answered with 5 under ?csat=5 and not under ?csat=1', async () => {
    await setSurvey(server);
    const { chatId } = await answer('widget', { answerId: answerId(), score: 5 });
    const ids = async (query: string) => (await api('GET', `/chats?${query}`)).body.chats.map((c: any) => c.id);
    expect(await ids('csat=5')).toContain(chatId);
    expect(await ids('csat=1')).not.toContain(chatId);
    expect(await ids('csat=5&state=closed')).toContain(chatId);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, manager, removeDir, startServer, widget, call, type TestServer } from './helpers.ts';
import { answerByLink, answerInWidget, closeChat, linkToken, openChat, setSurvey, storedAnswers, surveyedChat } from './surveyHelpers.ts';

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

let ids = 0;
const answerId = () => `step-${++ids}`;
const chatOf = async (chatId: string) => (await api('GET', `/chats/${chatId}`)).body;
const write = (token: string, chatId: string, text = 'One more thing') =>
  widget(server)('POST', `/chats/${chatId}/messages`, { token, body: { text, clientId: clientId('m') } });
const commentInWidget = (token: string, chatId: string, messageId: string, body: unknown) =>
  widget(server)('POST', `/chats/${chatId}/messages/${messageId}/answer/comment`, { token, body });
const skipInWidget = (token: string, chatId: string, messageId: string, body?: unknown) =>
  widget(server)('POST', `/chats/${chatId}/messages/${messageId}/skip`, { token, body: body ?? {} });
const commentByLink = (link: string, body: unknown) => call(`${server.url}/api/csat/${linkToken(link)}/answer/comment`, 'POST', { body });
const skipByLink = (link: string) => call(`${server.url}/api/csat/${linkToken(link)}/skip`, 'POST', { body: {} });

describe('the score, then the comment, as one answer', () => {
  it('stores the score at once and adds the comment sent afterwards to the same answer row', async () => {
    await setSurvey(server, { comment: true });
    const { token, chatId, survey } = await surveyedChat(server);
    const id = answerId();
    const scored = await answerInWidget(server, token, chatId, survey.id, { answerId: id, score: 4 });
    expect(scored.status).toBe(200);
    expect((await chatOf(chatId)).chat.profile['profile.csat']).toBe(4);
    expect((await chatOf(chatId)).chat.profile).not.toHaveProperty('profile.csatComment');

    const commented = await commentInWidget(token, chatId, survey.id, { answerId: id, comment: '  Quick and kind ' });
    expect(commented.status).toBe(200);
    expect(commented.body.message.form.answer).toEqual({ score: 4, comment: 'Quick and kind', answeredAt: scored.body.message.form.answer.answeredAt });
    const stored = await chatOf(chatId);
    expect(stored.chat.profile).toMatchObject({ 'profile.csat': 4, 'profile.csatComment': 'Quick and kind' });
    expect(stored.messages.at(-1)).toEqual(commented.body.message);
    expect(await storedAnswers(server, chatId)).toEqual([expect.objectContaining({ answer_id: id, score: 4, comment: 'Quick and kind' })]);
  });

  it('writes nothing twice on retries, and refuses another answerId, a changed score or a second comment', async () => {
    await setSurvey(server, { comment: true });
    const { token, chatId, survey } = await surveyedChat(server);
    const id = answerId();
    await answerInWidget(server, token, chatId, survey.id, { answerId: id, score: 2 });
    const retried = await answerInWidget(server, token, chatId, survey.id, { answerId: id, score: 2 });
    expect(retried.status).toBe(200);
    const other = await answerInWidget(server, token, chatId, survey.id, { answerId: answerId(), score: 5 });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('already_answered');

    const first = await commentInWidget(token, chatId, survey.id, { answerId: id, comment: 'Slow' });
    const again = await commentInWidget(token, chatId, survey.id, { answerId: id, comment: 'Slow' });
    expect(again.status).toBe(200);
    expect(again.body.message).toEqual(first.body.message);
    const changed = await commentInWidget(token, chatId, survey.id, { answerId: id, comment: 'Actually fine' });
    expect(changed.status).toBe(409);
    expect(changed.body.error).toEqual({ code: 'comment_given', message: 'comment: this answer already has its comment; a comment cannot be changed' });
    const foreign = await commentInWidget(token, chatId, survey.id, { answerId: 'someone-else', comment: 'Slow' });
    expect(foreign.status).toBe(409);
    expect(await storedAnswers(server, chatId)).toEqual([expect.objectContaining({ answer_id: id, score: 2, comment: 'Slow' })]);
    expect((await chatOf(chatId)).chat.profile['profile.csatComment']).toBe('Slow');
  });

  it('refuses a comment before the score, an empty one, and one on a survey without a comment box', async () => {
    await setSurvey(server, { comment: true });
    const { token, chatId, survey } = await surveyedChat(server);
    const early = await commentInWidget(token, chatId, survey.id, { comment: 'Hello' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not_answered');
    const empty = await commentInWidget(token, chatId, survey.id, { comment: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/^comment: /);
    await setSurvey(server, { comment: false });
    const bare = await surveyedChat(server);
    await answerInWidget(server, bare.token, bare.chatId, bare.survey.id, { answerId: answerId(), score: 5 });
    const refused = await commentInWidget(bare.token, bare.chatId, bare.survey.id, { comment: 'Hi' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('comment: this survey has no comment box');
    expect(await storedAnswers(server, bare.chatId)).toEqual([expect.objectContaining({ comment: null })]);
  });

  it('does the same from the customer link: score, then comment, one answer', async () => {
    await setSurvey(server, { comment: true });
    const { chatId, csatLink } = await surveyedChat(server);
    const id = answerId();
    expect((await answerByLink(server, csatLink, { answerId: id, score: 3 })).status).toBe(200);
    expect((await chatOf(chatId)).chat.profile['profile.csat']).toBe(3);
    const commented = await commentByLink(csatLink, { answerId: id, comment: 'Fine' });
    expect(commented.status).toBe(200);
    expect((await commentByLink(csatLink, { answerId: id, comment: 'Fine' })).status).toBe(200);
    expect(await storedAnswers(server, chatId)).toEqual([expect.objectContaining({ answer_id: id, score: 3, comment: 'Fine', via: 'link' })]);
    expect((await chatOf(chatId)).chat.profile['profile.csatComment']).toBe('Fine');
  });
});

describe('a comment on an older survey', () => {
  it('is written beside the score when its answer is still the latest, though a newer survey waits unanswered', async () => {
    await setSurvey(server, { required: false, comment: true });
    const { token, chatId, survey: first } = await surveyedChat(server);
    const id = answerId();
    await answerInWidget(server, token, chatId, first.id, { answerId: id, score: 2 });
    await api('POST', `/chats/${chatId}/open`);
    const closed = await closeChat(server, chatId);
    expect(closed.survey.id).not.toBe(first.id);
    expect(closed.survey.form.answer ?? null).toBeNull();

    const commented = await commentInWidget(token, chatId, first.id, { answerId: id, comment: 'Slow at first' });
    expect(commented.status).toBe(200);
    expect((await chatOf(chatId)).chat.profile).toMatchObject({ 'profile.csat': 2, 'profile.csatComment': 'Slow at first' });
  });
});

describe('skipping the survey', () => {
  it('records a skip once, shows it after a reload, refuses an answer afterwards and counts it as declined', async () => {
    await setSurvey(server, { required: false, scale: 3 });
    const before = (await api('GET', '/csat-stats')).body.overall;
    const { token, chatId, survey } = await surveyedChat(server);
    const skipped = await skipInWidget(token, chatId, survey.id);
    expect(skipped.status).toBe(200);
    expect(skipped.body.message.form).toEqual({ ...survey.form, skippedAt: expect.any(Number) });
    const again = await skipInWidget(token, chatId, survey.id);
    expect(again.body.message).toEqual(skipped.body.message);
    const reloaded = await widget(server)('GET', `/chats/${chatId}`, { token });
    expect(reloaded.body.messages.at(-1).form.skippedAt).toBe(skipped.body.message.form.skippedAt);

    const late = await answerInWidget(server, token, chatId, survey.id, { answerId: answerId(), score: 5 });
    expect(late.status).toBe(409);
    expect(late.body.error).toEqual({ code: 'survey_skipped', message: 'survey: was skipped; a skipped survey takes no answer' });
    expect(await storedAnswers(server, chatId)).toEqual([]);

    const after = (await api('GET', '/csat-stats')).body.overall;
    expect(after.sent - before.sent).toBe(1);
    expect(after.declined - before.declined).toBe(1);
    expect(after.answered).toBe(before.answered);
    expect(after.responseRate).toBe(after.answered / after.sent);
  });

  it('refuses to skip a required survey, or one already answered', async () => {
    await setSurvey(server, { required: true });
    const held = await surveyedChat(server);
    const refused = await skipInWidget(held.token, held.chatId, held.survey.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('survey_required');
    await setSurvey(server, { required: false });
    const answered = await surveyedChat(server);
    await answerInWidget(server, answered.token, answered.chatId, answered.survey.id, { answerId: answerId(), score: 5 });
    const late = await skipInWidget(answered.token, answered.chatId, answered.survey.id);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('already_answered');
    const extra = await skipInWidget(answered.token, answered.chatId, answered.survey.id, { why: 'no' });
    expect(extra.status).toBe(400);
  });

  it('skips from the customer link too, once', async () => {
    await setSurvey(server, { required: false });
    const { chatId, csatLink } = await surveyedChat(server);
    const first = await skipByLink(csatLink);
    expect(first.status).toBe(200);
    expect((await skipByLink(csatLink)).body.message).toEqual(first.body.message);
    expect((await call(`${server.url}/api/csat/${linkToken(csatLink)}`, 'GET')).body.form.skippedAt).toBe(first.body.message.form.skippedAt);
    expect((await answerByLink(server, csatLink, { answerId: answerId(), score: 1 })).status).toBe(409);
    expect((await chatOf(chatId)).chat.profile).not.toHaveProperty('profile.csat');
  });
});

describe('a required survey holds its chat', () => {
  it('refuses the customer writing in that chat until the score is stored, naming the rule; other chats are free', async () => {
    await setSurvey(server, { required: true, comment: false });
    const { token, chatId, survey } = await surveyedChat(server);
    const refused = await write(token, chatId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('survey_required');
    expect(refused.body.error.message).toMatch(/survey rule requires its score \(required\)/);
    expect((await chatOf(chatId)).messages.filter((m: any) => m.author === 'customer')).toHaveLength(1);
    expect((await chatOf(chatId)).chat.state).toBe('closed');

    const other = await widget(server)('POST', '/chats', { token, body: { clientId: clientId(), message: { text: 'Another question', clientId: clientId('m') } } });
    expect(other.status).toBe(201);

    await answerInWidget(server, token, chatId, survey.id, { answerId: answerId(), score: 5 });
    const accepted = await write(token, chatId);
    expect(accepted.status).toBe(201);
  });

  it('with commentRequired holds the chat until the comment is added too', async () => {
    await setSurvey(server, { required: true, comment: true, commentRequired: true });
    const { token, chatId, survey } = await surveyedChat(server);
    expect(survey.form).toMatchObject({ required: true, comment: true, commentRequired: true });
    const id = answerId();
    await answerInWidget(server, token, chatId, survey.id, { answerId: id, score: 1 });
    const refused = await write(token, chatId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/its comment \(commentRequired\)/);
    await commentInWidget(token, chatId, survey.id, { answerId: id, comment: 'Too slow' });
    expect((await write(token, chatId)).status).toBe(201);
  });

  it('does not hold the chat when the survey is not required', async () => {
    await setSurvey(server, { required: false });
    const { token, chatId } = await surveyedChat(server);
    expect((await write(token, chatId)).status).toBe(201);
  });
});

describe('a rule that stops requiring the survey', () => {
  it('releases the chats its surveys held: the customer can skip and write, and the widget reads the form as not required', async () => {
    await setSurvey(server, { required: true, comment: false });
    const held = await surveyedChat(server);
    const skipper = await surveyedChat(server);
    expect((await write(held.token, held.chatId)).status).toBe(409);
    expect((await skipInWidget(skipper.token, skipper.chatId, skipper.survey.id)).body.error.code).toBe('survey_required');

    expect((await api('PUT', '/csat-settings', { body: { required: false } })).status).toBe(200);
    const reloaded = await widget(server)('GET', `/chats/${held.chatId}`, { token: held.token });
    expect(reloaded.body.messages.find((m: any) => m.id === held.survey.id).form).toMatchObject({ required: false, commentRequired: false });
    const announced = (await widget(server)('GET', `/realtime?since=${held.afterSurvey}`, { token: held.token })).body.events;
    expect(announced.filter((e: any) => e.message?.id === held.survey.id).map((e: any) => e.message.form.required)).toEqual([false]);
    expect((await write(held.token, held.chatId)).status).toBe(201);
    expect((await skipInWidget(skipper.token, skipper.chatId, skipper.survey.id)).status).toBe(200);
  });

  it('releases a chat waiting only for its comment when commentRequired is turned off, and leaves a still-required score alone', async () => {
    await setSurvey(server, { required: true, comment: true, commentRequired: true });
    const scored = await surveyedChat(server);
    const unscored = await surveyedChat(server);
    await answerInWidget(server, scored.token, scored.chatId, scored.survey.id, { answerId: answerId(), score: 3 });
    expect((await write(scored.token, scored.chatId)).status).toBe(409);

    await api('PUT', '/csat-settings', { body: { commentRequired: false } });
    expect((await write(scored.token, scored.chatId)).status).toBe(201);
    expect((await write(unscored.token, unscored.chatId)).status).toBe(409);
    const form = (await chatOf(unscored.chatId)).messages.find((m: any) => m.id === unscored.survey.id).form;
    expect(form).toMatchObject({ required: true, commentRequired: false });
  });
});

describe('the rule carries commentRequired', () => {
  it('defaults to false, is kept by a partial PUT and refused when not a boolean', async () => {
    await setSurvey(server, { comment: true, commentRequired: true });
    const partial = await api('PUT', '/csat-settings', { body: { scale: 3 } });
    expect(partial.body).toMatchObject({ scale: 3, comment: true, commentRequired: true });
    const bad = await api('PUT', '/csat-settings', { body: { commentRequired: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('commentRequired: must be true or false');
    expect((await api('GET', '/csat-settings')).body.commentRequired).toBe(true);
    const chat = await openChat(server);
    expect(chat.chatId).toBeTruthy();
  });
});

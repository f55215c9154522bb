/**
 * Rate limits per visitor and per client address, over real sockets: a refused request answers
 * 429 with Retry-After and the limit named, and stores nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LimitOverrides } from '../../src/limits/limitRules.ts';
import { bootVisitor, call, clientId, removeDir, startServer, visitorWithChat, widget, type Reply, type TestServer } from '../helpers.ts';
import { countRows } from '../storedRows.ts';
import { answerByLink, answerInWidget, linkToken, setSurvey, surveyedChat } from '../surveyHelpers.ts';
import { widgetFrom } from './limitHelpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  if (server) await removeDir(server.dataDir);
  server = undefined;
});

const start = async (rateLimits: LimitOverrides) => (server = await startServer({ rateLimits }));

function expectLimited(reply: Reply, message: RegExp, windowSeconds: number): void {
  expect(reply.status).toBe(429);
  expect(reply.body.error.code).toBe('rate_limited');
  expect(reply.body.error.message).toMatch(message);
  const retryAfter = Number(reply.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= windowSeconds).toBe(true);
  expect(reply.body.error.message).toContain(`retry in ${retryAfter} s`);
}

const send = (s: TestServer, token: string, chatId: string, text: string) =>
  widget(s)('POST', `/chats/${chatId}/messages`, { token, body: { text, clientId: clientId('m') } });

const storedMessages = (s: TestServer) => countRows(s, 'SELECT count(*) AS n FROM messages');

describe('messages', () => {
  it('refuses the 6th message of one visitor within the minute with 429 and Retry-After, storing nothing', async () => {
    const s = await start({ message: { visitor: 5, ip: 100, windowSeconds: 60 } });
    const { token, chatId } = await visitorWithChat(s);
    for (let i = 1; i <= 5; i++) expect((await send(s, token, chatId, `line ${i}`)).status).toBe(201);
    const before = await storedMessages(s);
    const refused = await send(s, token, chatId, 'one too many');
    expectLimited(refused, /^messages: at most 5 per minute from one visitor; retry in \d+ s$/, 60);
    expect(await storedMessages(s)).toBe(before);
    const thread = await widget(s)('GET', `/chats/${chatId}`, { token });
    expect(thread.body.messages.map((m: any) => m.text)).not.toContain('one too many');
    // Another visitor on the same address is not held back by this one.
    const other = await visitorWithChat(s);
    expect((await send(s, other.token, other.chatId, 'hello')).status).toBe(201);
  });

  it('refuses messages over the address limit, however many visitors of that address send them', async () => {
    const s = await start({ message: { visitor: 5, ip: 8, windowSeconds: 60 } });
    const visitors = [await visitorWithChat(s), await visitorWithChat(s), await visitorWithChat(s)];
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const v of visitors) statuses.push((await send(s, v.token, v.chatId, `round ${round}`)).status);
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(201));
    expect(statuses[8]).toBe(429);
    const last = await send(s, visitors[0].token, visitors[0].chatId, 'still refused');
    expectLimited(last, /^messages: at most 8 per minute from one address/, 60);
    expect(await storedMessages(s)).toBe(3 + 8); // each chat's first message, and the 8 let through
    // A visitor of another address still talks.
    const away = widgetFrom(s, '127.0.0.2');
    const boot = await away('POST', '/boot', { body: {} });
    const chat = await away('POST', '/chats', { token: boot.body.token, body: { clientId: clientId() } });
    expect((await away('POST', `/chats/${chat.body.chat.id}/messages`, { token: boot.body.token, body: { text: 'hi', clientId: 'x1' } })).status).toBe(201);
  });

  it('lets a page read the refusal and its Retry-After across origins', async () => {
    const s = await start({ message: { visitor: 1 } });
    const { token, chatId } = await visitorWithChat(s);
    await send(s, token, chatId, 'first');
    const headers = { origin: 'https://shop.example' };
    const refused = await widget(s)('POST', `/chats/${chatId}/messages`, { token, headers, body: { text: 'x', clientId: 'c2' } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(refused.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });
});

describe('track', () => {
  const properties = { blob: 'x'.repeat(600) };

  it('refuses event data over a visitor\'s bytes quota, and stores none of it', async () => {
    const s = await start({ trackBytes: { visitor: 2000, ip: 100_000, windowSeconds: 3600 } });
    const { token, user } = await bootVisitor(s);
    const track = () => widget(s)('POST', '/events', { token, body: { name: 'Viewed', properties } });
    for (let i = 0; i < 3; i++) expect((await track()).status).toBe(204);
    const refused = await track();
    expectLimited(refused, /^event data: at most 2000 bytes per hour from one visitor/, 3600);
    expect(await countRows(s, "SELECT count(*) AS n FROM events_track WHERE user_id = ? AND name = 'Viewed'", user.id)).toBe(3);
    // Small events are refused too once the quota is spent: it counts bytes, not requests.
    expect((await widget(s)('POST', '/events', { token, body: { name: 'Tiny' } })).status).toBe(429);
  });

  it('counts events per visitor too, and still boots a visitor over the quota without its page view', async () => {
    const s = await start({ track: { visitor: 2 }, trackBytes: { visitor: 700 } });
    const { token, user } = await bootVisitor(s);
    const track = () => widget(s)('POST', '/events', { token, body: { name: 'Click' } });
    expect((await track()).status).toBe(204);
    expect((await track()).status).toBe(204);
    expectLimited(await track(), /^events: at most 2 per minute from one visitor/, 60);
    const boot = await widget(s)('POST', '/boot', { body: { token, pageView: properties } });
    expect(boot.status).toBe(200);
    expect(boot.body.user.id).toBe(user.id);
    const again = await widget(s)('POST', '/boot', { body: { token, pageView: properties } });
    expect(again.status).toBe(200);
    expect(await countRows(s, "SELECT count(*) AS n FROM events_track WHERE user_id = ? AND name = 'PageView'", user.id)).toBe(1);
  });
});

describe('boots, chats, profile writes and survey answers', () => {
  it('refuses a flood of boots from one address, and not a visitor of another address', async () => {
    const s = await start({ boot: { visitor: 100, ip: 5, windowSeconds: 60 } });
    for (let i = 0; i < 5; i++) expect((await widget(s)('POST', '/boot', { body: {} })).status).toBe(200);
    const users = await countRows(s, 'SELECT count(*) AS n FROM users');
    expectLimited(await widget(s)('POST', '/boot', { body: {} }), /^boots: at most 5 per minute from one address/, 60);
    expect(await countRows(s, 'SELECT count(*) AS n FROM users')).toBe(users);
    expect((await widgetFrom(s, '127.0.0.2')('POST', '/boot', { body: {} })).status).toBe(200);
  });

  it('counts a request before it looks anything up: boots under a wrong plugin key are limited too', async () => {
    const s = await start({ boot: { ip: 2 } });
    const wrong = (path: string) => call(`${s.url}/api/widget/no-such-key${path}`, 'POST', { body: {} });
    expect((await wrong('/boot')).status).toBe(404);
    expect((await wrong('/boot')).status).toBe(404);
    expectLimited(await wrong('/boot'), /^boots: at most 2 per minute from one address/, 60);
  });

  it('refuses a visitor booting again and again with its token', async () => {
    const s = await start({ boot: { visitor: 3, ip: 100 } });
    const { token } = await bootVisitor(s);
    for (let i = 0; i < 3; i++) expect((await widget(s)('POST', '/boot', { body: { token } })).status).toBe(200);
    expectLimited(await widget(s)('POST', '/boot', { body: { token } }), /^boots: at most 3 per minute from one visitor/, 60);
  });

  it('refuses chat creation over a visitor\'s limit', async () => {
    const s = await start({ newChat: { visitor: 2, ip: 100, windowSeconds: 600 } });
    const { token } = await bootVisitor(s);
    const open = () => widget(s)('POST', '/chats', { token, body: { clientId: clientId() } });
    expect((await open()).status).toBe(201);
    expect((await open()).status).toBe(201);
    expectLimited(await open(), /^new chats: at most 2 per 10 minutes from one visitor/, 600);
    expect(await countRows(s, 'SELECT count(*) AS n FROM chats')).toBe(2);
  });

  it('counts PATCH /user, tags and a chat\'s profile as profile writes', async () => {
    const s = await start({ profileWrite: { visitor: 3, ip: 100 } });
    const { token, chatId } = await visitorWithChat(s);
    const api = widget(s);
    expect((await api('PATCH', '/user', { token, body: { profile: { grade: 'VIP' } } })).status).toBe(200);
    expect((await api('POST', '/user/tags', { token, body: { add: ['a'] } })).status).toBe(200);
    expect((await api('PATCH', `/chats/${chatId}/profile`, { token, body: { profile: { productName: 'shirt' } } })).status).toBe(200);
    const refused = await api('PATCH', '/user', { token, body: { profile: { grade: 'Gold' } } });
    expectLimited(refused, /^profile writes: at most 3 per minute from one visitor/, 60);
    const boot = await api('POST', '/boot', { body: { token } });
    expect(boot.body.user.profile.grade).toBe('VIP');
  });

  it('refuses survey answers over the limit, in the widget and on the link page', async () => {
    const s = await start({ surveyAnswer: { visitor: 2, ip: 100 } });
    await setSurvey(s);
    const chat = await surveyedChat(s);
    // The same answer sent again, as a retry does: the second stores nothing new, and still counts.
    const answer = () => answerInWidget(s, chat.token, chat.chatId, chat.survey.id, { answerId: 'a-1', score: 4 });
    expect((await answer()).status).toBe(200);
    expect((await answer()).status).toBe(200);
    expectLimited(await answer(), /^survey answers: at most 2 per 10 minutes from one visitor/, 600);
    const other = await surveyedChat(s);
    const link = () => answerByLink(s, other.csatLink, { answerId: 'l-1', score: 5 });
    expect((await link()).status).toBe(200);
    expect((await link()).status).toBe(200);
    expectLimited(await link(), /^survey answers: at most 2 per 10 minutes from one visitor/, 600);
  });
});

describe('reads', () => {
  it('counts chat reads, marking read and the long poll together per visitor, leaving other visitors alone', async () => {
    const s = await start({ read: { visitor: 4, ip: 100 } });
    const api = widget(s);
    // Made here rather than by visitorWithChat, whose poll for a cursor is a read.
    const { token } = (await api('POST', '/boot', { body: {} })).body;
    const chatId = (await api('POST', '/chats', { token, body: { clientId: clientId(), message: { text: 'Hello', clientId: clientId('m') } } })).body.chat.id;
    expect((await api('GET', '/chats', { token })).status).toBe(200);
    expect((await api('GET', `/chats/${chatId}`, { token })).status).toBe(200);
    expect((await api('POST', `/chats/${chatId}/read`, { token })).status).toBe(200);
    expect((await api('GET', '/realtime?since=0&client=c1', { token })).status).toBe(200);
    expectLimited(await api('GET', '/chats', { token }), /^reads: at most 4 per minute from one visitor/, 60);
    // Writing is a different limit, and another visitor still reads.
    expect((await send(s, token, chatId, 'still here')).status).toBe(201);
    const other = await visitorWithChat(s);
    expect((await api('GET', '/chats', { token: other.token })).status).toBe(200);
  });

  it('bounds reads of a survey link', async () => {
    const s = await start({ read: { visitor: 2, ip: 100 } });
    await setSurvey(s);
    const { csatLink } = await surveyedChat(s);
    const read = () => call(`${s.url}/api/csat/${linkToken(csatLink)}`, 'GET');
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200);
    expectLimited(await read(), /^reads: at most 2 per minute from one visitor/, 60);
  });
});

describe('limits off', () => {
  it('lets everything through when the limits are off', async () => {
    server = await startServer({ rateLimits: 'off' });
    const { token, chatId } = await visitorWithChat(server);
    for (let i = 0; i < 40; i++) expect((await send(server, token, chatId, `m${i}`)).status).toBe(201);
  });
});

describe('manager sign-ins', () => {
  it('checks at most the allowed number of passwords when wrong ones arrive all at once from one address', async () => {
    server = await startServer({ rateLimits: {}, owner: { email: 'owner@shop.test', password: 'correct horse battery' } });
    const s = server;
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(`${s.url}/api/manager/session`, 'POST', { body: { email: 'owner@shop.test', password: `wrong guess ${i}` } })),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    // The address waits now, even with the right password.
    const right = await call(`${s.url}/api/manager/session`, 'POST', { body: { email: 'owner@shop.test', password: 'correct horse battery' } });
    expect(right.status).toBe(429);
  });
});

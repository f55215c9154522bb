import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL_PAGE } from '../src/realtime/pollEvents.ts';
import { bootVisitor, manager, removeDir, Socket, startServer, visitorWithChat, widget, type TestServer } from './helpers.ts';

const WAIT_MS = 1500;
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ pollTimeoutMs: WAIT_MS });
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

const poll = (token: string, query: string, target = server) => widget(target)('GET', `/realtime?${query}`, { token });
const reply = (chatId: string, text: string) => manager(server)('POST', `/chats/${chatId}/messages`, { body: { text } });
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('polling the realtime stream over HTTPS', () => {
  it('answers the events after the cursor at once, and resumes from a later cursor losing and repeating nothing', async () => {
    const { token, chatId, cursor } = await visitorWithChat(server);
    const other = await visitorWithChat(server);
    await reply(chatId, 'one');
    await reply(other.chatId, 'not yours');
    await reply(chatId, 'two');
    await manager(server)('POST', `/chats/${chatId}/close`);

    const all = await poll(token, `since=${cursor}`);
    expect(all.status).toBe(200);
    expect(all.headers.get('cache-control')).toBe('no-store');
    expect(all.body.events.map((e: any) => e.message?.text ?? e.chat.state)).toEqual(['one', 'two', 'closed']);
    expect(all.body.cursor).toBeGreaterThanOrEqual(all.body.events[2].seq);

    const rest = await poll(token, `since=${all.body.events[0].seq}`);
    expect(rest.body.events.map((e: any) => e.seq)).toEqual([all.body.events[1].seq, all.body.events[2].seq]);
  });

  it('hands out pages of at most POLL_PAGE events whose cursors chain without a gap or a repeat', async () => {
    const { token, chatId, cursor } = await visitorWithChat(server);
    const texts = Array.from({ length: POLL_PAGE + 5 }, (_, i) => `page ${i}`);
    for (const text of texts) await reply(chatId, text);
    const first = await poll(token, `since=${cursor}`);
    expect(first.body.events).toHaveLength(POLL_PAGE);
    expect(first.body.cursor).toBe(first.body.events.at(-1).seq);
    const second = await poll(token, `since=${first.body.cursor}`);
    const received = [...first.body.events, ...second.body.events].map((e: any) => e.message.text);
    expect(received).toEqual(texts);
  });

  it('gives each event the view the customer socket gets', async () => {
    const { token, chatId, cursor } = await visitorWithChat(server);
    const socket = await Socket.open(server);
    await socket.hello({ token, since: cursor });
    await reply(chatId, 'same for both');
    const frame = await socket.next();
    const polled = await poll(token, `since=${cursor}`);
    expect(polled.body.events).toEqual([frame.event]);
    expect(polled.body.events[0].chat.profile).not.toHaveProperty('priority');
    socket.close();
  });

  it('waits when nothing is new, and answers as soon as an event for this customer is written', async () => {
    const { token, chatId, cursor } = await visitorWithChat(server);
    const started = Date.now();
    const waiting = poll(token, `since=${cursor}&client=tab-1`);
    await later(200);
    const sent = await reply(chatId, 'worth the wait');
    const answer = await waiting;
    expect(Date.now() - started).toBeLessThan(WAIT_MS);
    expect(answer.body.events).toEqual([expect.objectContaining({ seq: expect.any(Number), message: sent.body.message })]);
    expect(answer.body.cursor).toBeGreaterThanOrEqual(answer.body.events[0].seq);
  });

  it("never wakes for nor shows another customer's events", async () => {
    const mine = await visitorWithChat(server);
    const theirs = await visitorWithChat(server);
    const started = Date.now();
    const waiting = poll(mine.token, `since=${mine.cursor}`);
    await later(100);
    await reply(theirs.chatId, 'for someone else');
    const answer = await waiting;
    expect(answer.body.events).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(WAIT_MS - 50);
    // The other customer's event is behind the cursor now: resuming from it skips nothing of mine.
    expect(answer.body.cursor).toBeGreaterThan(mine.cursor);
  });

  it('answers empty with the cursor once the time limit passes', async () => {
    const { token, cursor } = await visitorWithChat(server);
    const started = Date.now();
    const answer = await poll(token, `since=${cursor}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ events: [], cursor: expect.any(Number) });
    expect(answer.body.cursor).toBeGreaterThanOrEqual(cursor);
    expect(Date.now() - started).toBeGreaterThanOrEqual(WAIT_MS - 50);
  });

  it("ends a client's waiting poll when the same client polls again, and leaves other tabs waiting", async () => {
    const { token, chatId, cursor } = await visitorWithChat(server);
    const first = poll(token, `since=${cursor}&client=tab-a`);
    const otherTab = poll(token, `since=${cursor}&client=tab-b`);
    await later(200);
    const second = poll(token, `since=${cursor}&client=tab-a`);
    const ended = await first;
    expect(ended.status).toBe(409);
    expect(ended.body.error.code).toBe('poll_replaced');
    await later(100);
    await reply(chatId, 'both tabs');
    for (const answer of await Promise.all([second, otherTab])) {
      expect(answer.body.events.map((e: any) => e.message.text)).toEqual(['both tabs']);
    }
  });

  it('answers cross-origin with the same CORS headers as the other widget calls', async () => {
    const { token, cursor } = await visitorWithChat(server);
    const sent = await reply((await visitorWithChat(server)).chatId, 'x'); // moves the channel's horizon
    const answer = await widget(server)('GET', `/realtime?since=${cursor}`, { token, headers: { origin: 'https://shop.example' } });
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(sent.status).toBe(201);
    expect(answer.body.cursor).toBeGreaterThan(cursor);
  });
});

describe('refused polls', () => {
  it('refuses a missing, malformed or negative cursor, naming `since`', async () => {
    const { token } = await bootVisitor(server);
    for (const query of ['', 'since=', 'since=-1', 'since=1.5', 'since=abc', 'since=1e3', 'since=99999999999999999999']) {
      const answer = await poll(token, query);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error).toEqual({ code: 'invalid_request', message: expect.stringMatching(/^since: must be a non-negative integer/) });
    }
  });

  it('refuses a cursor beyond the newest event, which this server never handed out', async () => {
    const { token, cursor } = await visitorWithChat(server);
    const answer = await poll(token, `since=${cursor + 1_000_000}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_cursor');
    expect(answer.body.error.message).toMatch(/^since: \d+ is after the newest event/);
  });

  it('refuses an unknown query key, a malformed client id and a missing or wrong token', async () => {
    const { token, cursor } = await visitorWithChat(server);
    expect((await poll(token, `since=${cursor}&after=3`)).body.error.message).toMatch(/^query\.after: is not a known field/);
    expect((await poll(token, `since=${cursor}&client=${'x'.repeat(65)}`)).body.error.message).toMatch(/^client: /);
    const anonymous = await widget(server)('GET', `/realtime?since=${cursor}`);
    expect(anonymous.status).toBe(401);
    expect((await poll('not-a-token', `since=${cursor}`)).status).toBe(401);
  });

  it('refuses a poll from an origin the channel does not allow', async () => {
    const guarded = await startServer({ allowedOrigins: ['https://shop.example'] });
    const { token } = await bootVisitor(guarded);
    const answer = await widget(guarded)('GET', '/realtime?since=0', { token, headers: { origin: 'https://evil.example' } });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('origin_not_allowed');
    await guarded.close();
    await removeDir(guarded.dataDir);
  });
});

describe('closing the server', () => {
  it('answers waiting polls at once, so clients hear it rather than lose the connection', async () => {
    const closing = await startServer({ pollTimeoutMs: 60_000 });
    const { token, cursor } = await bootVisitor(closing);
    const waiting = poll(token, `since=${cursor}`, closing).catch((error: Error) => error);
    await later(200);
    const started = Date.now();
    await closing.close();
    expect(await waiting).toMatchObject({ status: 200, body: { events: [], cursor } });
    expect(Date.now() - started).toBeLessThan(3000);
    await removeDir(closing.dataDir);
  });
});

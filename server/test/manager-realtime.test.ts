import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, manager, MANAGER_TOKEN, removeDir, Socket, startServer, widget, type TestServer } from './helpers.ts';
import { answerInWidget, openChat, setSurvey } from './surveyHelpers.ts';

const M = 60_000;
const H = 60 * M;
const T = Date.UTC(2026, 10, 23, 1, 0);

let server: TestServer;
let api: ReturnType<typeof manager>;
let now = T;

beforeAll(async () => {
  server = await startServer({ clock: () => now });
  api = manager(server);
  await setSurvey(server, { scale: 3 });
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

/** The next `count` event frames, as events. */
async function events(socket: Socket, count: number) {
  const received = [];
  for (let i = 0; i < count; i++) {
    const frame = await socket.next();
    expect(frame.type).toBe('event');
    received.push(frame.event);
  }
  return received;
}

describe('manager stream', () => {
  it("follows a chat's whole life: metrics as they change, the survey, its answer and a reopen", async () => {
    const socket = await Socket.open(server);
    const { cursor } = await socket.hello({ managerToken: MANAGER_TOKEN, since: 1e12 });

    now = T;
    const chat = await openChat(server);
    const [created, first] = await events(socket, 2);
    expect(created).toMatchObject({ type: 'chat', chat: { id: chat.chatId, state: 'opened', user: { id: chat.userId } } });
    expect(created.seq).toBeGreaterThan(cursor);
    expect(first).toMatchObject({ type: 'message', message: { author: 'customer' } });

    now = T + 2 * M;
    await api('POST', `/chats/${chat.chatId}/messages`, { body: { text: 'Looking into it' } });
    const [reply] = await events(socket, 1);
    expect(reply).toMatchObject({ type: 'message', message: { author: 'manager' }, chat: { profile: { waitingTime: 2 * M, avgReplyTime: 2 * M } } });

    now = T + 5 * M;
    await api('POST', `/chats/${chat.chatId}/close`);
    const [closed, survey] = await events(socket, 2);
    expect(closed).toMatchObject({ type: 'chat', chat: { state: 'closed', profile: { closedAt: T + 5 * M, resolutionTime: 5 * M } } });
    expect(survey).toMatchObject({ type: 'message', message: { author: 'bot', form: { scale: 3, answer: null } } });

    now = T + 6 * M;
    await answerInWidget(server, chat.token, chat.chatId, survey.message.id, { answerId: 'live-answer', score: 3 });
    const [answered, scored] = await events(socket, 2);
    expect(answered).toMatchObject({ type: 'message', message: { id: survey.message.id, form: { answer: { score: 3, answeredAt: T + 6 * M } } } });
    expect(scored).toMatchObject({ type: 'chat', chat: { state: 'closed', profile: { 'profile.csat': 3 } } });

    now = T + H;
    await api('POST', `/chats/${chat.chatId}/open`);
    const [reopened] = await events(socket, 1);
    expect(reopened).toMatchObject({ type: 'chat', chat: { state: 'opened', profile: { openedAt: T + H, 'profile.csat': 3 } } });
    for (const key of ['closedAt', 'resolutionTime', 'waitingTime']) expect(reopened.chat.profile).not.toHaveProperty(key);

    // Another customer's chat arrives on the same stream.
    const other = await widget(server)('POST', '/boot', { body: {} });
    await widget(server)('POST', '/chats', { token: other.body.token, body: { clientId: clientId() } });
    const [elsewhere] = await events(socket, 1);
    expect(elsewhere).toMatchObject({ type: 'chat', chat: { user: { id: other.body.user.id } } });
    await socket.silence();

    // A console that reconnects from its cursor replays the same events in the same order.
    const again = await Socket.open(server);
    const replay = await again.hello({ managerToken: MANAGER_TOKEN, since: cursor });
    expect(replay.events.map((e) => [e.seq, e.type])).toEqual(
      [created, first, reply, closed, survey, answered, scored, reopened, elsewhere].map((e) => [e.seq, e.type]),
    );
    expect(replay.events[3].chat.profile.resolutionTime).toBe(5 * M);
    socket.close();
    again.close();
  });

  it('announces every message with the chat exactly as reading it back right after shows it', async () => {
    const managers = await Socket.open(server);
    await managers.hello({ managerToken: MANAGER_TOKEN, since: 1e12 });
    now = T + 2 * H;
    const chat = await openChat(server);
    await events(managers, 2);
    const customer = await Socket.open(server);
    await customer.hello({ token: chat.token, since: 1e12 });
    const customerSays = (text: string) =>
      widget(server)('POST', `/chats/${chat.chatId}/messages`, { token: chat.token, body: { text, clientId: clientId('m') } });
    const managerSays = (text: string) => api('POST', `/chats/${chat.chatId}/messages`, { body: { text } });

    const steps: [number, () => Promise<unknown>, number][] = [
      [3 * M, () => managerSays('One moment'), 1],
      [4 * M, () => managerSays('Found it'), 1],
      [5 * M, () => customerSays('Thanks'), 1],
      [7 * M, () => managerSays('Anything else?'), 1],
      [8 * M, () => api('POST', `/chats/${chat.chatId}/close`), 2], // closed, then the survey
      [H, () => customerSays('One more thing'), 2], // reopened, then the message
      [H + 2 * M, () => managerSays('Sure'), 1],
      [H + 3 * M, () => managerSays('Here you go'), 1],
    ];
    const unread = [];
    for (const [at, step, count] of steps) {
      now = T + 2 * H + at;
      await step();
      const seenByManagers = (await events(managers, count)).at(-1);
      const seenByCustomer = (await events(customer, count)).at(-1);
      expect(seenByManagers.chat).toEqual((await api('GET', `/chats/${chat.chatId}`)).body.chat);
      const own = (await widget(server)('GET', `/chats/${chat.chatId}`, { token: chat.token })).body.chat;
      expect({ ...seenByCustomer.chat, unread: seenByCustomer.unread }).toEqual(own);
      unread.push(own.unread);
    }
    expect(unread).toEqual([1, 2, 0, 1, 2, 0, 1, 2]);
    await managers.silence();
    managers.close();
    customer.close();
  });

  it('refuses a wrong managerToken with an error frame, then closes with 4401', async () => {
    const socket = await Socket.open(server);
    socket.send({ type: 'hello', managerToken: 'not-the-token', since: 0 });
    expect(await socket.next()).toEqual({ type: 'error', code: 'unauthorized', message: 'managerToken: not valid' });
    expect((await socket.closed).code).toBe(4401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../../src/shared/operatingHours.ts';
import { bootVisitor, clientId, manager, removeDir, startServer, widget, type TestServer } from './helpers.ts';
import { writeRows } from './storedRows.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
// Monday 2026-11-23 10:00 in Seoul (UTC+9).
const MON_10_SEOUL = Date.UTC(2026, 10, 23, 1, 0);
const METRICS = ['waitingTime', 'avgReplyTime', 'resolutionTime', 'operationWaitingTime', 'operationAvgReplyTime', 'operationResolutionTime'];

let server: TestServer;
let api: ReturnType<typeof manager>;
/** The server's clock: each step of a test sets the time it happens at. */
let now = MON_10_SEOUL;

beforeAll(async () => {
  server = await startServer({ clock: () => now });
  api = manager(server);
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

/** A customer who opens a chat with a first message at `at`. */
async function customerChat(at: number) {
  now = at;
  const { token } = await bootVisitor(server);
  const created = await widget(server)('POST', '/chats', {
    token,
    body: { clientId: clientId(), message: { text: '문의드립니다', clientId: clientId('m') } },
  });
  const chatId = created.body.chat.id as string;
  return {
    token,
    chatId,
    customer: async (atTime: number, text = 'and also…') => {
      now = atTime;
      const reply = await widget(server)('POST', `/chats/${chatId}/messages`, { token, body: { text, clientId: clientId('m') } });
      expect(reply.status).toBe(201);
    },
    manager: async (atTime: number, text = 'Let me check') => {
      now = atTime;
      expect((await api('POST', `/chats/${chatId}/messages`, { body: { text } })).status).toBe(201);
    },
    close: async (atTime: number) => {
      now = atTime;
      return (await api('POST', `/chats/${chatId}/close`)).body.chat.profile;
    },
    reopen: async (atTime: number) => {
      now = atTime;
      return (await api('POST', `/chats/${chatId}/open`)).body.chat.profile;
    },
    profile: async () => (await api('GET', `/chats/${chatId}`)).body.chat.profile,
  };
}

const metricsOf = (profile: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(profile).filter(([key]) => METRICS.includes(key)));

describe('response-time metrics in the chat profile', () => {
  it('has no reply metrics while no manager has answered, however many customer turns', async () => {
    const t0 = MON_10_SEOUL;
    const chat = await customerChat(t0);
    await chat.customer(t0 + 30 * S);
    await chat.customer(t0 + 5 * M);
    expect(metricsOf(await chat.profile())).toEqual({});
  });

  it('measures the first response and the average reply over several turns after each manager reply', async () => {
    const t0 = MON_10_SEOUL + H;
    const chat = await customerChat(t0);
    await chat.customer(t0 + 30 * S); // still waiting since t0
    await chat.manager(t0 + 2 * M); // answers after 2 min
    expect(metricsOf(await chat.profile())).toEqual({
      waitingTime: 2 * M,
      operationWaitingTime: 2 * M,
      avgReplyTime: 2 * M,
      operationAvgReplyTime: 2 * M,
    });
    await chat.customer(t0 + 10 * M);
    await chat.manager(t0 + 14 * M); // answers after 4 min
    await chat.manager(t0 + 15 * M); // a follow-up answers nothing
    expect(metricsOf(await chat.profile())).toEqual({
      waitingTime: 2 * M,
      operationWaitingTime: 2 * M,
      avgReplyTime: 3 * M,
      operationAvgReplyTime: 3 * M,
    });
  });

  it('measures the resolution time at close, and the close response carries it', async () => {
    const t0 = MON_10_SEOUL + 2 * H;
    const chat = await customerChat(t0);
    await chat.manager(t0 + M);
    const closed = await chat.close(t0 + 20 * M);
    expect(closed).toMatchObject({ state: 'closed', closedAt: t0 + 20 * M, resolutionTime: 20 * M, operationResolutionTime: 20 * M });
    expect(metricsOf(await chat.profile())).toEqual(metricsOf(closed));
  });

  it('starts afresh on reopen: drops closedAt and the resolution time, then measures the new period', async () => {
    const t0 = MON_10_SEOUL + 3 * H;
    const chat = await customerChat(t0);
    await chat.manager(t0 + 10 * M);
    await chat.close(t0 + 20 * M);
    const reopened = await chat.reopen(t0 + H);
    expect(reopened).toMatchObject({ state: 'opened', firstOpenedAt: t0, openedAt: t0 + H });
    expect(reopened).not.toHaveProperty('closedAt');
    // The earlier period's reply does not count for this one: nothing is measured yet.
    expect(metricsOf(reopened)).toEqual({});

    await chat.customer(t0 + H + M);
    await chat.manager(t0 + H + 6 * M);
    const closedAgain = await chat.close(t0 + H + 10 * M);
    expect(closedAgain).toMatchObject({ firstOpenedAt: t0, openedAt: t0 + H, closedAt: t0 + H + 10 * M });
    expect(metricsOf(closedAgain)).toEqual({
      waitingTime: 6 * M,
      operationWaitingTime: 6 * M,
      avgReplyTime: 5 * M,
      operationAvgReplyTime: 5 * M,
      resolutionTime: 10 * M,
      operationResolutionTime: 10 * M,
    });
  });

  it("remeasures when the customer's message reopens a closed chat", async () => {
    const t0 = MON_10_SEOUL + 4 * H;
    const chat = await customerChat(t0);
    await chat.manager(t0 + 3 * M);
    await chat.close(t0 + 5 * M);
    await chat.customer(t0 + H, 'One more question');
    const profile = await chat.profile();
    expect(profile).toMatchObject({ state: 'opened', openedAt: t0 + H });
    expect(profile).not.toHaveProperty('closedAt');
    expect(metricsOf(profile)).toEqual({});
  });

  it('recounts the chat when a message is older than the last one counted (a clock set back)', async () => {
    const t0 = MON_10_SEOUL + 6 * H;
    const chat = await customerChat(t0);
    await chat.manager(t0 + 5 * M);
    await chat.customer(t0 + 10 * M);
    await chat.manager(t0 + 8 * M); // before the customer's question, so it answers nothing
    expect(metricsOf(await chat.profile())).toEqual({
      waitingTime: 5 * M,
      operationWaitingTime: 5 * M,
      avgReplyTime: 5 * M,
      operationAvgReplyTime: 5 * M,
    });
  });

  it('counts a chat stored without a tally (before this version) from its messages', async () => {
    const t0 = MON_10_SEOUL + 7 * H;
    const chat = await customerChat(t0);
    await chat.manager(t0 + 2 * M);
    expect(await writeRows(server, 'UPDATE chats SET metrics_tally = NULL WHERE id = ?', chat.chatId)).toBe(1);
    await chat.customer(t0 + 10 * M);
    await chat.manager(t0 + 14 * M);
    expect(metricsOf(await chat.profile())).toEqual({
      waitingTime: 2 * M,
      operationWaitingTime: 2 * M,
      avgReplyTime: 3 * M,
      operationAvgReplyTime: 3 * M,
    });
  });

  it('leaves the metrics out of the customer’s own view of the chat', async () => {
    const t0 = MON_10_SEOUL + 5 * H;
    const chat = await customerChat(t0);
    await chat.manager(t0 + M);
    await chat.close(t0 + 2 * M);
    const seen = await widget(server)('GET', `/chats/${chat.chatId}`, { token: chat.token });
    expect(seen.body.chat.profile).toMatchObject({ closedAt: t0 + 2 * M });
    expect(metricsOf(seen.body.chat.profile)).toEqual({});
  });
});

describe('response-time metrics within operating hours', () => {
  const nineToSix = [{ start: '09:00', end: '18:00' }];
  const SEOUL_WEEKDAYS = {
    timeZone: 'Asia/Seoul',
    weekly: { sun: [], mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix, sat: [] },
  };
  // Friday 2026-11-27 17:30 and Monday 2026-11-30 09:30 in Seoul.
  const fri1730 = MON_10_SEOUL + 4 * 24 * H + 7.5 * H;
  const mon0930 = MON_10_SEOUL + 7 * 24 * H - 0.5 * H;

  beforeAll(async () => {
    expect((await api('PUT', '/operating-hours', { body: SEOUL_WEEKDAYS })).status).toBe(200);
  });
  afterAll(async () => {
    await api('PUT', '/operating-hours', { body: ALWAYS_OPEN });
  });

  it('counts only open time across a night and a weekend, in the channel time zone', async () => {
    const chat = await customerChat(fri1730);
    await chat.manager(mon0930);
    const closed = await chat.close(mon0930 + H);
    expect(metricsOf(closed)).toEqual({
      waitingTime: mon0930 - fri1730, // 2 days 16 hours on the wall clock
      operationWaitingTime: H, // half an hour on Friday, half on Monday
      avgReplyTime: mon0930 - fri1730,
      operationAvgReplyTime: H,
      resolutionTime: mon0930 + H - fri1730,
      operationResolutionTime: 2 * H,
    });
  });

  it('keeps stored metrics when the hours change, and uses the new hours at the next change', async () => {
    const chat = await customerChat(fri1730);
    await chat.manager(mon0930);
    expect((await chat.profile()).operationWaitingTime).toBe(H);
    await api('PUT', '/operating-hours', { body: ALWAYS_OPEN });
    expect((await chat.profile()).operationWaitingTime).toBe(H);
    await chat.close(mon0930 + H);
    expect(await chat.profile()).toMatchObject({
      operationWaitingTime: mon0930 - fri1730,
      operationAvgReplyTime: mon0930 - fri1730,
      operationResolutionTime: mon0930 + H - fri1730,
    });
    await api('PUT', '/operating-hours', { body: SEOUL_WEEKDAYS });
  });
});

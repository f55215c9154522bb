import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, manager, removeDir, startServer, widget, type TestServer } from './helpers.ts';

const DAY = 86_400_000;
let now: number;
let server: TestServer;
let api: ReturnType<typeof widget>;
let managerApi: ReturnType<typeof manager>;

beforeAll(async () => {
  now = Date.UTC(2026, 11, 1);
  server = await startServer({ clock: () => now });
  api = widget(server);
  managerApi = manager(server);
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

const setGoal = (body: unknown) => managerApi('PUT', '/goal', { body });
async function customerChat() {
  const { token } = (await api('POST', '/boot', { body: {} })).body as { token: string };
  const created = await api('POST', '/chats', { token, body: { clientId: clientId() } });
  expect(created.status).toBe(201);
  return { token, chatId: created.body.chat.id as string };
}
const track = (token: string, name: string) => api('POST', '/events', { token, body: { name } });
const profileOf = async (chatId: string) => (await managerApi('GET', `/chats/${chatId}`)).body.chat.profile;

describe('the channel goal', () => {
  it('is off until set, and reads back what PUT stored', async () => {
    expect((await managerApi('GET', '/goal')).body).toEqual({ eventName: null, windowDays: 7 });
    const put = await setGoal({ eventName: 'Purchase', windowDays: 3 });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ eventName: 'Purchase', windowDays: 3 });
    expect((await managerApi('GET', '/goal')).body).toEqual({ eventName: 'Purchase', windowDays: 3 });
  });

  it.each([
    [{ windowDays: 3 }, 'eventName:'],
    [{ eventName: '', windowDays: 3 }, 'eventName: must be an event name of 1 to 30 characters'],
    [{ eventName: 'x'.repeat(31), windowDays: 3 }, 'eventName: must be an event name of 1 to 30 characters'],
    [{ eventName: 7, windowDays: 3 }, 'eventName:'],
    [{ eventName: 'Purchase' }, 'windowDays:'],
    [{ eventName: 'Purchase', windowDays: 0 }, 'windowDays: must be a whole number of days from 1 to 365'],
    [{ eventName: 'Purchase', windowDays: 366 }, 'windowDays: must be a whole number of days from 1 to 365'],
    [{ eventName: 'Purchase', windowDays: 1.5 }, 'windowDays: must be a whole number'],
    [{ eventName: 'Purchase', windowDays: '3' }, 'windowDays: must be a whole number'],
    [{ eventName: 'Purchase', windowDays: 3, extra: 1 }, 'extra: is not a known field'],
  ])('refuses %j naming the key, and keeps the stored goal', async (body, message) => {
    const reply = await setGoal(body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalid_request');
    expect(reply.body.error.message).toContain(message);
    expect((await managerApi('GET', '/goal')).body).toEqual({ eventName: 'Purchase', windowDays: 3 });
  });
});

describe('a chat started while a goal is set', () => {
  it('is pending, then achieved by its customer tracking the event inside the window', async () => {
    await setGoal({ eventName: 'Purchase', windowDays: 3 });
    const { token, chatId } = await customerChat();
    expect(await profileOf(chatId)).toMatchObject({ goalEventName: 'Purchase', goalState: 'pending' });
    await track(token, 'AddToCart');
    expect((await profileOf(chatId)).goalState).toBe('pending');
    now += 3 * DAY; // exactly at the edge still counts
    expect((await track(token, 'Purchase')).status).toBe(204);
    const profile = await profileOf(chatId);
    expect(profile).toMatchObject({ goalEventName: 'Purchase', goalState: 'achieved', goalCheckedAt: now });
    now += 10 * DAY;
    expect(await profileOf(chatId)).toMatchObject({ goalState: 'achieved', goalCheckedAt: profile.goalCheckedAt });
  });

  it('is not achieved after the window, in the chat list and the export too, and a late event changes nothing', async () => {
    await setGoal({ eventName: 'Purchase', windowDays: 2 });
    const { token, chatId } = await customerChat();
    now += 2 * DAY + 1;
    const list = (await managerApi('GET', '/chats?limit=100')).body;
    const listed = list.chats.find((chat: { id: string }) => chat.id === chatId);
    expect(listed.profile.goalState).toBe('not_achieved');
    await track(token, 'Purchase');
    const profile = await profileOf(chatId);
    expect(profile.goalState).toBe('not_achieved');
    expect(profile.goalCheckedAt).toBeUndefined();
  });

  it("is settled as not achieved when the customer's own widget is the first to read it", async () => {
    await setGoal({ eventName: 'Purchase', windowDays: 1 });
    const listed = await customerChat();
    const opened = await customerChat();
    now += DAY + 1;
    const list = (await api('GET', '/chats', { token: listed.token })).body;
    expect(list.chats.find((chat: { id: string }) => chat.id === listed.chatId).profile.goalState).toBe('not_achieved');
    const read = (await api('GET', `/chats/${opened.chatId}`, { token: opened.token })).body;
    expect(read.chat.profile.goalState).toBe('not_achieved');
  });

  it('is settled as not achieved when the export is the first to read it', async () => {
    await setGoal({ eventName: 'Signup', windowDays: 1 });
    const { chatId } = await customerChat();
    now += 2 * DAY;
    const exported = await managerApi('GET', '/export?format=csv');
    expect(exported.status).toBe(200);
    expect(String(exported.body)).toContain('not_achieved');
    expect((await profileOf(chatId)).goalState).toBe('not_achieved');
  });

  it("does not count another customer's event", async () => {
    await setGoal({ eventName: 'Purchase', windowDays: 3 });
    const { chatId } = await customerChat();
    const other = await customerChat();
    await track(other.token, 'Purchase');
    expect((await profileOf(chatId)).goalState).toBe('pending');
    expect((await profileOf(other.chatId)).goalState).toBe('achieved');
  });

  it('keeps its own goal when the channel goal changes or is turned off', async () => {
    await setGoal({ eventName: 'Purchase', windowDays: 3 });
    const { token, chatId } = await customerChat();
    await setGoal({ eventName: 'Signup', windowDays: 3 });
    await track(token, 'Signup');
    expect(await profileOf(chatId)).toMatchObject({ goalEventName: 'Purchase', goalState: 'pending' });
    expect((await setGoal({ eventName: null })).body).toEqual({ eventName: null, windowDays: 3 });
    const off = await customerChat();
    const profile = await profileOf(off.chatId);
    expect(profile.goalState).toBeUndefined();
    expect(profile.goalEventName).toBeUndefined();
    await track(token, 'Purchase');
    expect((await profileOf(chatId)).goalState).toBe('achieved');
  });

  it("is achieved by the boot's page view only when the goal event is PageView", async () => {
    await setGoal({ eventName: 'Purchase', windowDays: 1 });
    const purchase = await customerChat();
    await api('POST', '/boot', { body: { token: purchase.token, pageView: { url: 'https://shop.example/' } } });
    expect((await profileOf(purchase.chatId)).goalState).toBe('pending');
    await setGoal({ eventName: 'PageView', windowDays: 1 });
    const { token, chatId } = await customerChat();
    now += 1000;
    const boot = await api('POST', '/boot', { body: { token, pageView: { url: 'https://shop.example/thanks' } } });
    expect(boot.status).toBe(200);
    expect(await profileOf(chatId)).toMatchObject({ goalState: 'achieved', goalCheckedAt: now });
  });

  it('cannot be written by the SDK', async () => {
    await setGoal({ eventName: 'Purchase', windowDays: 3 });
    const { token, chatId } = await customerChat();
    const reply = await api('PATCH', `/chats/${chatId}/profile`, { token, body: { profile: { goalState: 'achieved' } } });
    expect(reply.status).toBe(400);
    expect((await profileOf(chatId)).goalState).toBe('pending');
  });
});

describe('a widget read', () => {
  const poll = (token: string, since: number) => api('GET', `/realtime?since=${since}`, { token });

  it("settles the reading customer's overdue goals only; another customer's wait for a manager read", async () => {
    await setGoal({ eventName: 'Purchase', windowDays: 1 });
    const reader = await customerChat();
    const other = await customerChat();
    const cursor = (await poll(other.token, 0)).body.cursor as number;
    now += DAY + 1;

    const read = await api('GET', `/chats/${reader.chatId}`, { token: reader.token });
    expect(read.status).toBe(200);
    expect(read.body.chat.profile.goalState).toBe('not_achieved');
    const list = await api('GET', '/chats', { token: reader.token });
    expect(list.status).toBe(200);
    // Nothing was settled (nor announced) in the other customer's chat by those reads: the
    // manager's reply, which settles nothing, is the first event since.
    await managerApi('POST', `/chats/${other.chatId}/messages`, { body: { text: 'marker' } });
    const since = (await poll(other.token, cursor)).body.events;
    expect(since.map((e: any) => e.type)).toEqual(['message']);

    expect((await profileOf(other.chatId)).goalState).toBe('not_achieved');
    const announced = (await poll(other.token, since[0].seq)).body.events;
    expect(announced.map((e: any) => e.chat.profile.goalState)).toEqual(['not_achieved']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateProfile } from '../../src/shared/profile/index.ts';
import { bootVisitor, clientId, manager, MANAGER_TOKEN, removeDir, Socket, startServer, widget, type TestServer } from './helpers.ts';

let server: TestServer;
let api: ReturnType<typeof widget>;
let managerApi: ReturnType<typeof manager>;

/** One custom field of each type, plus one archived. */
const FIELDS = [
  ['vip', 'Boolean'],
  ['note', 'String'],
  ['quantity', 'Number'],
  ['deliveryDate', 'Date'],
  ['orderedAt', 'Datetime'],
  ['sizes', 'List'],
  ['legacyCode', 'String'],
] as const;

beforeAll(async () => {
  server = await startServer();
  api = widget(server);
  managerApi = manager(server);
  for (const [key, type] of FIELDS) await managerApi('POST', '/profile-fields', { body: { key, type } });
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

async function customerChat(profile?: Record<string, unknown>) {
  const { token } = await bootVisitor(server);
  const created = await api('POST', '/chats', { token, body: { clientId: clientId(), ...(profile ? { profile } : {}) } });
  return { token, chatId: created.body.chat.id as string };
}
const writeProfile = (token: string, chatId: string, profile: unknown) =>
  api('PATCH', `/chats/${chatId}/profile`, { token, body: { profile } });
const storedProfile = async (chatId: string) => (await managerApi('GET', `/chats/${chatId}`)).body.chat.profile;

describe('writing the chat profile from the SDK', () => {
  it('stores a value of every type in its normalised form, and managers see the same values', async () => {
    const { token, chatId } = await customerChat();
    const reply = await writeProfile(token, chatId, {
      vip: true,
      note: 'gift wrap, please',
      'profile.quantity': 2,
      deliveryDate: 1700000000000,
      orderedAt: 1700000000000,
      sizes: ['S', 'M', 'S'],
      productName: '린넨 셔츠',
    });
    expect(reply.status).toBe(200);
    const written = {
      'profile.vip': true,
      'profile.note': 'gift wrap, please',
      'profile.quantity': 2,
      'profile.deliveryDate': '2023-11-14',
      'profile.orderedAt': 1700000000000,
      'profile.sizes': ['S', 'M'],
      'profile.productName': '린넨 셔츠',
    };
    expect(reply.body.chat).toMatchObject({ id: chatId, state: 'opened', unread: 0, profile: written });
    expect(await storedProfile(chatId)).toMatchObject(written);
    const date = await writeProfile(token, chatId, { deliveryDate: '2024-02-29' });
    expect(date.body.chat.profile['profile.deliveryDate']).toBe('2024-02-29');
  });

  it('removes a key written as null and keeps the others', async () => {
    const { token, chatId } = await customerChat({ note: 'keep me', vip: false });
    const reply = await writeProfile(token, chatId, { vip: null, sizes: null });
    expect(reply.status).toBe(200);
    expect(reply.body.chat.profile).not.toHaveProperty('profile.vip');
    expect(reply.body.chat.profile['profile.note']).toBe('keep me');
    expect(await storedProfile(chatId)).not.toHaveProperty('profile.vip');
  });

  it('refuses each wrong value naming the key and the rule, and leaves the stored profile as it was', async () => {
    const { token, chatId } = await customerChat({ note: 'original', orderedAt: 1700000000000 });
    await managerApi('PATCH', '/profile-fields/legacyCode', { body: { archived: true } });
    const before = await storedProfile(chatId);
    const cases: [Record<string, unknown>, string][] = [
      [{ orderedAt: 1700000000 }, 'profile.orderedAt: looks like seconds (1700000000); send milliseconds since 1970-01-01 UTC, e.g. 1700000000000 (Datetime field)'],
      [{ deliveryDate: '2023-02-30' }, 'profile.deliveryDate: must be a date written YYYY-MM-DD (a real calendar day between the years 0001 and 9999) or a timestamp in milliseconds (Date field)'],
      [{ orderedAt: 8.64e15 }, 'profile.orderedAt: must be a time between the years 0001 and 9999 (got 8640000000000000 ms) (Datetime field)'],
      [{ deliveryDate: 8.64e15 }, 'profile.deliveryDate: must be a date between the years 0001 and 9999 (got the timestamp 8640000000000000) (Date field)'],
      [{ sizes: ['S', 3] }, 'profile.sizes: item 1 must be a non-empty string of at most 100 characters (List field)'],
      [{ note: 'x'.repeat(1001) }, 'profile.note: must be at most 1000 characters (got 1001) (String field)'],
      [{ vip: 'yes' }, 'profile.vip: must be true or false (Boolean field)'],
      [{ quantity: '2' }, 'profile.quantity: must be a finite number (Number field)'],
      [{ shoeSize: 270 }, "profile.shoeSize: is not a field of this channel's chat profile"],
      [{ legacyCode: 'A-1' }, 'profile.legacyCode: is archived and read-only'],
      [{ state: 'closed' }, 'state: is computed by Sangdam and read-only'],
      [{ priority: 'high' }, 'priority: is written by managers only'],
      [{ csat: 5 }, 'profile.csat: is written by the satisfaction survey only'],
      [{ 'profile.bad-key': 1 }, 'profile.bad-key: is not a valid key (profile. followed by a letter, then letters, digits or _)'],
    ];
    for (const [profile, message] of cases) {
      const reply = await writeProfile(token, chatId, { note: 'changed', ...profile });
      expect(reply.status, message).toBe(400);
      expect(reply.body.error).toEqual({ code: 'invalid_request', message });
    }
    expect(await storedProfile(chatId)).toEqual(before);
  });

  it('counts lengths in characters, as the SDK does: 1,000 emoji fit a String field', async () => {
    const { token, chatId } = await customerChat();
    expect((await writeProfile(token, chatId, { note: '😀'.repeat(1000), sizes: ['한'.repeat(100)] })).status).toBe(200);
    expect((await writeProfile(token, chatId, { note: '😀'.repeat(1001) })).body.error.message).toBe(
      'profile.note: must be at most 1000 characters (got 1001) (String field)',
    );
  });

  it('names every refused key of one write and stores none of it', async () => {
    const { token, chatId } = await customerChat();
    const reply = await writeProfile(token, chatId, { note: 'fine', quantity: 'two', shoeSize: 1 });
    expect(reply.body.error.message).toBe(
      "profile.quantity: must be a finite number (Number field); profile.shoeSize: is not a field of this channel's chat profile",
    );
    expect(await storedProfile(chatId)).not.toHaveProperty('profile.note');
  });

  it('refuses a body without a profile object', async () => {
    const { token, chatId } = await customerChat();
    for (const [body, message] of [
      [{}, 'profile: is required (an object of key → value; null removes a key)'],
      [{ profile: ['note'] }, 'profile: must be an object'],
      [{ profile: {}, note: 'x' }, 'note: is not a known field (expected profile)'],
    ] as const) {
      const reply = await api('PATCH', `/chats/${chatId}/profile`, { token, body });
      expect(reply.status, message).toBe(400);
      expect(reply.body.error.message).toBe(message);
    }
  });

  it('keeps separate profiles for two chats of the same customer', async () => {
    const { token } = await bootVisitor(server);
    const first = (await api('POST', '/chats', { token, body: { clientId: clientId(), profile: { productName: 'Shirt' } } })).body.chat;
    const second = (await api('POST', '/chats', { token, body: { clientId: clientId(), profile: { productName: 'Boots' } } })).body.chat;
    await writeProfile(token, second.id, { quantity: 3 });
    expect(await storedProfile(first.id)).toMatchObject({ 'profile.productName': 'Shirt' });
    expect(await storedProfile(first.id)).not.toHaveProperty('profile.quantity');
    expect(await storedProfile(second.id)).toMatchObject({ 'profile.productName': 'Boots', 'profile.quantity': 3 });
  });

  it("treats another customer's chat as missing", async () => {
    const { chatId } = await customerChat();
    const stranger = await bootVisitor(server);
    const reply = await writeProfile(stranger.token, chatId, { note: 'mine now' });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('chat_not_found');
    expect(await storedProfile(chatId)).not.toHaveProperty('profile.note');
  });

  it('announces a write as a chat event to managers, and nothing when the write changes nothing', async () => {
    const { token, chatId } = await customerChat();
    const socket = await Socket.open(server);
    await socket.hello({ managerToken: MANAGER_TOKEN, since: (await bootVisitor(server)).cursor });
    await writeProfile(token, chatId, { quantity: 4 });
    const { event } = await socket.next();
    expect(event).toMatchObject({ type: 'chat', chat: { id: chatId, profile: { 'profile.quantity': 4 } } });
    await writeProfile(token, chatId, { quantity: 4 });
    await socket.silence();
    socket.close();
  });
});

describe('starting a chat with a profile', () => {
  it('creates no chat when the profile is refused, and names every refused key', async () => {
    const { token } = await bootVisitor(server);
    const body = { clientId: clientId(), message: { text: 'Hi', clientId: clientId('m') }, profile: { shoeSize: 270, 'source.page': 42 } };
    const refused = await api('POST', '/chats', { token, body });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({
      code: 'invalid_request',
      message: "profile.shoeSize: is not a field of this channel's chat profile; source.page: must be a string of at most 2048 characters",
    });
    expect((await api('GET', '/chats', { token })).body.chats).toEqual([]);
    const retried = await api('POST', '/chats', { token, body: { ...body, profile: { 'source.page': 'https://shop.example/p/1' } } });
    expect(retried.status).toBe(201);
  });
});

describe('source.page, where the chat started', () => {
  it('stays as the chat was created: a later write of it is left out without an error', async () => {
    const { token, chatId } = await customerChat({ 'source.page': 'https://shop.example/start', note: 'a' });
    const written = await writeProfile(token, chatId, { 'source.page': 'https://shop.example/later', note: 'b' });
    expect(written.status).toBe(200);
    expect(written.body.chat.profile).toMatchObject({ 'source.page': 'https://shop.example/start', 'profile.note': 'b' });
    expect(await writeProfile(token, chatId, { 'source.page': null })).toMatchObject({ status: 200 });
    expect(await storedProfile(chatId)).toMatchObject({ 'source.page': 'https://shop.example/start', 'profile.note': 'b' });
  });

  it('is not rewritten by retrying the start of the chat with another page', async () => {
    const { token } = await bootVisitor(server);
    const body = { clientId: clientId(), profile: { 'source.page': 'https://shop.example/first' } };
    const created = await api('POST', '/chats', { token, body });
    const retried = await api('POST', '/chats', { token, body: { ...body, profile: { 'source.page': 'https://shop.example/second' } } });
    expect(retried.body.chat.id).toBe(created.body.chat.id);
    expect(await storedProfile(created.body.chat.id)).toMatchObject({ 'source.page': 'https://shop.example/first' });
  });
});

describe('the profile as managers and customers see it', () => {
  it('reads priority as medium and tags as empty when unset, and hides them from the customer', async () => {
    const { token, chatId } = await customerChat({ note: 'hello' });
    expect(await storedProfile(chatId)).toMatchObject({ priority: 'medium', tags: [], 'profile.note': 'hello' });
    const own = (await api('GET', `/chats/${chatId}`, { token })).body.chat.profile;
    expect(own['profile.note']).toBe('hello');
    expect(own).not.toHaveProperty('priority');
    expect(own).not.toHaveProperty('tags');
  });

  it('checks manager edits with the shared rules: tags deduplicated, an empty description cleared', async () => {
    const { chatId } = await customerChat();
    const edited = await managerApi('PATCH', `/chats/${chatId}`, { body: { priority: 'low', tags: ['배송', '배송', 'vip'], description: 'Late parcel' } });
    expect(edited.body.chat.profile).toMatchObject({ priority: 'low', tags: ['배송', 'vip'], description: 'Late parcel' });
    const cleared = await managerApi('PATCH', `/chats/${chatId}`, { body: { description: '', tags: [] } });
    expect(cleared.body.chat.profile).not.toHaveProperty('description');
    expect(cleared.body.chat.profile.tags).toEqual([]);
    const refused = await managerApi('PATCH', `/chats/${chatId}`, { body: { priority: 'urgent', tags: [''] } });
    expect(refused.body.error.message).toBe(
      'priority: must be one of high, medium, low or null; tags: item 0 must be a non-empty string of at most 100 characters',
    );
    expect((await storedProfile(chatId)).priority).toBe('low');
  });
});

describe('the schema at boot', () => {
  it('gives the SDK every custom field, archived ones flagged', async () => {
    await managerApi('PATCH', '/profile-fields/legacyCode', { body: { archived: true } });
    const boot = await api('POST', '/boot', { body: {} });
    const listed = (await managerApi('GET', '/profile-fields')).body.fields;
    expect(boot.body.profileFields).toEqual(listed.map(({ builtIn: _builtIn, ...field }: any) => field));
    expect(boot.body.profileFields.find((f: any) => f.key === 'profile.legacyCode')).toMatchObject({ archived: true });
    expect(boot.body.profileFields.find((f: any) => f.key === 'profile.csat')).toMatchObject({ type: 'Number', readyMade: true });
  });

  it('refuses NaN and Infinity with the schema it serves (JSON cannot carry them, so only the shared validator sees them)', async () => {
    const fields = (await api('POST', '/boot', { body: {} })).body.profileFields;
    for (const value of [NaN, Infinity, -Infinity]) {
      const result = validateProfile({ quantity: value }, fields, 'sdk');
      expect(result).toMatchObject({ ok: false, message: 'profile.quantity: must be a finite number (Number field)' });
    }
  });
});

describe('values Sangdam fills when a chat starts', () => {
  it('marks a widget chat native and reads the campaign from the UTM parameters of its source page', async () => {
    const { chatId } = await customerChat({ 'source.page': 'https://shop.example/shirts?utm_source=newsletter&utm_campaign=spring-sale' });
    expect(await storedProfile(chatId)).toMatchObject({
      'source.page': 'https://shop.example/shirts?utm_source=newsletter&utm_campaign=spring-sale',
      'source.marketing.type': 'utm',
      'source.marketing.id': 'spring-sale',
      contactMediumType: 'native',
    });
  });

  it('falls back to utm_source, and writes no marketing keys for a page without UTM parameters', async () => {
    const fromSource = await customerChat({ 'source.page': 'https://shop.example/?utm_source=instagram' });
    expect(await storedProfile(fromSource.chatId)).toMatchObject({ 'source.marketing.type': 'utm', 'source.marketing.id': 'instagram' });
    const plain = await storedProfile((await customerChat({ 'source.page': 'https://shop.example/?ref=home' })).chatId);
    expect(plain['source.marketing.type']).toBeUndefined();
    expect(plain['source.marketing.id']).toBeUndefined();
    expect(plain.contactMediumType).toBe('native');
  });

  it('refuses the marketing keys and contactMediumType from the SDK', async () => {
    const { token, chatId } = await customerChat();
    for (const key of ['source.marketing.type', 'source.marketing.id', 'contactMediumType']) {
      expect((await writeProfile(token, chatId, { [key]: 'x' })).status).toBe(400);
    }
    expect((await storedProfile(chatId)).contactMediumType).toBe('native');
  });
});

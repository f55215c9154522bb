import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootVisitor, clientId, manager, ON_POSTGRES, removeDir, startServer, widget, type TestServer } from './helpers.ts';
import { writeRows } from './storedRows.ts';

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

const fieldsNow = async () => (await api('GET', '/profile-fields')).body.fields as any[];
const keysInOrder = async () => (await fieldsNow()).map((field) => `${field.order}:${field.key}`);
const create = (body: Record<string, unknown>) => api('POST', '/profile-fields', { body });

/** A visitor's chat with `profile` written into it through the widget API. */
async function chatWith(profile: Record<string, unknown>) {
  const { token } = await bootVisitor(server);
  const chat = (await widget(server)('POST', '/chats', { token, body: { clientId: clientId(), profile } })).body.chat;
  return { token, chatId: chat.id as string };
}
const managerProfile = async (chatId: string) => (await api('GET', `/chats/${chatId}`)).body.chat.profile;

describe('the schema a channel starts with', () => {
  it('holds the ready-made CSAT fields and the demo product fields, and lists the built-ins beside them', async () => {
    const reply = await api('GET', '/profile-fields');
    expect(reply.status).toBe(200);
    expect(reply.body.fields).toEqual([
      { key: 'profile.csat', type: 'Number', names: { ko: 'CSAT', en: 'CSAT', ja: 'CSAT' }, order: 0, archived: false, readyMade: true, builtIn: false },
      { key: 'profile.csatComment', type: 'String', names: { ko: 'CSAT 의견', en: 'CSAT comment', ja: 'CSATコメント' }, order: 1, archived: false, readyMade: true, builtIn: false },
      { key: 'profile.productName', type: 'String', names: { ko: '상품명', en: 'Product name', ja: '商品名' }, order: 2, archived: false, readyMade: false, builtIn: false },
      { key: 'profile.productId', type: 'String', names: { ko: '상품 ID', en: 'Product ID', ja: '商品ID' }, order: 3, archived: false, readyMade: false, builtIn: false },
    ]);
    expect(reply.body.builtIns).toHaveLength(22);
    expect(reply.body.builtIns[0]).toEqual({ key: 'priority', type: 'String', names: { ko: '우선순위', en: 'Priority' }, writer: 'manager' });
    expect(reply.body.builtIns).toContainEqual({ key: 'waitingTime', type: 'Duration', names: { ko: '첫 응대 시간', en: 'First response time' }, writer: 'system' });
  });

  // PostgreSQL's schema came whole in one migration: none of its databases predates the fields.
  it.skipIf(ON_POSTGRES)('seeds the same fields into a demo channel created before the schema existed', async () => {
    const old = await startServer();
    await old.close();
    const dataDir = old.dataDir;
    await writeRows(dataDir, 'DROP TABLE profile_fields');
    // Migration 15 added a column to the table 2 creates: it runs again too.
    await writeRows(dataDir, 'DELETE FROM migrations WHERE id IN (2, 15)');
    const reopened = await startServer({ dataDir });
    const fields = (await manager(reopened)('GET', '/profile-fields')).body.fields;
    expect(fields.map((f: any) => [f.key, f.order, f.readyMade])).toEqual([
      ['profile.csat', 0, true],
      ['profile.csatComment', 1, true],
      ['profile.productName', 2, false],
      ['profile.productId', 3, false],
    ]);
    expect(fields[3].names).toEqual({ ko: '상품 ID', en: 'Product ID', ja: '商品ID' });
    await reopened.close();
    await removeDir(dataDir);
  });
});

describe('creating fields', () => {
  it('creates a field of each of the six types, with or without the profile. prefix, at the end', async () => {
    const types = ['Boolean', 'String', 'Number', 'Date', 'Datetime', 'List'];
    for (const [i, type] of types.entries()) {
      const before = (await fieldsNow()).length;
      const key = i % 2 ? `profile.made${type}` : `made${type}`;
      const reply = await create({ key, type, names: { en: `Made ${type}`, ko: `${type} 필드` } });
      expect(reply.status, type).toBe(201);
      expect(reply.body.field).toEqual({
        key: `profile.made${type}`,
        type,
        names: { en: `Made ${type}`, ko: `${type} 필드` },
        order: before,
        archived: false,
        readyMade: false,
        builtIn: false,
      });
    }
    expect((await fieldsNow()).slice(-6).map((f) => f.type)).toEqual(types);
  });

  it('inserts a field at the order given and moves the later ones down', async () => {
    const before = await fieldsNow();
    const reply = await create({ key: 'giftWrap', type: 'Boolean', order: 1 });
    expect(reply.body.field).toMatchObject({ key: 'profile.giftWrap', order: 1, names: {} });
    const after = await fieldsNow();
    expect(after.map((f) => f.key)).toEqual([before[0].key, 'profile.giftWrap', ...before.slice(1).map((f) => f.key)]);
    expect(after.map((f) => f.order)).toEqual(after.map((_, i) => i));
  });

  it('refuses a bad key, a built-in key, an unknown type and bad names, naming the rule', async () => {
    const keyRule = 'profile. followed by a letter, then up to 49 letters, digits or _';
    const cases: [Record<string, unknown>, string][] = [
      [{ key: '1st', type: 'String' }, `key: must be ${keyRule} (got "1st")`],
      [{ key: 'profile.bad-key', type: 'String' }, `key: must be ${keyRule} (got "profile.bad-key")`],
      [{ key: 'x'.repeat(51), type: 'String' }, `key: must be ${keyRule} (got "${'x'.repeat(51)}")`],
      [{ key: 'priority', type: 'String' }, `key: priority is a built-in key; custom keys are ${keyRule}`],
      [{ type: 'String' }, 'key: is required (a string of 1 to 100 characters)'],
      [{ key: 'color', type: 'Color' }, 'type: must be one of Boolean, String, Number, Date, Datetime, List'],
      [{ key: 'color' }, 'type: is required (one of Boolean, String, Number, Date, Datetime, List)'],
      [{ key: 'color', type: 'String', names: { fr: 'Couleur' } }, 'names.fr: is not a known field (expected ko, en, ja)'],
      [{ key: 'color', type: 'String', names: { en: 'x'.repeat(101) } }, 'names.en: must be a string of 1 to 100 characters'],
      [{ key: 'color', type: 'String', names: { en: 7 } }, 'names.en: must be a string of 1 to 100 characters'],
      [{ key: 'color', type: 'String', order: -1 }, 'order: must be an integer of 0 or more (the position among the fields, from 0)'],
      [{ key: 'color', type: 'String', archived: true }, 'archived: is not a known field (expected key, type, names, order, options)'],
    ];
    for (const [body, message] of cases) {
      const reply = await create(body);
      expect(reply.status, message).toBe(400);
      expect(reply.body.error).toEqual({ code: 'invalid_request', message });
    }
    expect((await fieldsNow()).map((f) => f.key)).not.toContain('profile.color');
  });

  it('refuses a key that is taken, archived fields included, with 409 field_exists', async () => {
    await create({ key: 'oldCode', type: 'String' });
    await api('PATCH', '/profile-fields/oldCode', { body: { archived: true } });
    for (const key of ['productName', 'profile.productName', 'oldCode']) {
      const reply = await create({ key, type: 'Number' });
      expect(reply.status, key).toBe(409);
      expect(reply.body.error).toEqual({
        code: 'field_exists',
        message: `${key.startsWith('profile.') ? key : `profile.${key}`}: this channel already has a field with this key (archived fields keep their key)`,
      });
    }
  });

  it('refuses a 101st field with 409 too_many_fields', async () => {
    const full = await startServer();
    const fullApi = manager(full);
    for (let i = (await fullApi('GET', '/profile-fields')).body.fields.length; i < 100; i++) {
      expect((await fullApi('POST', '/profile-fields', { body: { key: `f${i}`, type: 'String' } })).status).toBe(201);
    }
    const reply = await fullApi('POST', '/profile-fields', { body: { key: 'oneTooMany', type: 'String' } });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toEqual({ code: 'too_many_fields', message: 'fields: a channel has at most 100 custom fields; delete one first' });
    await full.close();
    await removeDir(full.dataDir);
  });
});

describe('changing fields', () => {
  it('renames a field in Korean, English and Japanese, keeping the names not given and removing a null one', async () => {
    await create({ key: 'giftNote', type: 'String', names: { ko: '선물 메모', en: 'Gift note' } });
    const renamed = await api('PATCH', '/profile-fields/giftNote', { body: { names: { en: 'Gift message', ja: 'ギフトメッセージ' } } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.field).toMatchObject({ key: 'profile.giftNote', type: 'String', names: { ko: '선물 메모', en: 'Gift message', ja: 'ギフトメッセージ' } });
    const cleared = await api('PATCH', '/profile-fields/profile.giftNote', { body: { names: { ko: null } } });
    expect(cleared.body.field.names).toEqual({ en: 'Gift message', ja: 'ギフトメッセージ' });
    expect((await fieldsNow()).find((f) => f.key === 'profile.giftNote').names).toEqual(cleared.body.field.names);
  });

  it('moves a field to a new position and renumbers the others 0..n-1 without gaps', async () => {
    await create({ key: 'moving', type: 'Number' });
    const before = (await fieldsNow()).map((f) => f.key);
    const moved = await api('PATCH', '/profile-fields/moving', { body: { order: 2 } });
    expect(moved.body.field.order).toBe(2);
    const expected = before.filter((key) => key !== 'profile.moving');
    expected.splice(2, 0, 'profile.moving');
    expect(await keysInOrder()).toEqual(expected.map((key, i) => `${i}:${key}`));
    const last = await api('PATCH', '/profile-fields/moving', { body: { order: 999 } });
    expect(last.body.field.order).toBe(before.length - 1);
    expect((await keysInOrder()).at(-1)).toBe(`${before.length - 1}:profile.moving`);
  });

  it('refuses to change a key or a type, naming the rule', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'Number' }, 'type: cannot be changed, since stored values have this type; create a new field and archive this one'],
      [{ key: 'profile.other' }, 'key: cannot be changed; create a new field and archive this one'],
      [{ order: 1.5 }, 'order: must be an integer of 0 or more (the position among the fields, from 0)'],
      [{ archived: 'yes' }, 'archived: must be true or false'],
      [{ names: { en: '' } }, 'names.en: must be a string of 1 to 100 characters or null'],
      [{ readyMade: true }, 'readyMade: is not a known field (expected names, order, archived, options, key, type)'],
    ];
    for (const [body, message] of cases) {
      const reply = await api('PATCH', '/profile-fields/productId', { body });
      expect(reply.status, message).toBe(400);
      expect(reply.body.error).toEqual({ code: 'invalid_request', message });
    }
    expect((await fieldsNow()).find((f) => f.key === 'profile.productId').type).toBe('String');
  });

  it('answers 404 for an unknown field and 400 for a built-in one', async () => {
    for (const [method, key] of [['PATCH', 'noSuchField'], ['DELETE', 'noSuchField'], ['PATCH', 'not-a-key']] as const) {
      const reply = await api(method, `/profile-fields/${key}`, { body: method === 'PATCH' ? { archived: true } : undefined });
      expect(reply.status, `${method} ${key}`).toBe(404);
      expect(reply.body.error.code).toBe('field_not_found');
    }
    const builtIn = await api('DELETE', '/profile-fields/priority');
    expect(builtIn.status).toBe(400);
    expect(builtIn.body.error).toEqual({ code: 'built_in_field', message: 'priority: is a built-in field; built-in fields cannot be changed or deleted' });
  });
});

describe('archiving and deleting fields', () => {
  it('keeps an archived field’s stored value visible but refuses writes to it until it is unarchived', async () => {
    await create({ key: 'coupon', type: 'String' });
    const { token, chatId } = await chatWith({ coupon: 'SPRING10' });
    const archived = await api('PATCH', '/profile-fields/coupon', { body: { archived: true } });
    expect(archived.body.field).toMatchObject({ key: 'profile.coupon', archived: true });
    expect((await managerProfile(chatId))['profile.coupon']).toBe('SPRING10');
    const refused = await widget(server)('PATCH', `/chats/${chatId}/profile`, { token, body: { profile: { coupon: 'SUMMER20' } } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({ code: 'invalid_request', message: 'profile.coupon: is archived and read-only' });
    expect((await managerProfile(chatId))['profile.coupon']).toBe('SPRING10');
    await api('PATCH', '/profile-fields/coupon', { body: { archived: false } });
    const written = await widget(server)('PATCH', `/chats/${chatId}/profile`, { token, body: { profile: { coupon: 'SUMMER20' } } });
    expect(written.body.chat.profile['profile.coupon']).toBe('SUMMER20');
  });

  it('deletes a field from the schema and from every chat profile of the channel, closing up the orders', async () => {
    await create({ key: 'doomed', type: 'List' });
    const first = await chatWith({ doomed: ['a'], productName: 'Linen shirt' });
    const second = await chatWith({ doomed: ['b'] });
    const reply = await api('DELETE', '/profile-fields/doomed');
    expect(reply.status).toBe(204);
    expect(reply.body).toBeUndefined();
    const fields = await fieldsNow();
    expect(fields.map((f) => f.key)).not.toContain('profile.doomed');
    expect(fields.map((f) => f.order)).toEqual(fields.map((_, i) => i));
    expect(await managerProfile(first.chatId)).not.toHaveProperty('profile.doomed');
    expect((await managerProfile(first.chatId))['profile.productName']).toBe('Linen shirt');
    expect(await managerProfile(second.chatId)).not.toHaveProperty('profile.doomed');
    expect((await api('DELETE', '/profile-fields/doomed')).status).toBe(404);
  });

  it('protects the ready-made CSAT fields: renamed and moved yes, archived or deleted no', async () => {
    const renamed = await api('PATCH', '/profile-fields/csat', { body: { names: { ko: '만족도' }, order: 3 } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.field).toMatchObject({ key: 'profile.csat', names: { ko: '만족도', en: 'CSAT', ja: 'CSAT' }, order: 3, readyMade: true });
    const archive = await api('PATCH', '/profile-fields/csat', { body: { archived: true } });
    expect(archive.status).toBe(400);
    expect(archive.body.error).toEqual({ code: 'ready_made_field', message: 'profile.csat: is a ready-made field and cannot be archived' });
    const remove = await api('DELETE', '/profile-fields/profile.csatComment');
    expect(remove.status).toBe(400);
    expect(remove.body.error).toEqual({ code: 'ready_made_field', message: 'profile.csatComment: is a ready-made field and cannot be deleted' });
    expect((await fieldsNow()).filter((f) => f.readyMade).map((f) => [f.key, f.archived])).toEqual([
      ['profile.csatComment', false],
      ['profile.csat', false],
    ]);
  });
});

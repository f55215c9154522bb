import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, manager, removeDir, startServer, widget, type TestServer } from './helpers.ts';
import { closeChat, setSurvey } from './surveyHelpers.ts';

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

/** Whether closing a new chat with this chat profile (and customer profile) posts the survey. */
async function surveyed(chatProfile: Record<string, unknown>, userProfile?: Record<string, unknown>) {
  const boot = await widget(server)('POST', '/boot', { body: { language: 'en', ...(userProfile ? { profile: userProfile } : {}) } });
  const token = boot.body.token as string;
  const created = await widget(server)('POST', '/chats', {
    token,
    body: { clientId: clientId(), profile: chatProfile, message: { text: 'Is this in stock?', clientId: clientId('m') } },
  });
  if (created.status !== 200 && created.status !== 201) throw new Error(`chat refused: ${JSON.stringify(created.body)}`);
  return (await closeChat(server, created.body.chat.id)).surveys.length === 1;
}

describe('survey conditions on the chat profile', () => {
  it('sends the survey only to chats whose chat profile matches', async () => {
    await setSurvey(server, { filters: { chat: [{ key: 'profile.productName', op: 'contains', value: 'shoes' }] } as any });
    expect(await surveyed({ productName: 'Red shoes' })).toBe(true);
    expect(await surveyed({ productName: 'Linen shirt' })).toBe(false);
    expect(await surveyed({})).toBe(false);
  });

  it('reads built-in keys by their type: a source page, the state as closed, the time it closed', async () => {
    await setSurvey(server, {
      filters: {
        chat: [
          { key: 'source.page', op: 'contains', value: '/sale' },
          { key: 'state', op: 'eq', value: 'closed' },
          { key: 'closedAt', op: 'withinDays', value: 1 },
        ],
      } as any,
    });
    expect(await surveyed({ 'source.page': 'https://shop.example/sale/1' })).toBe(true);
    expect(await surveyed({ 'source.page': 'https://shop.example/new/1' })).toBe(false);
  });

  it('holds the customer profile to its conditions as well: all must hold', async () => {
    await setSurvey(server, {
      filters: {
        profile: [{ key: 'grade', op: 'eq', value: 'VIP' }],
        chat: [{ key: 'profile.productName', op: 'exists' }],
      } as any,
    });
    expect(await surveyed({ productName: 'Boots' }, { grade: 'VIP' })).toBe(true);
    expect(await surveyed({ productName: 'Boots' }, { grade: 'Basic' })).toBe(false);
    expect(await surveyed({}, { grade: 'VIP' })).toBe(false);
  });

  it('refuses a chat condition on a key the schema lacks, naming it, and changes nothing', async () => {
    const before = (await api('GET', '/csat-settings')).body;
    const cases: [unknown, string][] = [
      [
        { filters: { chat: [{ key: 'profile.prodcutName', op: 'eq', value: 'Boots' }] } },
        "filters.chat[0].key: profile.prodcutName is not a key of this channel's chat profile (a built-in key, or a custom field with its profile. prefix)",
      ],
      [
        { enabled: false, filters: { chat: [{ key: 'tags', op: 'exists' }, { key: 'productName', op: 'exists' }] } },
        "filters.chat[1].key: productName is not a key of this channel's chat profile (a built-in key, or a custom field with its profile. prefix)",
      ],
      [
        { filters: { chat: [{ key: 'waitingTime', op: 'contains', value: '1' }] } },
        'filters.chat[0].op: contains does not apply to waitingTime (Duration); use one of eq, neq, exists, missing, lt, lte, gt, gte',
      ],
      [
        { filters: { chat: [{ key: 'tags', op: 'containsAny', value: 'vip' }] } },
        'filters.chat[0].value: containsAny must be an array of 1 to 50 non-empty strings of at most 100 characters',
      ],
      [
        { filters: { profile: [{ key: 'grade', op: 'gt', value: 'VIP' }] } },
        'filters.profile[0].op: gt does not apply to grade (String); use one of eq, neq, exists, missing, contains',
      ],
    ];
    for (const [body, message] of cases) {
      const reply = await api('PUT', '/csat-settings', { body });
      expect(reply.status, message).toBe(400);
      expect(reply.body.error).toEqual({ code: 'invalid_request', message });
    }
    expect((await api('GET', '/csat-settings')).body).toEqual(before);
  });

  it('reports a condition on a field deleted since, and sends to no chat while it stays', async () => {
    expect((await api('POST', '/profile-fields', { body: { key: 'plan', type: 'String', names: { en: 'Plan' } } })).status).toBe(201);
    const saved = await setSurvey(server, { filters: { chat: [{ key: 'profile.plan', op: 'missing' }] } as any });
    expect((saved as any).problems).toEqual([]);
    expect(await surveyed({})).toBe(true);

    expect((await api('DELETE', '/profile-fields/profile.plan')).status).toBe(204);
    const read = await api('GET', '/csat-settings');
    expect(read.body.filters.chat).toEqual([{ key: 'profile.plan', op: 'missing' }]);
    expect(read.body.problems).toEqual([
      {
        key: 'profile.plan',
        message:
          "filters.chat[0].key: profile.plan is no longer in this channel's chat profile (the field was deleted); this condition matches no chat until it is removed",
      },
    ]);
    expect(await surveyed({})).toBe(false);

    // The rest of the rule can still be changed, and what GET gave can be sent back as it is;
    // a new condition on the deleted key is refused.
    const added = await api('PUT', '/csat-settings', { body: { filters: { chat: [{ key: 'profile.plan', op: 'exists' }] } } });
    expect(added.body.error.message).toMatch(/^filters.chat\[0\].key: profile.plan is not a key/);
    const changed = await api('PUT', '/csat-settings', { body: { ...read.body, scale: 3 } });
    expect(changed.status).toBe(200);
    expect(changed.body.scale).toBe(3);
    expect(changed.body.problems).toHaveLength(1);
    const fixed = await api('PUT', '/csat-settings', { body: { filters: { chat: [] } } });
    expect(fixed.body.problems).toEqual([]);
    expect(await surveyed({})).toBe(true);
  });
});

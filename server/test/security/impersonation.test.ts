import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, manager, MANAGER_TOKEN, ON_POSTGRES, removeDir, startServer, widget, type TestServer } from '../helpers.ts';
import { storedRows } from '../storedRows.ts';

/** A member boots in their browser, writes a chat and a profile value. */
async function memberWithChat(api: ReturnType<typeof widget>, body: Record<string, unknown>) {
  const booted = await api('POST', '/boot', { body: { ...body, profile: { email: 'owner@shop.example' } } });
  expect(booted.status).toBe(200);
  const created = await api('POST', '/chats', {
    token: booted.body.token,
    body: { clientId: clientId(), message: { text: 'My address is 1 Main St', clientId: clientId('m') } },
  });
  expect(created.status).toBe(201);
  return { token: booted.body.token as string, userId: booted.body.user.id as string, chatId: created.body.chat.id as string };
}

describe('without a member secret, a memberId is only a label on this browser’s visitor', () => {
  let server: TestServer;
  let api: ReturnType<typeof widget>;
  beforeAll(async () => {
    server = await startServer();
    api = widget(server);
  });
  afterAll(async () => {
    await server.close();
    await removeDir(server.dataDir);
  });

  it('gives another browser claiming a known memberId a fresh visitor: no chats, no profile, no writes into the first one’s chat', async () => {
    const owner = await memberWithChat(api, { memberId: 'customer-1001' });
    const other = await api('POST', '/boot', { body: { memberId: 'customer-1001' } });
    expect(other.status).toBe(200);
    expect(other.body.user.id).not.toBe(owner.userId);
    expect(other.body.user.memberId).toBe('customer-1001');
    expect(other.body.user.profile).toEqual({});
    expect(other.body.unread).toEqual({});
    const token = other.body.token;
    expect((await api('GET', '/chats', { token })).body.chats).toEqual([]);
    expect((await api('GET', `/chats/${owner.chatId}`, { token })).status).toBe(404);
    const write = await api('POST', `/chats/${owner.chatId}/messages`, { token, body: { text: 'Ship it elsewhere', clientId: clientId('m') } });
    expect(write.status).toBe(404);
    const thread = await manager(server)('GET', `/chats/${owner.chatId}`);
    expect(thread.body.messages.map((m: { text: string }) => m.text)).toEqual(['My address is 1 Main St']);
  });

  it('resumes the same browser’s visitor with its token, and labels an anonymous visitor with the memberId it boots with', async () => {
    const visitor = await api('POST', '/boot', { body: {} });
    const labelled = await api('POST', '/boot', { body: { token: visitor.body.token, memberId: 'customer-2002' } });
    expect(labelled.body.user.id).toBe(visitor.body.user.id);
    expect(labelled.body.token).toBe(visitor.body.token);
    expect(labelled.body.user.memberId).toBe('customer-2002');
    const again = await api('POST', '/boot', { body: { token: visitor.body.token, memberId: 'customer-2002' } });
    expect(again.body.user.id).toBe(visitor.body.user.id);
    expect(again.body.token).toBe(visitor.body.token);
  });

  it('gives the same browser a fresh visitor when it boots with a second, different memberId (no merge)', async () => {
    const first = await memberWithChat(api, { memberId: 'customer-3003' });
    const second = await api('POST', '/boot', { body: { token: first.token, memberId: 'customer-3004' } });
    expect(second.body.user.id).not.toBe(first.userId);
    expect(second.body.user.memberId).toBe('customer-3004');
    expect((await api('GET', '/chats', { token: second.body.token })).body.chats).toEqual([]);
  });

  it('shows managers that the member id is unverified, in the chat payload and the export', async () => {
    const owner = await memberWithChat(api, { memberId: 'customer-4004' });
    const { body } = await manager(server)('GET', `/chats/${owner.chatId}`);
    expect(body.chat.user).toMatchObject({ memberId: 'customer-4004', memberVerified: false });
    const csv = await (await fetch(`${server.url}/api/manager/export?format=csv`, { headers: { authorization: `Bearer ${MANAGER_TOKEN}` } })).text();
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    const column = header.split(',').indexOf('user.memberVerified');
    expect(column).toBeGreaterThan(-1);
    const row = rows.find((line) => line.startsWith(owner.chatId))!;
    expect(row.split(',')[column]).toBe('false');
  });
});

describe('with a member secret, memberId with a valid memberHash is the member on any device', () => {
  const secret = 'member-secret-for-tests';
  const hash = (id: string) => createHmac('sha256', secret).update(id).digest('hex');
  let server: TestServer;
  let api: ReturnType<typeof widget>;
  beforeAll(async () => {
    server = await startServer({ memberSecret: secret });
    api = widget(server);
  });
  afterAll(async () => {
    await server.close();
    await removeDir(server.dataDir);
  });

  it('opens the member’s chats and profile from a second device with the valid hash, and marks the id verified', async () => {
    const owner = await memberWithChat(api, { memberId: 'customer-1001', memberHash: hash('customer-1001') });
    const device = await api('POST', '/boot', { body: { memberId: 'customer-1001', memberHash: hash('customer-1001') } });
    expect(device.body.user.id).toBe(owner.userId);
    expect(device.body.user.profile).toEqual({ email: 'owner@shop.example' });
    const chats = await api('GET', '/chats', { token: device.body.token });
    expect(chats.body.chats.map((c: { id: string }) => c.id)).toEqual([owner.chatId]);
    const { body } = await manager(server)('GET', `/chats/${owner.chatId}`);
    expect(body.chat.user).toMatchObject({ memberId: 'customer-1001', memberVerified: true });
  });

  it('refuses a wrong hash and a missing one, and opens nothing', async () => {
    await memberWithChat(api, { memberId: 'customer-5005', memberHash: hash('customer-5005') });
    for (const memberHash of [hash('customer-5006'), undefined]) {
      const reply = await api('POST', '/boot', { body: { memberId: 'customer-5005', memberHash } });
      expect(reply.status).toBe(401);
      expect(reply.body.token).toBeUndefined();
      expect(reply.body.error.code).toMatch(/^member_hash_/);
    }
  });

  it('does not let an unverified label made before the secret was set become the member', async () => {
    // The same data directory, first without a secret (a label), then with one.
    const open = await startServer();
    const labelled = await widget(open)('POST', '/boot', { body: { memberId: 'customer-7007' } });
    await open.close();
    const verifying = await startServer({ dataDir: open.dataDir, memberSecret: secret });
    try {
      const verified = await widget(verifying)('POST', '/boot', { body: { memberId: 'customer-7007', memberHash: hash('customer-7007') } });
      expect(verified.status).toBe(200);
      expect(verified.body.user.id).not.toBe(labelled.body.user.id);
      const resumed = await widget(verifying)('POST', '/boot', {
        body: { token: labelled.body.token, memberId: 'customer-7007', memberHash: hash('customer-7007') },
      });
      expect(resumed.body.user.id).toBe(verified.body.user.id);
    } finally {
      await verifying.close();
      await removeDir(open.dataDir);
    }
  });
});

describe('the stored flag', () => {
  it('records in users.member_verified that a member id came with a valid hash', async () => {
    const server = await startServer({ memberSecret: 'secret' });
    await widget(server)('POST', '/boot', { body: { memberId: 'm1', memberHash: createHmac('sha256', 'secret').update('m1').digest('hex') } });
    await server.close();
    try {
      expect(await storedRows(server, 'SELECT member_verified FROM users WHERE member_id = ?', 'm1')).toEqual([{ member_verified: 1 }]);
    } finally {
      await removeDir(server.dataDir);
    }
  });

  // PostgreSQL's schema came whole in one migration of its own: it has no migration 6.
  it.skipIf(ON_POSTGRES)('came with migration 6 of the SQLite store', async () => {
    const server = await startServer();
    await server.close();
    try {
      expect(await storedRows(server, 'SELECT name FROM migrations WHERE id = 6')).toEqual([{ name: expect.stringMatching(/verified member ids/) }]);
    } finally {
      await removeDir(server.dataDir);
    }
  });
});

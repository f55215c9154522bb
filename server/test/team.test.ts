import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, clientId, manager, MANAGER_TOKEN, removeDir, Socket, startServer, widget, bootVisitor, eventCursor, type TestServer } from './helpers.ts';

let server: TestServer;
let owner: ReturnType<typeof manager>;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  server = await startServer({ owner: { email: 'owner@shop.test', password: PASSWORD, name: 'Olivia' } });
  owner = manager(server);
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

const as = (token: string) => (method: string, path: string, options: { body?: unknown } = {}) =>
  call(`${server.url}/api/manager${path}`, method, { ...options, token });

async function signIn(email: string, password = PASSWORD): Promise<string> {
  const reply = await call(`${server.url}/api/manager/session`, 'POST', { body: { email, password } });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.token;
}

let emails = 0;
async function newManager(role: 'owner' | 'agent' = 'agent', name = `Agent ${++emails}`) {
  const email = `m${++emails}-${Date.now()}@shop.test`;
  const reply = await owner('POST', '/managers', { body: { name, email, password: PASSWORD, role } });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { ...reply.body.manager, token: await signIn(email) } as { id: string; name: string; email: string; token: string };
}

async function customerChat(text = 'Where is my order?', profile: Record<string, unknown> = {}) {
  const visitor = await bootVisitor(server);
  const reply = await widget(server)('POST', '/chats', {
    token: visitor.token,
    body: { clientId: clientId(), message: { text, clientId: clientId('m') }, ...(Object.keys(profile).length ? { profile } : {}) },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { ...visitor, chat: reply.body.chat };
}

describe('accounts and sign-in', () => {
  it('makes the first owner from the environment and signs them in with a Bearer token', async () => {
    const reply = await call(`${server.url}/api/manager/session`, 'POST', { body: { email: 'OWNER@shop.test', password: PASSWORD } });
    expect(reply.status).toBe(200);
    expect(reply.body.manager).toMatchObject({ name: 'Olivia', email: 'owner@shop.test', role: 'owner', avatarUrl: null });
    expect(reply.body.manager).not.toHaveProperty('passwordHash');
    const me = await as(reply.body.token)('GET', '/session');
    expect(me.body).toMatchObject({ role: 'owner', manager: { email: 'owner@shop.test' } });
    expect((await as(reply.body.token)('GET', '/chats')).status).toBe(200);
  });

  it('refuses a wrong password and an unknown address alike, and never lists a password', async () => {
    for (const body of [{ email: 'owner@shop.test', password: 'wrong password!' }, { email: 'nobody@shop.test', password: PASSWORD }]) {
      const reply = await call(`${server.url}/api/manager/session`, 'POST', { body });
      expect(reply.status).toBe(401);
      expect(reply.body.error).toEqual({ code: 'invalid_credentials', message: 'email, password: no account has this email and password' });
    }
    const list = await owner('GET', '/managers');
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|password/i);
  });

  it('applies the password rules and refuses a second account for one address', async () => {
    const cases: [unknown, number, string][] = [
      [{ name: 'A', email: 'a@shop.test', password: 'short' }, 400, 'password: must have at least 10 characters'],
      [{ name: 'A', email: 'a@shop.test', password: 'a@shop.test' }, 400, 'password: must not be the email address'],
      [{ name: 'A', email: 'not-an-address', password: PASSWORD }, 400, 'email: must be an email address'],
      [{ name: 'A', email: 'owner@SHOP.test', password: PASSWORD }, 409, 'email: owner@SHOP.test already has an account'],
      [{ name: 'A', email: 'b@shop.test', password: PASSWORD, role: 'admin' }, 400, 'role: must be one of owner, agent'],
    ];
    for (const [body, status, message] of cases) {
      const reply = await owner('POST', '/managers', { body });
      expect(reply.status, message).toBe(status);
      expect(reply.body.error.message).toBe(message);
    }
  });

  it('lets an agent work in the inbox but not manage accounts or settings', async () => {
    const agent = await newManager('agent');
    const act = as(agent.token);
    expect((await act('GET', '/chats')).status).toBe(200);
    expect((await act('GET', '/csat-settings')).status).toBe(200);
    expect((await act('GET', '/teammates')).body.teammates).toContainEqual(expect.objectContaining({ id: agent.id, role: 'agent' }));
    const refused: [string, string, unknown][] = [
      ['GET', '/managers', undefined],
      ['POST', '/managers', { name: 'X', email: 'x@shop.test', password: PASSWORD }],
      ['DELETE', `/managers/${agent.id}`, undefined],
      ['PUT', '/csat-settings', { enabled: true }],
      ['POST', '/profile-fields', { key: 'profile.plan', type: 'String' }],
      ['PUT', '/goal', { eventName: 'Purchase', windowDays: 7 }],
    ];
    for (const [method, path, body] of refused) {
      const reply = await act(method, path, { body });
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    }
    const ownerId = (await owner('GET', '/session')).body.manager.id;
    expect((await act('PATCH', `/managers/${ownerId}`, { body: { name: 'Mallory' } })).status).toBe(403);
    expect((await act('PATCH', `/managers/${agent.id}`, { body: { role: 'owner' } })).status).toBe(403);
    const renamed = await act('PATCH', `/managers/${agent.id}`, { body: { name: 'Aiden' } });
    expect(renamed.body.manager).toMatchObject({ id: agent.id, name: 'Aiden', role: 'agent' });
    expect((await owner('GET', '/csat-settings')).body.enabled).toBe(false);
  });

  it('keeps at least one owner', async () => {
    const ownerId = (await owner('GET', '/session')).body.manager.id;
    const demote = await owner('PATCH', `/managers/${ownerId}`, { body: { role: 'agent' } });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_owner');
    expect((await owner('DELETE', `/managers/${ownerId}`)).status).toBe(409);
  });

  it('ends a sign-in on sign-out, closing its socket, and refuses the token afterwards', async () => {
    const agent = await newManager('agent');
    const socket = await Socket.open(server);
    socket.send({ type: 'hello', managerToken: agent.token, since: 0 });
    expect((await socket.next()).type).toBe('ready');
    expect((await as(agent.token)('DELETE', '/session')).status).toBe(204);
    expect((await socket.closed).code).toBe(4401);
    const after = await as(agent.token)('GET', '/chats');
    expect(after.status).toBe(401);
    const notASession = await owner('DELETE', '/session');
    expect(notASession.status).toBe(400);
    expect(notASession.body.error.code).toBe('not_a_sign_in');
  });

  it('ends the other sign-ins when a password changes', async () => {
    const agent = await newManager('agent');
    const second = await signIn(agent.email);
    const unproven = await as(agent.token)('PATCH', `/managers/${agent.id}`, { body: { password: 'a brand new passphrase' } });
    expect(unproven.status).toBe(400);
    expect(unproven.body.error).toEqual({ code: 'wrong_password', message: 'currentPassword: give your current password to choose a new one' });
    const changed = await as(agent.token)('PATCH', `/managers/${agent.id}`, { body: { password: 'a brand new passphrase', currentPassword: PASSWORD } });
    expect(changed.status).toBe(200);
    expect((await as(second)('GET', '/chats')).status).toBe(401);
    expect((await as(agent.token)('GET', '/chats')).status).toBe(200);
    await signIn(agent.email, 'a brand new passphrase');
  });
});

describe('a password an owner resets', () => {
  it("ends the account's sign-ins and its API tokens", async () => {
    const agent = await newManager('agent');
    const api = (await as(agent.token)('POST', '/tokens', { body: { name: 'script' } })).body.token;
    const reset = await owner('PATCH', `/managers/${agent.id}`, { body: { password: 'another long passphrase' } });
    expect(reset.status).toBe(200);
    expect((await as(agent.token)('GET', '/chats')).status).toBe(401);
    expect((await as(api)('GET', '/chats')).status).toBe(401);
  });
});

describe('API tokens', () => {
  it('creates a token shown once, lists it without the secret, and revokes it', async () => {
    const agent = await newManager('agent');
    const created = await as(agent.token)('POST', '/tokens', { body: { name: 'CRM sync' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), name: 'CRM sync', token: expect.any(String), lastUsedAt: null });
    const { token, id } = created.body;
    expect((await as(token)('GET', '/chats')).status).toBe(200);
    const listed = await as(agent.token)('GET', '/tokens');
    expect(listed.body.tokens).toEqual([{ id, name: 'CRM sync', createdAt: expect.any(Number), lastUsedAt: expect.any(Number) }]);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    // Another manager cannot see or revoke it.
    const other = await newManager('agent');
    expect((await as(other.token)('GET', '/tokens')).body.tokens).toEqual([]);
    expect((await as(other.token)('DELETE', `/tokens/${id}`)).status).toBe(404);
    expect((await as(agent.token)('DELETE', `/tokens/${id}`)).status).toBe(204);
    const revoked = await as(token)('GET', '/chats');
    expect(revoked.status).toBe(401);
    expect((await as(agent.token)('GET', '/tokens')).body.tokens).toEqual([]);
  });
});

describe('replies and assignment', () => {
  it('gives a reply its author, assigns the chat to the first manager who replies, and shows the name to the customer', async () => {
    const { chat, token } = await customerChat();
    const first = await newManager('agent', 'Hana');
    const second = await newManager('agent', 'Jun');
    const reply = await as(first.token)('POST', `/chats/${chat.id}/messages`, { body: { text: 'Hello, I am on it.' } });
    expect(reply.status).toBe(201);
    expect(reply.body.message).toMatchObject({ author: 'manager', authorId: first.id, authorName: 'Hana' });
    await as(second.token)('POST', `/chats/${chat.id}/messages`, { body: { text: 'Me too.' } });
    const read = await owner('GET', `/chats/${chat.id}`);
    expect(read.body.chat.assigneeId).toBe(first.id);
    const seen = await widget(server)('GET', `/chats/${chat.id}`, { token });
    expect(seen.body.messages.filter((m: { author: string }) => m.author === 'manager').map((m: { authorName: string }) => m.authorName)).toEqual(['Hana', 'Jun']);
    expect(seen.body.chat).not.toHaveProperty('assigneeId');
    expect(seen.body.messages.some((m: object) => 'authorId' in m)).toBe(false);

    const mine = await as(first.token)('GET', '/chats?assignee=me');
    expect(mine.body.chats.map((c: { id: string }) => c.id)).toContain(chat.id);
    expect((await as(second.token)('GET', '/chats?assignee=me')).body.chats.map((c: { id: string }) => c.id)).not.toContain(chat.id);
    expect((await owner('GET', '/chats?assignee=none')).body.chats.map((c: { id: string }) => c.id)).not.toContain(chat.id);
  });

  it("shows the customer the avatar of the manager's account, as it was when they replied", async () => {
    const { chat, token } = await customerChat();
    const mina = await newManager('agent', 'Mina');
    const avatarUrl = 'https://cdn.shop.test/mina.png';
    const script = await owner('PATCH', `/managers/${mina.id}`, { body: { avatarUrl: 'javascript:alert(1)' } });
    expect(script.status).toBe(400);
    expect(script.body.error.message).toBe('avatarUrl: must be an http or https URL, or null');
    expect((await owner('PATCH', `/managers/${mina.id}`, { body: { avatarUrl } })).status).toBe(200);
    await as(mina.token)('POST', `/chats/${chat.id}/messages`, { body: { text: 'Hi, Mina here.' } });
    await owner('PATCH', `/managers/${mina.id}`, { body: { avatarUrl: null } });
    await as(mina.token)('POST', `/chats/${chat.id}/messages`, { body: { text: 'And again.' } });
    const seen = await widget(server)('GET', `/chats/${chat.id}`, { token });
    const replies = seen.body.messages.filter((m: { author: string }) => m.author === 'manager');
    expect(replies.map((m: { authorAvatarUrl?: string }) => m.authorAvatarUrl)).toEqual([avatarUrl, undefined]);
    expect(seen.body.chat.lastMessage).not.toHaveProperty('authorAvatarUrl');
  });

  it('lets a script reply with MANAGER_TOKEN without taking the chat', async () => {
    const { chat } = await customerChat();
    const reply = await owner('POST', `/chats/${chat.id}/messages`, { body: { text: 'Automated: we got your message.' } });
    expect(reply.body.message.authorName).toBe('Olivia');
    expect((await owner('GET', `/chats/${chat.id}`)).body.chat.assigneeId).toBeNull();
  });

  it('reassigns from PATCH, announces it live, and refuses an unknown manager', async () => {
    const { chat, token } = await customerChat();
    const agent = await newManager('agent');
    const socket = await Socket.open(server);
    socket.send({ type: 'hello', managerToken: agent.token, since: await eventCursor(server, token) });
    expect((await socket.next()).type).toBe('ready');
    const assigned = await owner('PATCH', `/chats/${chat.id}`, { body: { assigneeId: agent.id } });
    expect(assigned.body.chat.assigneeId).toBe(agent.id);
    const event = await socket.next();
    expect(event).toMatchObject({ type: 'event', event: { type: 'chat', chat: { id: chat.id, assigneeId: agent.id } } });
    expect((await owner('GET', `/chats?assignee=${agent.id}`)).body.chats.map((c: { id: string }) => c.id)).toEqual([chat.id]);
    const unknown = await owner('PATCH', `/chats/${chat.id}`, { body: { assigneeId: 'nobody' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('assigneeId: no manager has this id');
    const unassigned = await owner('PATCH', `/chats/${chat.id}`, { body: { assigneeId: null } });
    expect(unassigned.body.chat.assigneeId).toBeNull();
    socket.close();
  });
});

describe('custom profile values written by managers', () => {
  it('accepts custom keys through the shared validator and refuses what it refuses', async () => {
    expect((await owner('POST', '/profile-fields', { body: { key: 'profile.plan', type: 'String', names: { en: 'Plan' } } })).status).toBe(201);
    expect((await owner('POST', '/profile-fields', { body: { key: 'profile.seats', type: 'Number', names: { en: 'Seats' } } })).status).toBe(201);
    const { chat } = await customerChat();
    const edited = await owner('PATCH', `/chats/${chat.id}`, { body: { 'profile.plan': 'Team', 'profile.seats': 12 } });
    expect(edited.status).toBe(200);
    expect(edited.body.chat.profile).toMatchObject({ 'profile.plan': 'Team', 'profile.seats': 12 });
    const cases: [unknown, string][] = [
      [{ 'profile.seats': 'many' }, 'profile.seats: must be a finite number'],
      [{ 'profile.unknown': 'x' }, "profile.unknown: is not a field of this channel's chat profile"],
      [{ waitingTime: 5 }, 'waitingTime: is computed by Sangdam and read-only'],
    ];
    for (const [body, message] of cases) {
      const reply = await owner('PATCH', `/chats/${chat.id}`, { body });
      expect(reply.status, message).toBe(400);
      expect(reply.body.error.message).toContain(message);
    }
    expect((await owner('GET', `/chats/${chat.id}`)).body.chat.profile).toMatchObject({ 'profile.plan': 'Team', 'profile.seats': 12 });
  });
});

describe('metrics per manager', () => {
  it('groups the statistics by assignee, and the inbox lists the chats behind each row', async () => {
    const hana = await newManager('agent', 'Hana');
    const jun = await newManager('agent', 'Jun');
    const from = Date.now() - 1000;
    const chats = [await customerChat('a'), await customerChat('b'), await customerChat('c')];
    await as(hana.token)('POST', `/chats/${chats[0].chat.id}/messages`, { body: { text: 'Hi' } });
    await as(hana.token)('POST', `/chats/${chats[1].chat.id}/messages`, { body: { text: 'Hi' } });
    await as(jun.token)('POST', `/chats/${chats[2].chat.id}/messages`, { body: { text: 'Hi' } });
    const stats = await owner('GET', `/stats?by=assignee&from=${from}`);
    expect(stats.status).toBe(200);
    // Earlier tests' chats may fall inside the window; only this test's managers are counted here.
    const ours = stats.body.rows.filter((row: { value: string }) => row.value === hana.id || row.value === jun.id);
    expect(ours.map((row: { value: string; chats: number }) => [row.value, row.chats])).toEqual([
      [hana.id, 2],
      [jun.id, 1],
    ]);
    const listed = await owner('GET', `/chats?assignee=${hana.id}&from=${from}`);
    expect(listed.body.chats.map((c: { id: string }) => c.id).sort()).toEqual([chats[0].chat.id, chats[1].chat.id].sort());
  });
});

describe('a List field with options', () => {
  it('takes only its options, from managers and the widget alike, and can be opened to any item again', async () => {
    const created = await owner('POST', '/profile-fields', { body: { key: 'profile.sizes', type: 'List', names: { en: 'Sizes' }, options: ['S', 'M', 'L'] } });
    expect(created.status).toBe(201);
    expect(created.body.field ?? created.body).toMatchObject({ key: 'profile.sizes', options: ['S', 'M', 'L'] });
    const { chat, token } = await customerChat();
    expect((await owner('PATCH', `/chats/${chat.id}`, { body: { 'profile.sizes': ['M'] } })).body.chat.profile['profile.sizes']).toEqual(['M']);
    const refused = await owner('PATCH', `/chats/${chat.id}`, { body: { 'profile.sizes': ['M', 'XL'] } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(`profile.sizes: "XL" is not one of the field's options (S, M, L)`);
    const fromWidget = await widget(server)('PATCH', `/chats/${chat.id}/profile`, { token, body: { profile: { sizes: ['XL'] } } });
    expect(fromWidget.status).toBe(400);
    const wrongType = await owner('POST', '/profile-fields', { body: { key: 'profile.note', type: 'String', options: ['a'] } });
    expect(wrongType.body.error.message).toBe('options: only a List field takes options (profile.note is a String field)');
    const opened = await owner('PATCH', '/profile-fields/profile.sizes', { body: { options: null } });
    expect(opened.status).toBe(200);
    expect((await owner('PATCH', `/chats/${chat.id}`, { body: { 'profile.sizes': ['XL'] } })).status).toBe(200);
    expect((await owner('GET', `/chats/${chat.id}`)).body.chat.profile['profile.sizes']).toEqual(['XL']);
  });
});

describe('unread counts per manager', () => {
  const unreadOf = async (token: string, chatId: string) => {
    const list = await as(token)('GET', `/chats?q=${chatId}`);
    expect(list.status).toBe(200);
    return list.body.chats.find((chat: { id: string }) => chat.id === chatId)?.unread;
  };

  it('counts the customer messages each manager has not read, until that manager reads the chat', async () => {
    const [ana, ben] = [await newManager(), await newManager()];
    const { chat, token } = await customerChat('First question');
    expect(await unreadOf(ana.token, chat.id)).toBe(1);
    expect(await unreadOf(ben.token, chat.id)).toBe(1);

    expect((await as(ana.token)('POST', `/chats/${chat.id}/read`)).status).toBe(204);
    expect(await unreadOf(ana.token, chat.id)).toBe(0);
    expect(await unreadOf(ben.token, chat.id)).toBe(1);

    for (const text of ['Second', 'Third']) {
      const sent = await widget(server)('POST', `/chats/${chat.id}/messages`, { token, body: { text, clientId: clientId('m') } });
      expect(sent.status).toBe(201);
    }
    await as(ben.token)('POST', `/chats/${chat.id}/messages`, { body: { text: 'Looking now.' } });
    // A reply is not the customer's: it adds nothing to anyone's count, and its author has read the chat.
    expect(await unreadOf(ana.token, chat.id)).toBe(2);
    expect(await unreadOf(ben.token, chat.id)).toBe(0);
    expect(await unreadOf(MANAGER_TOKEN, chat.id)).toBe(3);
  });

  it('refuses to mark a chat that does not exist', async () => {
    const reply = await owner('POST', '/chats/nope/read');
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('chat_not_found');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manager, MANAGER_TOKEN, removeDir, Socket, startServer, visitorWithChat, type TestServer } from './helpers.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ owner: { email: 'owner@shop.test', password: 'correct horse battery', name: 'Olivia' } });
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

async function ready(hello: Record<string, unknown>): Promise<Socket> {
  const socket = await Socket.open(server);
  socket.send({ type: 'hello', since: Number.MAX_SAFE_INTEGER, ...hello });
  expect((await socket.next()).type).toBe('ready');
  return socket;
}

/** The frames that arrive within `ms`. */
async function framesWithin(socket: Socket, ms = 300): Promise<any[]> {
  const frames: any[] = [];
  for (;;) {
    try {
      frames.push(await socket.next(ms));
    } catch {
      return frames;
    }
  }
}

describe('typing', () => {
  it("passes the customer's typing to managers and a manager's, with their name, to that customer only", async () => {
    const alice = await visitorWithChat(server);
    const bob = await visitorWithChat(server);
    const managerSocket = await ready({ managerToken: MANAGER_TOKEN });
    const aliceSocket = await ready({ token: alice.token });
    const bobSocket = await ready({ token: bob.token });

    aliceSocket.send({ type: 'typing', chatId: alice.chatId });
    expect(await managerSocket.next()).toEqual({ type: 'typing', chatId: alice.chatId, author: 'customer' });

    managerSocket.send({ type: 'typing', chatId: alice.chatId });
    expect(await aliceSocket.next()).toEqual({ type: 'typing', chatId: alice.chatId, author: 'manager', name: 'Olivia' });
    expect(await framesWithin(bobSocket)).toEqual([]);

    // Bob cannot announce typing in Alice's chat, and a burst is passed on once.
    bobSocket.send({ type: 'typing', chatId: alice.chatId });
    aliceSocket.send({ type: 'typing', chatId: alice.chatId });
    expect(await framesWithin(managerSocket)).toEqual([]);
    expect((await manager(server)('GET', `/chats/${alice.chatId}`)).body.messages).toHaveLength(1);
    for (const socket of [managerSocket, aliceSocket, bobSocket]) socket.close();
  });

  it('refuses a typing frame without a chat id, naming the rule', async () => {
    const socket = await ready({ managerToken: MANAGER_TOKEN });
    socket.send({ type: 'typing' });
    expect(await socket.next()).toEqual({ type: 'error', code: 'bad_frame', message: 'typing: needs the chatId of a chat' });
    socket.close();
  });
});

describe('typing floods', () => {
  it('passes on at most a few typing frames per socket in a few seconds, whatever chats they name', async () => {
    const visitor = await visitorWithChat(server);
    const customer = await ready({ token: visitor.token });
    const flooder = await ready({ managerToken: MANAGER_TOKEN });
    for (let i = 0; i < 50; i++) flooder.send({ type: 'typing', chatId: `no-such-chat-${i}` });
    // Past its budget: even a real chat's typing is dropped until the window turns.
    flooder.send({ type: 'typing', chatId: visitor.chatId });
    expect(await framesWithin(customer)).toEqual([]);
    for (const socket of [flooder, customer]) socket.close();
  });
});

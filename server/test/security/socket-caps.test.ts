/** A cap on the WebSockets one visitor, or one manager credential, holds open at once. */
import { afterEach, describe, expect, it } from 'vitest';
import { bootVisitor, MANAGER_TOKEN, removeDir, Socket, startServer, type TestServer } from '../helpers.ts';
import { sleep } from './limitHelpers.ts';

let server: TestServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await server?.close();
  if (server) await removeDir(server.dataDir);
  server = undefined;
});

async function ready(s: TestServer, hello: Record<string, unknown>): Promise<Socket> {
  const socket = await Socket.open(s);
  sockets.push(socket);
  await socket.hello({ since: 0, ...hello });
  return socket;
}

/** Says hello on a new socket; resolves with the first frame and the socket. */
async function greet(s: TestServer, hello: Record<string, unknown>) {
  const socket = await Socket.open(s);
  sockets.push(socket);
  socket.send({ type: 'hello', since: 0, ...hello });
  return { frame: await socket.next(), socket };
}

async function refused(s: TestServer, hello: Record<string, unknown>) {
  const { frame, socket } = await greet(s, hello);
  return { frame, closed: await socket.closed };
}

describe('open sockets', () => {
  it('refuses a 9th socket of one visitor with close code 4429, and takes one again once another closes', async () => {
    const s = (server = await startServer({ rateLimits: {} })); // the defaults
    const { token } = await bootVisitor(s);
    const open: Socket[] = [];
    for (let i = 0; i < 8; i++) open.push(await ready(s, { token }));
    const ninth = await refused(s, { token });
    expect(ninth.frame).toEqual({
      type: 'error',
      code: 'too_many_sockets',
      message: 'sockets: at most 8 open per visitor; close another first',
    });
    expect(ninth.closed).toEqual({ code: 4429, reason: 'too_many_sockets' });
    // Another visitor is not affected.
    await ready(s, { token: (await bootVisitor(s)).token });
    // A closed socket gives its place back (once the server has seen it close: a moment later).
    open[0].close();
    await open[0].closed;
    let tries = 0;
    while ((await greet(s, { token })).frame.type === 'error') {
      expect(++tries).toBeLessThan(20);
      await sleep(50);
    }
  });

  it('caps the sockets of one manager credential', async () => {
    const s = (server = await startServer({ rateLimits: { sockets: { manager: 2 } } }));
    await ready(s, { managerToken: MANAGER_TOKEN });
    await ready(s, { managerToken: MANAGER_TOKEN });
    const third = await refused(s, { managerToken: MANAGER_TOKEN });
    expect(third.frame.message).toBe('sockets: at most 2 open per manager credential; close another first');
    expect(third.closed.code).toBe(4429);
  });

  it('does not count a socket refused for a wrong token, or one still waiting for its hello', async () => {
    const s = (server = await startServer({ rateLimits: { sockets: { visitor: 1 } } }));
    const { token } = await bootVisitor(s);
    const waiting = await Socket.open(s);
    sockets.push(waiting);
    expect((await refused(s, { token: 'no-such-token' })).closed.code).toBe(4401);
    await ready(s, { token });
  });
});

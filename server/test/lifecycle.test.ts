import { connect, type Socket as TcpSocket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { call, clientId, MANAGER_TOKEN, removeDir, Socket, startServer, visitorWithChat, type TestServer } from './helpers.ts';

let server: TestServer | null = null;
afterEach(async () => {
  if (!server) return;
  await server.close();
  await removeDir(server.dataDir);
  server = null;
});

/** A raw connection to the server, and everything it has received. */
function rawConnection(target: TestServer): Promise<{ socket: TcpSocket; received: () => string }> {
  const { port } = new URL(target.url);
  const socket = connect(Number(port), '127.0.0.1');
  let text = '';
  socket.on('data', (chunk) => (text += chunk.toString()));
  socket.on('error', () => undefined);
  return new Promise((resolve) => socket.once('connect', () => resolve({ socket, received: () => text })));
}

const until = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('readiness and stopping', () => {
  it('answers /readyz once it can serve, and 503 while it stops', async () => {
    server = await startServer();
    const ready = await call(`${server.url}/readyz`, 'GET');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ ok: true });

    // A socket that never answers the goodbye keeps the stop in its first step for a moment.
    const stubborn = await rawConnection(server);
    stubborn.socket.write(
      'GET /api/realtime HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    await until(() => stubborn.received().includes('101 Switching Protocols'));
    const closing = server.close();
    const draining = await call(`${server.url}/readyz`, 'GET');
    expect(draining.status).toBe(503);
    expect(draining.body.error).toEqual({ code: 'not_ready', message: 'readyz: the instance is stopping' });
    await closing;
    stubborn.socket.destroy();
  });

  it('tells open sockets to reconnect elsewhere (1001) and finishes a request it is answering', async () => {
    server = await startServer({ drainMs: 5000 });
    const { chatId } = await visitorWithChat(server);
    const socket = await Socket.open(server);
    const closedSocket = socket.closed;

    // A reply whose body is still arriving when the stop begins.
    const body = JSON.stringify({ text: 'Sent while the server stops', clientId: clientId('m') });
    const slow = await rawConnection(server);
    slow.socket.write(
      `POST /api/manager/chats/${chatId}/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${MANAGER_TOKEN}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = server.close();
    let refused = false;
    const probe = () => {
      const attempt = connect(Number(new URL(server!.url).port), '127.0.0.1');
      attempt.once('connect', () => (attempt.destroy(), setTimeout(probe, 20)));
      attempt.once('error', () => (refused = true));
    };
    probe();
    expect(await closedSocket).toEqual({ code: 1001, reason: 'server shutting down' });
    // Only once the server takes no new connection does the rest of the body arrive.
    await until(() => refused);
    slow.socket.write(body.slice(10));
    await until(() => slow.received().includes('\r\n\r\n{'));
    expect(slow.received()).toMatch(/^HTTP\/1\.1 201 /);
    await closing;
    slow.socket.destroy();

    // The reply was stored: the next start on the same data has it.
    const dataDir = server.dataDir;
    server = await startServer({ dataDir });
    const read = await call(`${server.url}/api/manager/chats/${chatId}`, 'GET', { token: MANAGER_TOKEN });
    expect(read.body.messages.map((m: { text: string }) => m.text)).toContain('Sent while the server stops');
  });
});

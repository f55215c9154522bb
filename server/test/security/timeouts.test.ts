/**
 * Every socket has a deadline: a body or headers trickled slowly are cut by the request and
 * header timeouts, a silent socket by the idle timeout, an idle keep-alive socket by its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { removeDir, startServer, tempDir, type TestServer } from '../helpers.ts';
import { rawClient, trickle } from './limitHelpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  if (server) await removeDir(server.dataDir);
  server = undefined;
});

const head = (s: TestServer, length: number) =>
  `POST /api/widget/${s.pluginKey}/boot HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

describe('slow clients', () => {
  it('cuts a body trickled a byte at a time once the request timeout is up', async () => {
    const s = (server = await startServer({ timeouts: { requestMs: 1000, headersMs: 500 } }));
    const client = await rawClient(s);
    const body = `{"language":"en","profile":{"note":"${'x'.repeat(200)}"}}`;
    client.socket.write(head(s, body.length));
    const stop = trickle(client.socket, body, 50); // 10+ s for the whole body
    const closedAfter = await client.closed;
    stop();
    expect(closedAfter).toBeLessThan(3000);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts headers trickled slowly once the header timeout is up', async () => {
    const s = (server = await startServer({ timeouts: { requestMs: 5000, headersMs: 500 } }));
    const client = await rawClient(s);
    const stop = trickle(client.socket, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'y'.repeat(500)}\r\n\r\n`, 20);
    const closedAfter = await client.closed;
    stop();
    expect(closedAfter).toBeLessThan(2000);
    expect(client.received()).not.toContain('200 OK');
  });

  it('closes a socket that never says anything once the idle timeout is up', async () => {
    const s = (server = await startServer({ pollTimeoutMs: 500, timeouts: { connectionMs: 800 } }));
    const client = await rawClient(s);
    const closedAfter = await client.closed;
    expect(closedAfter).toBeGreaterThanOrEqual(700);
    expect(closedAfter).toBeLessThan(2500);
  });

  it('closes an idle keep-alive socket after its request, and answers the request first', async () => {
    const s = (server = await startServer({ timeouts: { keepAliveMs: 300 } }));
    const client = await rawClient(s);
    client.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const closedAfter = await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(closedAfter).toBeLessThan(2000);
  });

  it('refuses timeouts that would cut healthy requests', async () => {
    const dataDir = await tempDir();
    await expect(startServer({ dataDir, timeouts: { headersMs: 2000, requestMs: 1000 } })).rejects.toThrow(
      'timeouts.headersMs: must not exceed requestMs',
    );
    await expect(startServer({ dataDir, pollTimeoutMs: 25_000, timeouts: { connectionMs: 20_000 } })).rejects.toThrow(
      "timeouts.connectionMs: must exceed the long poll's wait",
    );
    await removeDir(dataDir);
  });
});

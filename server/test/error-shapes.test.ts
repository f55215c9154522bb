/** Every refusal, Fastify's and Node's own included, is `{ error: { code, message } }`. */
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGER_TOKEN, removeDir, startServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

interface Raw {
  status: number;
  type: string | undefined;
  body: any;
}

/** A request sent as is (fetch would normalise the URL and refuse some headers). */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], body: JSON.parse(text) }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** Bytes written straight to the socket, for what no HTTP client would send. */
function rawSocket(bytes: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(bytes));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, body] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), type: /content-type: ([^\r]+)/i.exec(head)?.[1], body: JSON.parse(body) });
    });
  });
}

const auth = { authorization: `Bearer ${MANAGER_TOKEN}` };
const json = { ...auth, 'content-type': 'application/json' };
const TOKEN_LIKE = 'S3cr3tT0kenS3cr3tT0kenS3cr3tT0kenS3cr3tT0k';

describe('error bodies', () => {
  const cases: [string, () => Promise<Raw>, number, string][] = [
    ['bad percent-encoding', () => raw(`/api/manager/chats/%E0%A4%A`, { headers: auth }), 400, 'bad_url'],
    ['bad percent-encoding in a survey link', () => raw(`/csat/${TOKEN_LIKE}%zz`), 400, 'bad_url'],
    ['an over-long path parameter', () => raw(`/api/manager/chats/${'a'.repeat(600)}`, { headers: auth }), 414, 'url_too_long'],
    ['an unknown route', () => raw('/api/nope'), 404, 'not_found'],
    ['an unknown file', () => raw('/nope'), 404, 'not_found'],
    ['a body over the limit', () => raw('/api/manager/chats/x/messages', { method: 'POST', headers: json, body: `{"text":"${'a'.repeat(300_000)}"}` }), 413, 'body_too_large'],
    ['a body that is not JSON', () => raw('/api/manager/chats/x/messages', { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: 'hi' }), 415, 'unsupported_media_type'],
    ['malformed JSON', () => raw('/api/manager/chats/x/messages', { method: 'POST', headers: json, body: '{bad' }), 400, 'invalid_json'],
    ['headers over the size limit', () => raw('/healthz', { headers: { 'x-big': 'a'.repeat(20_000) } }), 431, 'headers_too_large'],
    ['a method no route takes', () => raw('/healthz', { method: 'PROPFIND' }), 404, 'not_found'],
    ['a request line that is not HTTP', () => rawSocket('NOT HTTP AT ALL\r\n\r\n'), 400, 'bad_request'],
  ];
  for (const [what, send, status, code] of cases) {
    it(`${what}: ${status} ${code}`, async () => {
      const reply = await send();
      expect(reply.status).toBe(status);
      expect(reply.type).toMatch(/^application\/json/);
      expect(reply.body).toEqual({ error: { code, message: expect.any(String) } });
      expect(JSON.stringify(reply.body)).not.toContain(TOKEN_LIKE);
    });
  }
});

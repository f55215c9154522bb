import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootVisitor, clientId, removeDir, startServer, widget, type TestServer } from './helpers.ts';

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

describe('refusals', () => {
  it('refuses calls without a valid token with 401', async () => {
    for (const token of [undefined, 'wrong-token']) {
      const reply = await api('GET', '/chats', { token });
      expect(reply.status).toBe(401);
      expect(reply.body.error.code).toEqual(expect.any(String));
      expect(reply.body.error.message).toEqual(expect.any(String));
    }
  });

  it('names the field and the rule of a refused value', async () => {
    const { token } = await bootVisitor(server);
    const chat = (await api('POST', '/chats', { token, body: { clientId: clientId() } })).body.chat;
    const cases: [string, string, unknown, string][] = [
      ['POST', `/chats/${chat.id}/messages`, { text: '', clientId: 'x' }, 'text: must be a string of 1 to 5000 characters'],
      ['POST', `/chats/${chat.id}/messages`, { text: 'x'.repeat(5001), clientId: 'x' }, 'text: must be a string of 1 to 5000 characters'],
      ['POST', `/chats/${chat.id}/messages`, { text: 'hi' }, 'clientId: is required (a string of 1 to 128 characters)'],
      ['POST', `/chats/${chat.id}/messages`, { text: 'hi', clientId: 'x', extra: 1 }, 'extra: is not a known field (expected text, clientId)'],
      ['POST', '/chats', { clientId: 'x', message: { text: 7, clientId: 'y' } }, 'message.text: must be a string of 1 to 5000 characters'],
      ['POST', '/chats', { clientId: 'x', profile: { priority: 'high' } }, 'priority: is written by managers only'],
      ['POST', '/chats', { clientId: 'x', profile: { 'source.page': 'x'.repeat(2049) } }, 'source.page: must be at most 2048 characters (got 2049)'],
      ['PATCH', '/user', { language: 5 }, 'language: must be a language tag such as ko, en-US or ja-JP'],
      ['PATCH', '/user', { profile: { nested: { a: 1 } } }, 'profile.nested: must be a string of up to 1000 characters, a finite number, a boolean, null or a list of up to 30 strings (each up to 200 characters) or numbers'],
      ['PATCH', '/user', { profile: { sizes: Array.from({ length: 31 }, (_, i) => i) } }, 'profile.sizes: must be a string of up to 1000 characters, a finite number, a boolean, null or a list of up to 30 strings (each up to 200 characters) or numbers'],
      ['PATCH', '/user', { profileOnce: { likes: ['x'.repeat(201)] } }, 'profileOnce.likes: must be a string of up to 1000 characters, a finite number, a boolean, null or a list of up to 30 strings (each up to 200 characters) or numbers'],
      ['POST', '/events', { name: 'Buy', properties: { items: ['a'] } }, 'properties.items: must be a string of up to 1000 characters, a finite number, a boolean or null'],
      ['POST', '/user/tags', { add: 'vip' }, 'add: must be a list of at most 30 non-empty strings of up to 50 characters'],
    ];
    for (const [method, path, body, message] of cases) {
      const reply = await api(method, path, { token, body });
      expect(reply.status, message).toBe(400);
      expect(reply.body.error).toEqual({ code: 'invalid_request', message });
    }
  });

  it('refuses malformed JSON and non-JSON bodies', async () => {
    const { token } = await bootVisitor(server);
    const bad = await api('POST', '/chats', { token, rawBody: '{"clientId":' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
    const text = await api('POST', '/chats', { token, rawBody: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
  });

  it('refuses a body over 64 KB with 413 JSON', async () => {
    const { token } = await bootVisitor(server);
    const reply = await api('POST', '/chats', { token, body: { clientId: 'x', padding: 'x'.repeat(70 * 1024) } });
    expect(reply.status).toBe(413);
    expect(reply.body.error).toEqual({ code: 'body_too_large', message: 'body: must be at most 65536 bytes' });
  });
});

describe('CORS', () => {
  let guarded: TestServer;
  beforeAll(async () => {
    guarded = await startServer({ allowedOrigins: ['https://shop.example'] });
  });
  afterAll(async () => {
    await guarded.close();
    await removeDir(guarded.dataDir);
  });

  it('answers a preflight from an allowed origin with the CORS headers', async () => {
    const reply = await widget(guarded)('OPTIONS', '/chats', {
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(reply.headers.get('vary')).toContain('Origin');
    expect(reply.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(reply.headers.get('access-control-allow-methods')).toBe('GET, POST, PATCH, DELETE');
    expect(reply.headers.get('access-control-max-age')).toBe('7200');
  });

  it('echoes an allowed origin on actual responses', async () => {
    const reply = await widget(guarded)('POST', '/boot', { body: {}, headers: { origin: 'https://shop.example' } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });

  it('refuses another origin with a 403 the page can read, after a preflight that lets the request through', async () => {
    const preflight = await widget(guarded)('OPTIONS', '/boot', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    const reply = await widget(guarded)('POST', '/boot', { body: {}, headers: { origin: 'https://evil.example' } });
    expect(reply.status).toBe(403);
    expect(reply.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(reply.body.error).toEqual({
      code: 'origin_not_allowed',
      message: `origin: this origin (https://evil.example) is not allowed for the channel ${guarded.pluginKey}`,
    });
  });

  it('refuses an unknown plugin key with a 404 the page can read, after a preflight that lets the request through', async () => {
    const headers = { origin: 'https://shop.example', 'access-control-request-method': 'POST' };
    const preflight = await widget(guarded, 'no-such-key')('OPTIONS', '/boot', { headers });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const reply = await widget(guarded, 'no-such-key')('POST', '/boot', { body: {}, headers: { origin: 'https://shop.example' } });
    expect(reply.status).toBe(404);
    expect(reply.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(reply.body.error).toEqual({ code: 'channel_not_found', message: 'pluginKey: no channel has this plugin key (no-such-key)' });
  });

  it('admits any origin when the channel lists none', async () => {
    const reply = await api('POST', '/boot', { body: {}, headers: { origin: 'https://anywhere.example' } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
  });
});

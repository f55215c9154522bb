/** A string that is not Unicode is refused where it comes in, naming its key, and nothing is stored. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLoneSurrogate } from '../../../src/shared/wellFormed.ts';
import { bootVisitor, clientId, manager, removeDir, Socket, startServer, visitorWithChat, widget, type TestServer } from '../helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

/** JSON text with the escapes left as they are: JSON.stringify would write the same, but this reads plainly. */
const raw = (json: string) => ({ rawBody: json });

describe('lone surrogates', () => {
  it('are refused in a message, a profile value, a key, a list item and a manager reply, naming the key', async () => {
    const { token, chatId } = await visitorWithChat(server);
    const api = widget(server);
    const cases: [string, string, { rawBody: string }, string][] = [
      ['POST', `/chats/${chatId}/messages`, raw(`{"text":"hi \\ud800","clientId":"${clientId('m')}"}`), 'text: contains a lone surrogate (U+D800)'],
      ['POST', `/chats/${chatId}/messages`, raw(`{"text":"\\udc00 low first","clientId":"${clientId('m')}"}`), 'text: contains a lone surrogate (U+DC00)'],
      ['PATCH', `/chats/${chatId}/profile`, raw('{"profile":{"productName":"shirt\\udbff"}}'), 'profile.productName: contains a lone surrogate (U+DBFF)'],
      ['PATCH', `/chats/${chatId}/profile`, raw('{"profile":{"name\\ud800":"x"}}'), 'profile.name\\ud800: this key contains a lone surrogate'],
      ['PATCH', '/user', raw('{"tags":["ok","\\ud83d"]}'), 'tags[1]: contains a lone surrogate (U+D83D)'],
      // No text column of PostgreSQL holds a NUL, and its JSON refuses the escape: refused on both stores.
      ['POST', `/chats/${chatId}/messages`, raw(`{"text":"a\\u0000b","clientId":"${clientId('m')}"}`), 'text: contains a NUL character (U+0000)'],
      ['PATCH', `/chats/${chatId}/profile`, raw('{"profile":{"source.page":"https://shop.test/\\u0000"}}'), 'profile.source.page: contains a NUL character (U+0000)'],
    ];
    for (const [method, path, body, message] of cases) {
      const reply = await api(method, path, { token, ...body });
      expect(reply.status, message).toBe(400);
      expect(reply.body.error.code).toBe('invalid_request');
      expect(reply.body.error.message, path).toContain(message);
    }
    const reply = await manager(server)('POST', `/chats/${chatId}/messages`, raw(`{"text":"\\ud800","clientId":"${clientId('r')}"}`));
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('text: contains a lone surrogate');
    const seen = await api('GET', `/chats/${chatId}`, { token });
    expect(seen.body.messages.map((m: { text: string }) => m.text)).toEqual(['Hello']);
    expect(JSON.stringify(seen.body)).not.toContain('\ufffd');
  });

  it('leave well-formed pairs (emoji) alone', async () => {
    const { token, chatId } = await visitorWithChat(server);
    const reply = await widget(server)('POST', `/chats/${chatId}/messages`, { token, ...raw(`{"text":"\\ud83d\\ude00 ok","clientId":"${clientId('m')}"}`) });
    expect(reply.status).toBe(201);
    expect(reply.body.message.text).toBe('😀 ok');
  });

  it('are refused in a realtime frame', async () => {
    const { token } = await bootVisitor(server);
    const socket = await Socket.open(server);
    socket.ws.send(`{"type":"hello","token":"${token}\\ud800","since":0}`);
    const frame = await socket.next();
    expect(JSON.stringify(frame)).toContain('frame.token: contains a lone surrogate (U+D800)');
    socket.close();
  });

  it('are found anywhere in a value by the shared reader', () => {
    expect(findLoneSurrogate({ a: [{ b: 'x\uD800y' }] })).toMatch(/^a\[0\]\.b: contains a lone surrogate \(U\+D800\)/);
    expect(findLoneSurrogate({ a: '\uD83D\uDE00', b: ['한국어'] })).toBeUndefined();
  });
});

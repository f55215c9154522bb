/**
 * A visitor reaches only their own chats: every widget route that takes a chat id (read from the
 * route table, so new ones are covered) answers another visitor's chat as missing, and changes
 * nothing of it. Single cases live beside their features (widget-chats, chat-profile,
 * csat-answers); this walks them all at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootVisitor, call, clientId, manager, removeDir, startServer, type TestServer } from '../helpers.ts';
import { setSurvey, surveyedChat } from '../surveyHelpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  await setSurvey(server);
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

describe("another visitor's chat", () => {
  it('is not found through any widget route that takes a chat id, and stays as it was', async () => {
    const owner = await surveyedChat(server);
    const survey = owner.survey as { id: string };
    const intruder = await bootVisitor(server);
    const before = JSON.stringify((await manager(server)('GET', `/chats/${owner.chatId}`)).body);
    const routes = server.routes.filter((r) => r.url.includes('/api/widget/:pluginKey/chats/:id') && r.method !== 'HEAD' && r.method !== 'OPTIONS');
    expect(routes.map((r) => `${r.method} ${r.url.replace('/api/widget/:pluginKey', '')}`)).toEqual(
      expect.arrayContaining(['GET /chats/:id', 'POST /chats/:id/messages', 'PATCH /chats/:id/profile', 'POST /chats/:id/messages/:messageId/answer', 'POST /chats/:id/messages/:messageId/answer/comment', 'POST /chats/:id/messages/:messageId/skip']),
    );
    const bodies: Record<string, unknown> = {
      'POST /chats/:id/messages': { text: 'not yours', clientId: clientId('m') },
      'PATCH /chats/:id/profile': { profile: { productName: 'hijacked' } },
      'POST /chats/:id/messages/:messageId/answer': { answerId: clientId('a'), score: 1, comment: 'not mine' },
      'POST /chats/:id/messages/:messageId/answer/comment': { comment: 'not mine' },
      'POST /chats/:id/messages/:messageId/skip': {},
    };
    for (const { method, url } of routes) {
      const route = `${method} ${url.replace('/api/widget/:pluginKey', '')}`;
      const path = url.replace(':pluginKey', server.pluginKey).replace(':id', owner.chatId).replace(':messageId', survey.id);
      const reply = await call(`${server.url}${path}`, method, { token: intruder.token, body: bodies[route] });
      expect([403, 404], route).toContain(reply.status);
      expect(reply.body, route).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect(JSON.stringify((await manager(server)('GET', `/chats/${owner.chatId}`)).body)).toBe(before);
    const own = await call(`${server.url}/api/widget/${server.pluginKey}/chats`, 'GET', { token: intruder.token });
    expect(own.body.chats).toEqual([]);
  });
});

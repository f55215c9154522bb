import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manager, removeDir, startServer, type TestServer } from './helpers.ts';

let server: TestServer;
let api: ReturnType<typeof manager>;

beforeAll(async () => {
  server = await startServer();
  api = manager(server);
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

describe('display settings', () => {
  it('hides only the keys Sangdam never fills until a manager sets them', async () => {
    const reply = await api('GET', '/display-settings');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ hidden: ['source.workflow.id', 'appMessenger'] });
  });

  it('stores built-in and profile. keys, drops duplicates, and reads them back after a restart', async () => {
    const hidden = ['source.page', 'profile.productId', 'operationWaitingTime', 'source.page', 'profile.notYetAdded'];
    const put = await api('PUT', '/display-settings', { body: { hidden } });
    expect(put.status).toBe(200);
    const expected = { hidden: ['source.page', 'profile.productId', 'operationWaitingTime', 'profile.notYetAdded'] };
    expect(put.body).toEqual(expected);
    expect((await api('GET', '/display-settings')).body).toEqual(expected);

    await server.close();
    server = await startServer({ dataDir: server.dataDir });
    api = manager(server);
    expect((await api('GET', '/display-settings')).body).toEqual(expected);

    expect((await api('PUT', '/display-settings', { body: { hidden: [] } })).body).toEqual({ hidden: [] });
  });

  it('refuses a wrong body naming the field or the key, and keeps what was stored', async () => {
    await api('PUT', '/display-settings', { body: { hidden: ['tags'] } });
    const cases: [unknown, string][] = [
      [{ hidden: ['tags', 'productName'] }, 'hidden[1]: "productName" is not a chat-profile key (a built-in key such as source.page, or profile.<name>)'],
      [{ hidden: ['profile.'] }, 'hidden[0]: "profile." is not a chat-profile key (a built-in key such as source.page, or profile.<name>)'],
      [{ hidden: [`profile.${'a'.repeat(53)}`] }, 'hidden[0]: must be a key of 1 to 60 characters'],
      [{ hidden: [7] }, 'hidden[0]: must be a key of 1 to 60 characters'],
      [{ hidden: 'tags' }, 'hidden: must be a list of at most 200 chat-profile keys'],
      [{ hidden: Array.from({ length: 201 }, (_, i) => `profile.f${i}`) }, 'hidden: must be a list of at most 200 chat-profile keys'],
      [{}, 'hidden: is required (a list of chat-profile keys)'],
      [{ hidden: [], shown: [] }, 'shown: is not a known field (expected hidden)'],
    ];
    for (const [body, message] of cases) {
      const reply = await api('PUT', '/display-settings', { body });
      expect(reply.status, message).toBe(400);
      expect(reply.body.error).toEqual({ code: 'invalid_request', message });
    }
    expect((await api('GET', '/display-settings')).body).toEqual({ hidden: ['tags'] });
  });

  it('takes the full 200 keys', async () => {
    const hidden = Array.from({ length: 200 }, (_, i) => `profile.f${i}`);
    const reply = await api('PUT', '/display-settings', { body: { hidden } });
    expect(reply.status).toBe(200);
    expect(reply.body.hidden).toHaveLength(200);
  });
});

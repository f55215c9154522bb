import { describe, expect, it } from 'vitest';
import { manager, removeDir, Socket, startServer, tempDir, visitorWithChat } from './helpers.ts';

describe('restart', () => {
  it('keeps a generated plugin key across restarts', async () => {
    const dataDir = await tempDir();
    const first = await startServer({ dataDir });
    await first.close();
    const second = await startServer({ dataDir });
    expect(second.pluginKey).toBe(first.pluginKey);
    expect(second.pluginKey).toMatch(/^[0-9a-f-]{36}$/);
    await second.close();
    await removeDir(dataDir);
  });

  it('resumes after a full server restart on the same data directory without loss or duplicates', async () => {
    const dataDir = await tempDir();
    const pluginKey = 'restart-test-plugin-key';
    let first = await startServer({ dataDir, pluginKey });
    const { token, chatId, cursor } = await visitorWithChat(first);
    const socket = await Socket.open(first);
    await socket.hello({ token, since: cursor });
    await manager(first)('POST', `/chats/${chatId}/messages`, { body: { text: 'before restart' } });
    const seen = (await socket.next()).event;
    expect(seen.message.text).toBe('before restart');
    await manager(first)('POST', `/chats/${chatId}/messages`, { body: { text: 'missed 1' } });
    await first.close();
    expect((await socket.closed).code).toBe(1001);

    const second = await startServer({ dataDir });
    expect(second.pluginKey).toBe(pluginKey);
    await manager(second)('POST', `/chats/${chatId}/messages`, { body: { text: 'missed 2' } });
    const again = await Socket.open(second);
    const { events } = await again.hello({ token, since: seen.seq });
    expect(events.map((e) => e.message.text)).toEqual(['missed 1', 'missed 2']);
    expect(events[0].seq).toBeGreaterThan(seen.seq);
    expect(events[1].seq).toBeGreaterThan(events[0].seq);
    await manager(second)('POST', `/chats/${chatId}/messages`, { body: { text: 'live again' } });
    const live = (await again.next()).event;
    expect(live.message.text).toBe('live again');
    expect(live.seq).toBeGreaterThan(events[1].seq);
    await again.silence();
    again.close();
    await second.close();
    await removeDir(dataDir);
  });
});

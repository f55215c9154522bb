import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLive, SETTLE_MS, type LiveOptions } from './live';
import type { RealtimeModule, RealtimeOptions } from './realtime';

let connections: (RealtimeOptions & { closed: boolean; at: number })[];
let load: ReturnType<typeof vi.fn>;

const options = (): LiveOptions => ({
  load: load as () => Promise<RealtimeModule>,
  url: 'ws://api.test/api/realtime',
  pollUrl: 'http://api.test/api/widget/key/realtime',
  token: 'tok',
  cursor: 7,
  onEvent() {},
  onConnection() {},
  onTyping() {},
  onRevoked() {},
});

/** Lets the idle callback (a timer where the test browser has none in fake time) and the chunk's promise run. */
const settle = async (ms = 0) => {
  await vi.advanceTimersByTimeAsync(ms);
  await vi.advanceTimersByTimeAsync(2000);
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestIdleCallback', 'cancelIdleCallback', 'Date'] });
  connections = [];
  load = vi.fn(async () => ({
    connectRealtime(o: RealtimeOptions) {
      const connection = { ...o, closed: false, at: Date.now() };
      connections.push(connection);
      return { cursor: () => 12, close: () => void (connection.closed = true) };
    },
  }));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the live connection', () => {
  it('loads nothing at boot, and connects at idle time once the page has settled', async () => {
    const live = createLive(options());
    await settle(SETTLE_MS - 2100);
    expect(load).not.toHaveBeenCalled();
    await settle(200);
    expect(load).toHaveBeenCalledTimes(1);
    expect(connections).toHaveLength(1);
    expect(connections[0]).toMatchObject({ url: 'ws://api.test/api/realtime', token: 'tok', cursor: 7 });
    live.close();
    await settle();
    expect(connections[0].closed).toBe(true);
  });

  it.each(['pointerdown', 'keydown', 'touchstart', 'scroll'])('connects at the idle time after the first %s, once', async (type) => {
    const live = createLive(options());
    window.dispatchEvent(new Event(type));
    window.dispatchEvent(new Event(type));
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    // The settle timer was stopped: no second connection later.
    await settle(SETTLE_MS);
    expect(connections).toHaveLength(1);
    live.close();
  });

  it('connects at once when asked, and only once', async () => {
    const live = createLive(options());
    live.connect();
    live.connect();
    expect(load).toHaveBeenCalledTimes(1);
    await settle(SETTLE_MS);
    expect(connections).toHaveLength(1);
    live.close();
  });

  it('opens nothing once closed, neither after an interaction nor after the settle time', async () => {
    const live = createLive(options());
    live.close();
    window.dispatchEvent(new Event('pointerdown'));
    await settle(SETTLE_MS);
    expect(load).not.toHaveBeenCalled();
  });

  it('replaces a renewed session\'s connection with one that resumes from its cursor with the new token', async () => {
    const live = createLive(options());
    live.connect();
    await settle();
    live.renewed('tok2');
    await settle();
    expect(connections.map((c) => [c.token, c.cursor, c.closed])).toEqual([
      ['tok', 7, true],
      ['tok2', 12, false],
    ]);
    live.close();
  });

  it('uses the new token when renewed before it connected', async () => {
    const live = createLive(options());
    live.renewed('tok2');
    live.connect();
    await settle();
    expect(connections.map((c) => c.token)).toEqual(['tok2']);
    live.close();
  });

  it('tries the chunk again when its download failed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    load.mockRejectedValueOnce(new Error('offline'));
    const live = createLive(options());
    live.connect();
    await settle();
    expect(connections).toHaveLength(0);
    live.connect();
    await settle();
    expect(connections).toHaveLength(1);
    live.close();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../test/fakeServer';
import { backoff, connectRealtime, realtimeUrl, type RealtimeOptions } from './connectRealtime';

afterEach(() => {
  vi.useRealTimers();
  FakeSocket.instances = [];
});

function connect(overrides: Partial<RealtimeOptions> = {}) {
  vi.useFakeTimers();
  const options = {
    url: 'ws://console.test/api/realtime',
    token: 'tok',
    since: vi.fn(() => 7),
    onEvent: vi.fn<RealtimeOptions['onEvent']>(),
    onReady: vi.fn(),
    onStatus: vi.fn(),
    onRefused: vi.fn(),
    WebSocket: FakeSocket as unknown as typeof WebSocket,
  };
  Object.assign(options, overrides);
  const stop = connectRealtime(options);
  return { options, stop };
}

describe('the realtime connection', () => {
  it('says hello, hands over replayed then live events, and pings every 25 seconds', () => {
    const { options } = connect();
    const socket = FakeSocket.last();
    socket.open();
    expect(socket.sent).toEqual([{ type: 'hello', managerToken: 'tok', since: 7 }]);
    socket.receive({ type: 'event', event: { seq: 8, type: 'chat', chat: { id: 'a' } } });
    socket.receive({ type: 'ready', cursor: 8 });
    socket.receive({ type: 'event', event: { seq: 9, type: 'chat', chat: { id: 'a' } } });
    expect(options.onEvent.mock.calls.map(([event, live]) => [event.seq, live])).toEqual([
      [8, false],
      [9, true],
    ]);
    expect(options.onReady).toHaveBeenCalledWith(8);
    expect(options.onStatus).toHaveBeenLastCalledWith('live');
    vi.advanceTimersByTime(25_000);
    expect(socket.sent[1]).toEqual({ type: 'ping' });
  });

  it('reconnects with growing delays and asks for what it missed', () => {
    const { options } = connect({ since: vi.fn().mockReturnValueOnce(7).mockReturnValue(12) });
    FakeSocket.last().open();
    FakeSocket.last().drop();
    expect(options.onStatus).toHaveBeenLastCalledWith('offline');
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.instances).toHaveLength(2);
    FakeSocket.last().open();
    expect(FakeSocket.last().sent[0]).toEqual({ type: 'hello', managerToken: 'tok', since: 12 });
    FakeSocket.last().drop();
    vi.advanceTimersByTime(999);
    expect(FakeSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1001);
    expect(FakeSocket.instances).toHaveLength(3);
  });

  it('gives up and reports the refusal when the server closes with 4401', () => {
    const { options } = connect();
    FakeSocket.last().drop(4401);
    vi.advanceTimersByTime(60_000);
    expect(options.onRefused).toHaveBeenCalledTimes(1);
    expect(FakeSocket.instances).toHaveLength(1);
  });

  it('stops for good: no reconnection, no ping', () => {
    const { stop } = connect();
    const socket = FakeSocket.last();
    socket.open();
    stop();
    socket.drop();
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(socket.sent).toHaveLength(1);
  });

  it('backs off from about one second to at most thirty', () => {
    expect(backoff(0, () => 1)).toBe(1000);
    expect(backoff(0, () => 0)).toBe(500);
    expect(backoff(3, () => 1)).toBe(8000);
    expect(backoff(10, () => 1)).toBe(30_000);
  });

  it('uses wss beside https', () => {
    expect(realtimeUrl('https://chat.example.com')).toBe('wss://chat.example.com/api/realtime');
    expect(realtimeUrl('http://127.0.0.1:8080')).toBe('ws://127.0.0.1:8080/api/realtime');
  });

  it('keeps the path prefix of a server behind a proxy', () => {
    expect(realtimeUrl('https://example.com/chat')).toBe('wss://example.com/chat/api/realtime');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RealtimeEvent } from '../shared/types';
import { connectRealtime, type Realtime } from './realtime';

/** A WebSocket the test drives: open it, feed it frames, or make it fail. */
class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  static last = () => FakeSocket.all[FakeSocket.all.length - 1];
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.();
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  /** A proxy without upgrade: an error, then a close, never an open. */
  fail() {
    this.onerror?.();
    this.close();
  }
  /** What Chromium does when `connect-src` blocks the URL: closed at once, one error, no close event. */
  block() {
    this.readyState = 3;
    this.onerror?.();
  }
}

/** Polls the test answers one by one. */
interface Poll {
  url: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  answer(events: number[], cursor?: number): Promise<void>;
  refuse(status: number): Promise<void>;
}
let polls: Poll[];
const lastPoll = () => polls[polls.length - 1];

const event = (seq: number): RealtimeEvent => ({ seq, type: 'chat', chat: { id: 'c' } as RealtimeEvent['chat'] });
const flush = async () => {
  await vi.advanceTimersByTimeAsync(0);
};

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  polls = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('fetch', (url: string, init: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal as AbortSignal;
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      const respond = (status: number, body: unknown) => {
        resolve(new Response(JSON.stringify(body), { status }));
        return flush();
      };
      polls.push({
        url,
        headers: init.headers as Record<string, string>,
        signal,
        answer: (seqs, cursor = Math.max(0, ...seqs)) => respond(200, { events: seqs.map(event), cursor }),
        refuse: (status) => respond(status, { error: { code: 'x', message: 'no' } }),
      });
    }),
  );
});

let realtime: Realtime | undefined;
afterEach(() => {
  realtime?.close();
  realtime = undefined;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function connect(cursor = 5) {
  const onEvent = vi.fn<(event: RealtimeEvent) => void>();
  const onConnection = vi.fn<(online: boolean) => void>();
  const onRevoked = vi.fn();
  const onTyping = vi.fn();
  realtime = connectRealtime({ url: 'wss://chat.test/api/realtime', pollUrl: 'https://chat.test/api/widget/key/realtime', token: 'tok', cursor, onEvent, onConnection, onRevoked, onTyping });
  const seqs = () => onEvent.mock.calls.map(([e]) => e.seq);
  return { onEvent, onConnection, onRevoked, onTyping, seqs, realtime };
}

/** Lets the socket fail twice before any ready, the point where polling starts. */
async function failTwice() {
  FakeSocket.last().fail();
  await vi.advanceTimersByTimeAsync(500);
  FakeSocket.last().fail();
  await flush();
}

describe('falling back to HTTPS polls', () => {
  it('polls at once from the cursor when the WebSocket constructor throws (CSP connect-src)', async () => {
    vi.stubGlobal('WebSocket', function () {
      throw new DOMException("Refused to connect to 'wss://chat.test/' because it violates connect-src", 'SecurityError');
    });
    const { onConnection, seqs } = connect(5);
    await flush();
    expect(polls).toHaveLength(1);
    expect(lastPoll().url).toMatch(/^https:\/\/chat\.test\/api\/widget\/key\/realtime\?since=5&client=0\.\d+$/);
    expect(lastPoll().headers).toEqual({ authorization: 'Bearer tok' });
    await lastPoll().answer([6, 7], 9);
    expect(seqs()).toEqual([6, 7]);
    expect(onConnection.mock.calls).toEqual([[true]]);
    expect(lastPoll().url).toContain('since=9&');
  });

  it('polls when Chromium blocks the socket with an error and no close event, twice in a row', async () => {
    const { seqs } = connect(5);
    FakeSocket.last().block();
    await vi.advanceTimersByTimeAsync(500);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.last().block();
    await flush();
    expect(polls).toHaveLength(1);
    await lastPoll().answer([6]);
    expect(seqs()).toEqual([6]);
  });

  it('polls after the socket fails twice before any ready, not after the first failure', async () => {
    const { onConnection, seqs } = connect(5);
    FakeSocket.last().fail();
    await vi.advanceTimersByTimeAsync(500);
    expect(polls).toHaveLength(0);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.last().fail();
    await flush();
    expect(polls).toHaveLength(1);
    expect(onConnection).not.toHaveBeenCalled();
    await lastPoll().answer([6]);
    expect(seqs()).toEqual([6]);
    expect(onConnection.mock.calls).toEqual([[true]]);
  });

  it('continues long polls one after another, from each answer\'s cursor, dropping events at or below it', async () => {
    const { seqs, realtime } = connect(5);
    await failTwice();
    await lastPoll().answer([], 8); // nothing of ours up to 8
    expect(lastPoll().url).toContain('since=8&');
    await lastPoll().answer([7, 8, 9, 10]); // 7 and 8 are behind the cursor: already seen
    await lastPoll().answer([10, 11]);
    expect(seqs()).toEqual([9, 10, 11]);
    expect(realtime.cursor()).toBe(11);
    expect(polls).toHaveLength(4);
  });

  it('reports offline while polls fail, retries them with a backoff, and online again when one answers', async () => {
    const { onConnection, seqs } = connect(5);
    await failTwice();
    await lastPoll().answer([6]);
    await lastPoll().refuse(503);
    expect(onConnection.mock.calls).toEqual([[true], [false]]);
    expect(polls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(polls).toHaveLength(3);
    expect(lastPoll().url).toContain('since=6&');
    await lastPoll().answer([7]);
    expect(onConnection.mock.calls).toEqual([[true], [false], [true]]);
    expect(seqs()).toEqual([6, 7]);
  });

  it('abandons a poll the server leaves unanswered for 40 seconds, and polls again', async () => {
    connect(5);
    await failTwice();
    const stuck = lastPoll();
    await vi.advanceTimersByTimeAsync(40_000);
    expect(stuck.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(500);
    expect(polls).toHaveLength(2);
  });

  it('stops for good when a poll is refused for an unknown session, and says the session was refused', async () => {
    const { onRevoked } = connect(5);
    await failTwice();
    await lastPoll().refuse(401);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(polls).toHaveLength(1);
    expect(FakeSocket.all).toHaveLength(2);
    expect(onRevoked).toHaveBeenCalledTimes(1);
  });

  it('stops polling too when a socket that gets through says the session is unknown', async () => {
    const { onRevoked } = connect(5);
    await failTwice();
    const pending = lastPoll();
    await vi.advanceTimersByTimeAsync(1000);
    FakeSocket.last().open();
    FakeSocket.last().receive({ type: 'error', code: 'unauthorized', message: 'token: unknown' });
    FakeSocket.last().close();
    expect(pending.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(600_000);
    expect([polls.length, FakeSocket.all.length]).toEqual([1, 3]);
    expect(onRevoked).toHaveBeenCalledTimes(1);
  });
});

describe('switching back to the socket', () => {
  it('keeps trying the socket now and then while polling, and stops polling once one is ready, losing and repeating nothing', async () => {
    const { onConnection, seqs } = connect(5);
    await failTwice();
    await lastPoll().answer([6, 7]);
    const pending = lastPoll();
    await vi.advanceTimersByTimeAsync(1000); // the third socket try, backing off
    const socket = FakeSocket.last();
    expect(FakeSocket.all).toHaveLength(3);
    socket.open();
    expect(socket.sent).toEqual([{ type: 'hello', token: 'tok', since: 7 }]);
    socket.receive({ type: 'event', event: event(7) }); // replayed, already seen
    socket.receive({ type: 'event', event: event(8) });
    socket.receive({ type: 'ready', cursor: 8 });
    expect(pending.signal.aborted).toBe(true);
    await pending.answer([8]).catch(() => {}); // an answer that comes anyway is ignored
    socket.receive({ type: 'event', event: event(9) });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(polls).toHaveLength(2);
    expect(seqs()).toEqual([6, 7, 8, 9]);
    expect(onConnection.mock.calls).toEqual([[true]]);
  });

  it('retries the socket ever more rarely while polls deliver, up to five minutes apart', async () => {
    connect(5);
    await failTwice();
    const tries = () => FakeSocket.all.length;
    for (let i = 0; i < 12; i++) {
      const before = tries();
      await vi.advanceTimersByTimeAsync(300_000);
      expect(tries()).toBe(before + 1);
      FakeSocket.last().fail();
    }
    const before = tries();
    await vi.advanceTimersByTimeAsync(149_000); // at least half the longest backoff, with jitter
    expect(tries()).toBe(before);
  });

  it('reconnects a dropped live socket without polling, as long as the next try works', async () => {
    const { onConnection } = connect(5);
    FakeSocket.last().open();
    FakeSocket.last().receive({ type: 'ready', cursor: 5 });
    FakeSocket.last().close();
    await vi.advanceTimersByTimeAsync(500);
    FakeSocket.last().open();
    FakeSocket.last().receive({ type: 'ready', cursor: 5 });
    await flush();
    expect(polls).toHaveLength(0);
    expect(onConnection.mock.calls).toEqual([[true], [false], [true]]);
  });
});

describe('close', () => {
  it('leaves no timer, request or socket, whether a poll is in flight or waiting to retry', async () => {
    const first = connect(5);
    await failTwice();
    const inFlight = lastPoll();
    first.realtime.close();
    expect(inFlight.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);

    const second = connect(5);
    await failTwice();
    await lastPoll().refuse(503); // the next poll waits for its backoff
    second.realtime.close();
    expect(vi.getTimerCount()).toBe(0);

    const third = connect(5);
    await failTwice();
    await vi.advanceTimersByTimeAsync(1000); // another socket is connecting
    const connecting = FakeSocket.last();
    expect(connecting.readyState).toBe(0);
    third.realtime.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(connecting.readyState).toBe(3);
    const counts = [polls.length, FakeSocket.all.length];
    await vi.advanceTimersByTimeAsync(600_000);
    expect([polls.length, FakeSocket.all.length]).toEqual(counts);
  });
});

describe('typing', () => {
  it("passes a manager's typing on and sends the customer's while the socket is open", async () => {
    const { onTyping, realtime: rt } = connect(5);
    rt.typing('c1'); // no socket up yet: dropped
    const socket = FakeSocket.last();
    socket.open();
    socket.receive({ type: 'ready', cursor: 5 });
    socket.receive({ type: 'typing', chatId: 'c1', author: 'manager', name: 'Mina' });
    rt.typing('c1');
    expect(onTyping.mock.calls).toEqual([[{ type: 'typing', chatId: 'c1', author: 'manager', name: 'Mina' }]]);
    expect(socket.sent.filter((frame) => (frame as { type: string }).type === 'typing')).toEqual([{ type: 'typing', chatId: 'c1' }]);
  });
});

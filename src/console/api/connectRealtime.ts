import type { ManagerEvent } from '../../shared/managerApi';
import type { TypingFrame } from '../../shared/types';

export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface RealtimeOptions {
  /** `ws(s)://<host>[/<prefix>]/api/realtime`. */
  url: string;
  token: string;
  /** The last event seq seen; read at every (re)connection so the server replays what was missed. */
  since: () => number;
  /** `live` is false for events the server replays before `ready`. */
  onEvent: (event: ManagerEvent, live: boolean) => void;
  onReady: (cursor: number) => void;
  onStatus: (status: LiveStatus) => void;
  /** The server refused the token: no reconnection. */
  onRefused: () => void;
  /** A customer is writing in a chat (never replayed, never stored). */
  onTyping?: (frame: TypingFrame) => void;
  WebSocket?: typeof WebSocket;
}

/** Stops the stream; `typing` tells the chat's customer that this manager is writing. */
export type Realtime = (() => void) & { typing(chatId: string): void };

const PING_MS = 25_000;
const MAX_DELAY_MS = 30_000;
/** Close code and error code the server uses for a refused token. */
const REFUSED_CLOSE = 4401;

/** Delay before reconnection attempt `n` (0-based): 1 s doubling to 30 s, with jitter. */
export const backoff = (attempt: number, random = Math.random): number =>
  Math.round(Math.min(MAX_DELAY_MS, 1000 * 2 ** attempt) * (0.5 + random() / 2));

/**
 * The manager's realtime stream: says hello with the manager token and the last seq, receives the
 * missed events and `ready`, then live events; pings every 25 s and reconnects with backoff,
 * resuming from the last seq. Returns the function that stops it for good.
 */
export function connectRealtime(options: RealtimeOptions): Realtime {
  const Socket = options.WebSocket ?? globalThis.WebSocket;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let ping: ReturnType<typeof setInterval> | undefined;

  const stopTimers = () => {
    clearTimeout(retry);
    clearInterval(ping);
  };

  function open() {
    if (stopped) return;
    options.onStatus('connecting');
    let ready = false;
    const ws = (socket = new Socket(options.url));
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'hello', managerToken: options.token, since: options.since() }));
      ping = setInterval(() => ws.readyState === 1 && ws.send('{"type":"ping"}'), PING_MS);
    };
    ws.onmessage = (message: MessageEvent) => {
      let frame: { type?: string; event?: ManagerEvent; cursor?: number; code?: string; chatId?: string };
      try {
        frame = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (frame.type === 'event' && frame.event) options.onEvent(frame.event, ready);
      else if (frame.type === 'typing' && frame.chatId) options.onTyping?.(frame as unknown as TypingFrame);
      else if (frame.type === 'ready') {
        ready = true;
        attempt = 0;
        options.onReady(frame.cursor ?? 0);
        options.onStatus('live');
      } else if (frame.type === 'error' && frame.code === 'unauthorized') refuse();
    };
    ws.onclose = (event: CloseEvent) => {
      clearInterval(ping);
      if (socket !== ws || stopped) return;
      if (event.code === REFUSED_CLOSE) return refuse();
      options.onStatus('offline');
      retry = setTimeout(open, backoff(attempt++));
    };
  }

  function refuse() {
    if (stopped) return;
    stop();
    options.onRefused();
  }

  function stop() {
    stopped = true;
    stopTimers();
    const ws = socket;
    socket = null;
    if (ws && ws.readyState < 2) ws.close(1000, 'bye');
  }

  open();
  return Object.assign(stop, {
    typing(chatId: string) {
      if (socket && socket.readyState === 1) socket.send(JSON.stringify({ type: 'typing', chatId }));
    },
  });
}

/**
 * The realtime URL of a server base (its origin and any path prefix): ws: beside http:, wss:
 * beside https:.
 * @example realtimeUrl('https://example.com/chat') // 'wss://example.com/chat/api/realtime'
 */
export const realtimeUrl = (base: string): string => base.replace(/^http/, 'ws') + '/api/realtime';

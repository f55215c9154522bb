import type { ClientFrame, RealtimeEvent, ServerFrame } from '../shared/types';
import { win } from './env';

export interface RealtimeOptions {
  url: string;
  token: string;
  /** Event sequence number to resume after. */
  cursor: number;
  onEvent(event: RealtimeEvent): void;
  onConnection(online: boolean): void;
}

/** The realtime chunk (`realtime.js`), loaded once the page is idle or the messenger is wanted. */
export type RealtimeModule = { connectRealtime: typeof connectRealtime };

export interface Realtime {
  /** Latest event sequence number seen. */
  cursor(): number;
  close(): void;
}

const PING_MS = 25000;
const MAX_BACKOFF_MS = 30000;

/**
 * A WebSocket that resumes after every drop: it says hello with the last sequence number it saw,
 * the server replays what was missed, and events at or below the cursor are dropped as duplicates.
 * @example const rt = connectRealtime({ url, token, cursor, onEvent, onConnection })
 */
export function connectRealtime(options: RealtimeOptions): Realtime {
  let cursor = options.cursor;
  let socket: WebSocket | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let failures = 0;
  let online = false;
  let closed = false;

  const setOnline = (value: boolean) => {
    if (online !== value) options.onConnection((online = value));
  };

  const open = () => {
    retryTimer = undefined;
    if (closed) return;
    const ws = (socket = new WebSocket(options.url));
    ws.onopen = () => send({ type: 'hello', token: options.token, since: cursor });
    ws.onmessage = (message) => receive(String(message.data));
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      stopPing();
      setOnline(false);
      schedule();
    };
    ws.onerror = () => ws.close();
  };

  const receive = (raw: string) => {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(raw) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'ready') {
      failures = 0;
      setOnline(true);
      startPing();
    } else if (frame.type === 'event' && frame.event.seq > cursor) {
      cursor = frame.event.seq;
      options.onEvent(frame.event);
    } else if (frame.type === 'error' && frame.code === 'unauthorized') {
      closed = true; // a revoked session will not come back by retrying
    }
  };

  const send = (frame: ClientFrame) => {
    if (socket && socket.readyState === 1) socket.send(JSON.stringify(frame));
  };

  const schedule = () => {
    if (closed || retryTimer) return;
    const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** failures++);
    retryTimer = setTimeout(open, base / 2 + Math.random() * (base / 2));
  };

  const startPing = () => {
    stopPing();
    pingTimer = setInterval(() => send({ type: 'ping' }), PING_MS);
  };
  const stopPing = () => {
    if (pingTimer) clearInterval(pingTimer);
    pingTimer = undefined;
  };

  // Coming back online is the best moment to retry; no need to wait for the backoff.
  const onOnline = () => {
    if (!socket && !closed) {
      if (retryTimer) clearTimeout(retryTimer);
      failures = 0;
      open();
    }
  };
  if (win) win.addEventListener('online', onOnline);
  open();

  return {
    cursor: () => cursor,
    close() {
      closed = true;
      if (win) win.removeEventListener('online', onOnline);
      if (retryTimer) clearTimeout(retryTimer);
      stopPing();
      const ws = socket;
      socket = undefined;
      if (ws) {
        ws.onclose = ws.onmessage = ws.onerror = ws.onopen = null;
        ws.close();
      }
    },
  };
}

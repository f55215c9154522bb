import type { ClientFrame, RealtimeEvent, ServerFrame, TypingFrame } from '../shared/types';
import { backoff } from './backoff';
import { win } from '../browser/env';
import { longPoll } from './longPoll';

export interface RealtimeOptions {
  url: string;
  /** The same stream over HTTPS long polls, for while no socket gets through. */
  pollUrl: string;
  token: string;
  /** Event sequence number to resume after. */
  cursor: number;
  onEvent(event: RealtimeEvent): void;
  onConnection(online: boolean): void;
  /** The server refused the session (ended or expired): retrying with its token is pointless. */
  onRevoked(): void;
  /** A manager is writing in one of the customer's chats (over the socket only). */
  onTyping(frame: TypingFrame): void;
}

/** The realtime chunk (`realtime.js`), loaded once the page has settled, the visitor interacted or the messenger is in (live.ts). */
export type RealtimeModule = { connectRealtime: typeof connectRealtime };

export interface Realtime {
  /** Latest event sequence number seen. */
  cursor(): number;
  /** Tells the managers the customer is writing in `chatId` (dropped while no socket is up). */
  typing(chatId: string): void;
  close(): void;
}

const PING_MS = 25000;
const MAX_BACKOFF_MS = 30000;
/** While polls deliver, the socket is retried rarely: on a CSP-blocked page each try is a violation report. */
const MAX_BACKOFF_POLLING_MS = 300000;

/**
 * A WebSocket that resumes after every drop: it says hello with the last sequence number it saw,
 * the server replays what was missed, and events at or below the cursor are dropped as duplicates.
 * When sockets keep failing before `ready` (a CSP without `wss:`, a proxy without upgrade), the
 * same stream is long-polled over HTTPS from the same cursor until a socket gets through again.
 * @example const rt = connectRealtime({ url, pollUrl, token, cursor, onEvent, onConnection })
 */
export function connectRealtime(options: RealtimeOptions): Realtime {
  let cursor = options.cursor;
  let socket: WebSocket | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let failures = 0;
  /** The current socket said ready: it carries the stream, and polling stops. */
  let live = false;
  let online = false;
  let closed = false;
  /** Stops the long polls, while they run. */
  let polling: (() => void) | undefined;

  const setOnline = (value: boolean) => {
    if (online !== value) options.onConnection((online = value));
  };

  const deliver = (event: RealtimeEvent) => {
    if (event.seq > cursor) {
      cursor = event.seq;
      options.onEvent(event);
    }
  };

  const open = () => {
    retryTimer = undefined;
    if (closed) return;
    let ws: WebSocket;
    try {
      ws = socket = new WebSocket(options.url);
    } catch {
      // Some browsers refuse a URL that `connect-src` blocks right here.
      poll();
      return schedule();
    }
    ws.onopen = () => send({ type: 'hello', token: options.token, since: cursor });
    ws.onmessage = (message) => receive(String(message.data));
    // Chromium fails a socket that `connect-src` blocks with an error and no close event.
    ws.onclose = ws.onerror = () => {
      if (socket !== ws) return;
      socket = undefined;
      ws.close();
      stopPing();
      if (live) setOnline(false);
      // A second failure in a row before ready: blocked, or the server is away. Polls try too.
      else if (failures) poll();
      live = false;
      schedule();
    };
  };

  const receive = (raw: string) => {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(raw) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'ready') {
      // The socket replayed everything after its hello's cursor: polling may stop without a gap.
      failures = 0;
      live = true;
      stopPolling();
      setOnline(true);
      startPing();
    } else if (frame.type === 'event') {
      deliver(frame.event);
    } else if (frame.type === 'typing') {
      options.onTyping(frame);
    } else if (frame.type === 'error' && frame.code === 'unauthorized') {
      revoked();
    }
  };

  const send = (frame: ClientFrame) => {
    if (socket && socket.readyState === 1) socket.send(JSON.stringify(frame));
  };

  const schedule = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(open, backoff(failures++, polling ? MAX_BACKOFF_POLLING_MS : MAX_BACKOFF_MS));
  };

  const startPing = () => {
    stopPing();
    pingTimer = setInterval(() => send({ type: 'ping' }), PING_MS);
  };
  const stopPing = () => clearInterval(pingTimer);

  const poll = () => {
    if (closed || live || polling) return;
    polling = longPoll(
      options.pollUrl,
      options.token,
      () => cursor,
      (page) => {
        page.events.forEach(deliver);
        if (page.cursor > cursor) cursor = page.cursor;
        setOnline(true);
      },
      (status) => {
        setOnline(false);
        if (status === 401) revoked();
      },
    );
  };
  const stopPolling = () => {
    if (polling) polling();
    polling = undefined;
  };
  // A revoked session will not come back by retrying, over either way.
  const revoked = () => {
    closed = true;
    stopPolling();
    options.onRevoked();
  };

  // Coming back online is the best moment to retry; no need to wait for the backoff.
  const onOnline = () => {
    if (!socket && !closed) {
      clearTimeout(retryTimer);
      failures = 0;
      open();
    }
    // And polls start over at once rather than after their backoff (one in flight is likely dead).
    if (polling) {
      stopPolling();
      poll();
    }
  };
  if (win) win.addEventListener('online', onOnline);
  open();

  return {
    cursor: () => cursor,
    typing: (chatId) => send({ type: 'typing', chatId }),
    close() {
      closed = true;
      if (win) win.removeEventListener('online', onOnline);
      clearTimeout(retryTimer);
      stopPing();
      stopPolling();
      const ws = socket;
      socket = undefined;
      if (ws) {
        ws.onclose = ws.onmessage = ws.onerror = ws.onopen = null;
        ws.close();
      }
    },
  };
}

/**
 * The WebSocket endpoint `/api/realtime`, sharing the HTTP server's port: `ws` in noServer mode
 * takes over upgrade requests for that path. Dead peers (no pong within one interval) are
 * terminated; the interval and the upgrade listener go away on close.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { RealtimeConnection, type ConnectionDeps } from './RealtimeConnection.ts';

export const REALTIME_PATH = '/api/realtime';

export interface RealtimeOptions extends ConnectionDeps {
  heartbeatMs: number;
}

export interface RealtimeServer {
  /** Says goodbye (1001) to every socket, then cuts the ones that do not answer promptly. */
  close(): Promise<void>;
}

export function attachRealtime(server: Server, options: RealtimeOptions): RealtimeServer {
  // Small frames only: clients send hello and ping, nothing else.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });
  const alive = new WeakSet<WebSocket>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== REALTIME_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      new RealtimeConnection(ws, options, request.headers.origin, options.limits.addressOf(request));
    });
  };
  server.on('upgrade', onUpgrade);

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, options.heartbeatMs);
  heartbeat.unref();

  return {
    async close() {
      clearInterval(heartbeat);
      server.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      await waitForSockets(wss, 1000);
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function waitForSockets(wss: WebSocketServer, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const deadline = Date.now() + timeoutMs;
    const check = () => {
      if (wss.clients.size === 0 || Date.now() >= deadline) resolve();
      else setTimeout(check, 20);
    };
    check();
  });
}

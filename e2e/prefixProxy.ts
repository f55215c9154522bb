import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * A stand-in for a reverse proxy that serves the Sangdam server under a path prefix, as
 * `location /chat/ { proxy_pass http://127.0.0.1:8080/; }` does in nginx: `/chat/x` goes to the
 * server as `/x`, WebSocket upgrades included; everything else is a 404 of the proxy's own.
 * Every path it was asked for is recorded, to prove that nothing left the prefix.
 */
export interface PrefixProxy {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `http://127.0.0.1:<port>/chat`: where customers and managers reach the server. */
  base: string;
  /** Every request path (HTTP and upgrades) in arrival order. */
  seen: string[];
  /** Sets the server behind the proxy (it may start after the proxy, to know its public URL). */
  forwardTo(target: string): void;
  close(): Promise<void>;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'];

function forwardedHeaders(headers: IncomingHttpHeaders, upgrade: boolean): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = { ...headers };
  if (!upgrade) for (const name of HOP_BY_HOP) delete out[name];
  return out;
}

export async function startPrefixProxy(prefix = '/chat'): Promise<PrefixProxy> {
  let target: URL | undefined;
  const seen: string[] = [];
  // Upgraded sockets leave the HTTP server's bookkeeping: close them ourselves.
  const tunnels = new Set<Duplex>();
  const strip = (url: string | undefined) => (url && url.startsWith(prefix + '/') ? url.slice(prefix.length) : null);
  const upstream = (req: IncomingMessage, path: string, upgrade: boolean) =>
    request({ host: target!.hostname, port: target!.port, method: req.method, path, headers: forwardedHeaders(req.headers, upgrade) });

  const server: Server = createServer((req, res) => {
    seen.push(req.url || '');
    const path = strip(req.url);
    if (!path || !target) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('outside the proxied prefix');
    const proxied = upstream(req, path, false);
    proxied.on('response', (answer) => {
      res.writeHead(answer.statusCode || 502, forwardedHeaders(answer.headers, false));
      answer.pipe(res);
    });
    proxied.on('error', () => res.headersSent ? res.destroy() : res.writeHead(502).end('bad gateway'));
    req.pipe(proxied);
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    seen.push(req.url || '');
    const path = strip(req.url);
    if (!path || !target) return void socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    const proxied = upstream(req, path, true);
    proxied.on('upgrade', (answer, upSocket, upHead) => {
      const lines = [`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}`];
      for (let i = 0; i < answer.rawHeaders.length; i += 2) lines.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`);
      socket.write(lines.join('\r\n') + '\r\n\r\n');
      if (upHead.length) socket.write(upHead);
      if (head.length) upSocket.write(head);
      upSocket.pipe(socket).pipe(upSocket);
      for (const end of [socket, upSocket]) {
        tunnels.add(end);
        end.once('close', () => tunnels.delete(end));
      }
      upSocket.on('error', () => socket.destroy());
      socket.on('error', () => upSocket.destroy());
    });
    // The server refused the upgrade: pass its answer on and hang up.
    proxied.on('response', (answer) => {
      socket.end(`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\nConnection: close\r\n\r\n`);
      answer.resume();
    });
    proxied.on('error', () => socket.destroy());
    proxied.end();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    base: origin + prefix,
    seen,
    forwardTo(url) {
      target = new URL(url);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        for (const end of tunnels) end.destroy();
        server.close(() => resolve());
      }),
  };
}

import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * A stand-in for a customer's website: its own HTTP server on `localhost` (a different origin
 * from the Sangdam server on 127.0.0.1), serving the pages a test registers.
 */
export interface HostSite {
  origin: string;
  serve(path: string, html: string, headers?: Record<string, string>): string;
  /** Serves the files of `dir` under the URL prefix `prefix` (`/modules/`), as a site serves its bundles. */
  serveDir(prefix: string, dir: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.map': 'application/json', '.json': 'application/json' };

export async function startHostSite(): Promise<HostSite> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const dirs = new Map<string, string>();

  /** The file under a served folder that a URL path names, if any (never outside the folder). */
  const fileFor = (path: string): string | undefined => {
    for (const [prefix, dir] of dirs) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, decodeURIComponent(path.slice(prefix.length))));
      if (file.startsWith(dir + sep)) return file;
    }
    return undefined;
  };

  const server: Server = createServer((req, res) => {
    const path = (req.url || '/').split('?')[0];
    const page = pages.get(path);
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers }).end(page.html);
      return;
    }
    const file = fileFor(path);
    const notFound = () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    if (!file) return notFound();
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
      notFound,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const origin = `http://localhost:${port}`;
  return {
    origin,
    serve(path, html, headers = {}) {
      pages.set(path, { html, headers });
      return origin + path;
    },
    serveDir(prefix, dir) {
      dirs.set(prefix, resolve(dir));
      return origin + prefix;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

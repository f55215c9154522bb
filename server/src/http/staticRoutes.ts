/**
 * Fixed paths: `/healthz`, the manager console's page, the built browser bundles from `dist/`
 * (`/sdk.js`, `/messenger.js`, `/console.js`, chunks), and the example pages with the demo
 * channel's plugin key and their relative way up to the server's root filled in.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { sendConsolePage } from './consolePage.ts';
import { HttpError } from './errors.ts';

export interface StaticOptions {
  distDir: string;
  examplesDir: string;
  /** Read on each request, so a changed key shows without restarting the page cache. */
  pluginKey: () => string;
}

const BUNDLE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*\.js(\.map)?$/;
/** What `npm run build` always writes: one of them missing means the build is missing or stale. */
const ENTRY_BUNDLES = ['sdk.js', 'messenger.js', 'console.js', 'csat-page.js'];
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export function staticRoutes(options: StaticOptions): FastifyPluginAsync {
  return async (app) => {
    app.get('/healthz', async () => ({ ok: true }));
    // No icon, but no 404 in every demo page's console either.
    app.get('/favicon.ico', (_request, reply) => reply.code(204).send());
    app.get('/', (request, reply) => servePage(request, reply, options, 'shop.html'));
    app.get('/console', (_request, reply) => sendConsolePage(reply));
    // Relative URLs would resolve under /console/: send the browser to the one form that works,
    // with a relative Location so that a proxy's path prefix is kept.
    app.get('/console/', (request, reply) => reply.redirect(`../console${querySuffix(request.url)}`, 301));
    app.get('/examples/*', (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      return servePage(request, reply, options, path === '' ? 'index.html' : path);
    });
    app.get<{ Params: { file: string } }>('/:file', (request, reply) =>
      serveBundle(request, reply, options.distDir, request.params.file),
    );
  };
}

/**
 * A bundle from dist/. Cross-origin readable because host pages load the messenger chunk with
 * `import()`. Short caching with revalidation: the names are stable, the contents change per build.
 */
async function serveBundle(request: FastifyRequest, reply: FastifyReply, distDir: string, file: string) {
  if (!BUNDLE.test(file)) throw notFound(request);
  const found = await readIfFile(join(distDir, file));
  if (!found) {
    if (ENTRY_BUNDLES.includes(file) || !(await readIfFile(join(distDir, 'sdk.js')))) {
      throw new HttpError(503, 'not_built', `${file}: the browser bundles are not built; run npm run build`);
    }
    throw notFound(request);
  }
  const etag = `W/"${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}"`;
  reply
    .header('Content-Type', TYPES[extname(file)])
    .header('Access-Control-Allow-Origin', '*')
    .header('Cache-Control', 'public, max-age=300, must-revalidate')
    .header('ETag', etag);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(found.content);
}

/**
 * An example page; HTML gets the demo plugin key in place of `__PLUGIN_KEY__` and the relative
 * path to the server's root (`./`, `../`) in place of `__ROOT__`, so that its links and snippet
 * work behind a proxy that serves the server under a path prefix.
 */
async function servePage(request: FastifyRequest, reply: FastifyReply, options: StaticOptions, path: string) {
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.length === 0 || !segments.every((segment) => SAFE_SEGMENT.test(segment))) {
    throw notFound(request);
  }
  const root = resolve(options.examplesDir);
  let full = resolve(root, ...segments);
  if (relative(root, full).startsWith('..')) throw notFound(request);
  let found = await readIfFile(full);
  if (!found && !extname(full)) found = await readIfFile((full = join(full, `index.html`)));
  if (!found) throw notFound(request);
  const type = TYPES[extname(full)] ?? 'application/octet-stream';
  reply.header('Content-Type', type).header('Cache-Control', 'no-cache');
  if (extname(full) !== '.html') return reply.send(found.content);
  reply
    .header('X-Frame-Options', 'SAMEORIGIN')
    .header('Referrer-Policy', 'strict-origin-when-cross-origin')
    .header('Cross-Origin-Opener-Policy', 'same-origin');
  const html = found.content.toString('utf8').replaceAll('__PLUGIN_KEY__', options.pluginKey());
  return reply.send(html.replaceAll('__ROOT__', rootOf(request.url)));
}

/** The relative way from a request's path up to the server's root: `/` → `./`, `/a/b.html` → `../`. */
function rootOf(url: string): string {
  const path = url.split('?')[0];
  let depth = -1;
  for (const char of path) if (char === '/') depth++;
  return depth > 0 ? '../'.repeat(depth) : './';
}

/** `?…` of a request URL, or nothing. */
const querySuffix = (url: string): string => {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at);
};

async function readIfFile(path: string) {
  try {
    const info = await stat(path);
    if (!info.isFile()) return null;
    return { content: await readFile(path), size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  }
}

const notFound = (request: FastifyRequest) =>
  new HttpError(404, 'not_found', `${request.url.split('?')[0]}: no such file`);


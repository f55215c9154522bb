import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP } from '../src/http/consolePage.ts';
import { call, removeDir, startServer, tempDir, type TestServer } from './helpers.ts';

let server: TestServer;
let files: string;

beforeAll(async () => {
  files = await tempDir();
  await mkdir(join(files, 'dist'));
  await mkdir(join(files, 'examples', 'spa'), { recursive: true });
  await writeFile(join(files, 'dist', 'sdk.js'), 'console.log("sdk")');
  await writeFile(join(files, 'dist', 'messenger.js'), 'export const mount = () => {}');
  await writeFile(join(files, 'dist', 'chunk-a1b2.js'), 'export default 1');
  await writeFile(join(files, 'dist', 'console.js'), 'export {}');
  await writeFile(join(files, 'examples', 'shop.html'), '<script src="__ROOT__sdk.js"></script><script>ChannelIO("boot", { pluginKey: "__PLUGIN_KEY__" })</script>');
  await writeFile(join(files, 'examples', 'spa', 'deep.html'), '<a href="__ROOT__">home</a>');
  await writeFile(join(files, 'examples', 'spa', 'index.html'), '<p>__PLUGIN_KEY__</p>');
  await writeFile(join(files, 'examples', 'links.html'), '<script src="__ROOT__sdk.js"></script><a href="__ROOT__examples/spa/">spa</a>');
  await writeFile(join(files, 'examples', 'style.css'), 'p { color: red }');
  await writeFile(join(files, 'secret.txt'), 'outside');
  server = await startServer({
    distDir: join(files, 'dist'),
    examplesDir: join(files, 'examples'),
    pluginKey: 'static-test-plugin-key',
  });
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
  await removeDir(files);
});

/** GET with the path sent byte for byte (fetch would normalise dot segments first). */
function rawStatus(path: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    request(`${server.url}${path}`, (response) => {
      response.resume();
      resolve(response.statusCode);
    })
      .on('error', reject)
      .end();
  });
}

describe('the console page', () => {
  it('serves the shell at /console without a token, under a strict CSP', async () => {
    const reply = await call(`${server.url}/console`, 'GET');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(reply.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(reply.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(reply.headers.get('x-frame-options')).toBe('DENY');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
    expect(reply.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    const html = reply.body as string;
    expect(html).toMatch(/^<!doctype html>\s*<html lang="en">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<meta name="viewport" content="[^"]+">/);
    expect(html).toContain('<title>Sangdam console</title>');
    expect(html).toMatch(/<body>\s*<div id="app"><\/div>\s*<script type="module" src="console.js"><\/script>\s*<noscript>.+<\/noscript>\s*<\/body>\s*<\/html>\s*$/s);
    // Relative URLs only, so that the console works under a proxy's path prefix.
    expect(html).not.toMatch(/(src|href)="\//);
    // Nothing inline that the CSP would have to allow.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(html).not.toContain('style=');
  });

  it('sends /console/ to /console with a relative Location that keeps a proxy prefix and the query', async () => {
    for (const [path, location] of [['/console/', '../console'], ['/console/?lang=ko', '../console?lang=ko']]) {
      const reply = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect(reply.status, path).toBe(301);
      expect(reply.headers.get('location'), path).toBe(location);
      // Resolved as a browser does, under a prefix and without one.
      expect(new URL(location, `https://example.com/chat${path}`).href).toBe(`https://example.com/chat/console${path.slice(9)}`);
      expect(new URL(location, `http://127.0.0.1:8080${path}`).href).toBe(`http://127.0.0.1:8080/console${path.slice(9)}`);
    }
  });

  it('keeps the API behind the token the page asks for', async () => {
    expect((await call(`${server.url}/api/manager/chats`, 'GET')).status).toBe(401);
  });
});

describe('fixed paths', () => {
  it('answers /healthz', async () => {
    const reply = await call(`${server.url}/healthz`, 'GET');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ok: true });
  });

  it('serves the bundles from dist as cross-origin readable JavaScript', async () => {
    for (const file of ['sdk.js', 'messenger.js', 'console.js', 'chunk-a1b2.js']) {
      const reply = await call(`${server.url}/${file}`, 'GET');
      expect(reply.status, file).toBe(200);
      expect(reply.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(reply.headers.get('access-control-allow-origin')).toBe('*');
      expect(reply.headers.get('cache-control')).toContain('max-age=');
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await call(`${server.url}/missing.js`, 'GET')).status).toBe(404);
  });

  it('answers a repeated bundle request with 304 when it did not change', async () => {
    const first = await call(`${server.url}/sdk.js`, 'GET');
    const etag = first.headers.get('etag')!;
    const again = await call(`${server.url}/sdk.js`, 'GET', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves the demo shop at / with the plugin key filled in and security headers', async () => {
    const reply = await call(`${server.url}/`, 'GET');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(reply.body).toContain('pluginKey: "static-test-plugin-key"');
    expect(reply.body).not.toContain('__PLUGIN_KEY__');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('fills in the relative way up to the root, so that example pages work under a proxy prefix', async () => {
    expect((await call(`${server.url}/?utm_source=x/y`, 'GET')).body).toContain('<script src="./sdk.js"></script>');
    expect((await call(`${server.url}/examples/links.html`, 'GET')).body).toBe('<script src="../sdk.js"></script><a href="../examples/spa/">spa</a>');
    expect((await call(`${server.url}/examples/spa/deep.html?a=/b/`, 'GET')).body).toBe('<a href="../../">home</a>');
  });

  it('serves example files, folders by their index.html, and nothing outside examples', async () => {
    expect((await call(`${server.url}/examples/spa/`, 'GET')).body).toBe('<p>static-test-plugin-key</p>');
    const css = await call(`${server.url}/examples/style.css`, 'GET');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    for (const path of ['/examples/..%2fsecret.txt', '/examples/%2e%2e%2fsecret.txt', '/examples/.hidden', '/examples/nope.html']) {
      expect(await rawStatus(path), path).toBe(404);
    }
  });

  it('answers 503 with a clear message when the bundles are not built', async () => {
    const bare = await startServer();
    const reply = await call(`${bare.url}/sdk.js`, 'GET');
    expect(reply.status).toBe(503);
    expect(reply.body.error).toEqual({ code: 'not_built', message: expect.stringContaining('npm run build') });
    await bare.close();
    await removeDir(bare.dataDir);
  });

  it('answers 503 for a bundle every build writes when this build lacks it', async () => {
    const staleDist = await tempDir();
    await writeFile(join(staleDist, 'sdk.js'), 'console.log("old sdk")');
    const stale = await startServer({ distDir: staleDist });
    const reply = await call(`${stale.url}/console.js`, 'GET');
    expect(reply.status).toBe(503);
    expect(reply.body.error).toEqual({ code: 'not_built', message: 'console.js: the browser bundles are not built; run npm run build' });
    expect((await call(`${stale.url}/chunk-gone.js`, 'GET')).status).toBe(404);
    await stale.close();
    await removeDir(stale.dataDir);
    await removeDir(staleDist);
  });

  it('answers unknown routes with 404 JSON', async () => {
    const reply = await call(`${server.url}/api/nothing`, 'GET');
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
  });
});

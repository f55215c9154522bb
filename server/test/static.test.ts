import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  await writeFile(join(files, 'examples', 'shop.html'), '<script>ChannelIO("boot", { pluginKey: "__PLUGIN_KEY__" })</script>');
  await writeFile(join(files, 'examples', 'spa', 'index.html'), '<p>__PLUGIN_KEY__</p>');
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

describe('fixed paths', () => {
  it('answers /healthz', async () => {
    const reply = await call(`${server.url}/healthz`, 'GET');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ok: true });
  });

  it('serves the bundles from dist as cross-origin readable JavaScript', async () => {
    for (const file of ['sdk.js', 'messenger.js', 'chunk-a1b2.js']) {
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

  it('answers unknown routes with 404 JSON', async () => {
    const reply = await call(`${server.url}/api/nothing`, 'GET');
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
  });
});

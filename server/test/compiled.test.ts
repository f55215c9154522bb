import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled, startProcess } from './compiledServer.ts';
import { call, removeDir, tempDir } from './helpers.ts';

let dataDir: string;

beforeAll(async () => {
  // `npm run build` makes it; a run of this file alone after a change makes it here.
  ensureCompiled();
  dataDir = await tempDir();
}, 60_000);
afterAll(() => removeDir(dataDir));

describe('the compiled server', () => {
  it('starts with plain node on SQLite when no database is configured, is ready, and stops cleanly on SIGTERM', async () => {
    const server = await startProcess({ DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', BUS: '' });
    expect(server.output()).toContain(`data           ${dataDir}`);
    expect((await call(`${server.url}/readyz`, 'GET')).status).toBe(200);
    expect(existsSync(join(dataDir, 'sangdam.db'))).toBe(true);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: closing…');
  }, 60_000);
});

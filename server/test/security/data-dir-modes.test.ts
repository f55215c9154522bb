/** The data directory holds every conversation: only the server's user may read it. */
import { chmod, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeDir, startServer, tempDir, widget, bootVisitor } from '../helpers.ts';

const mode = async (path: string) => (await stat(path)).mode & 0o777;
const FILES = ['sangdam.db', 'sangdam.db-wal', 'sangdam.db-shm', 'sangdam.lock', 'survey-links.key'];

describe.skipIf(process.platform === 'win32')('the data directory', () => {
  it('is created 0700 with every file in it 0600', async () => {
    const parent = await tempDir();
    const dataDir = join(parent, 'data');
    const server = await startServer({ dataDir });
    try {
      const { token } = await bootVisitor(server);
      await widget(server)('POST', '/chats', { token, body: { clientId: 'modes-1' } });
      expect(await mode(dataDir)).toBe(0o700);
      for (const name of FILES) expect([name, await mode(join(dataDir, name))]).toEqual([name, 0o600]);
    } finally {
      await server.close();
      await removeDir(parent);
    }
  });

  it('is narrowed to 0700 and 0600 when an earlier start left it wider', async () => {
    const dataDir = await tempDir();
    let server = await startServer({ dataDir });
    await server.close();
    await chmod(dataDir, 0o755);
    for (const name of ['sangdam.db', 'sangdam.lock', 'survey-links.key']) await chmod(join(dataDir, name), 0o644);
    server = await startServer({ dataDir });
    try {
      expect(await mode(dataDir)).toBe(0o700);
      for (const name of FILES) expect([name, await mode(join(dataDir, name))]).toEqual([name, 0o600]);
    } finally {
      await server.close();
      await removeDir(dataDir);
    }
  });

  it('refuses to start on a survey-link key that is not 32 bytes, saying what to do', async () => {
    const dataDir = await tempDir();
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'survey-links.key'), 'short');
    try {
      await expect(startServer({ dataDir })).rejects.toThrow(/survey-links\.key: must hold the 32 bytes/);
    } finally {
      await removeDir(dataDir);
    }
  });
});

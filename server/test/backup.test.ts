import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config.ts';
import { backupDatabase, backupName } from '../src/store/sqlite/backupDatabase.ts';
import { manager, removeDir, startServer, tempDir, visitorWithChat, type TestServer } from './helpers.ts';

/** `npm run backup -- <args>`'s command, with DATA_DIR set; resolves with its exit code and output. */
function runBackup(dataDir: string, args: string[], cwd = REPO_ROOT): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/cli/backup.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, INIT_CWD: cwd },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data) => (stdout += data));
  child.stderr.on('data', (data) => (stderr += data));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/** Manager replies sent one after another until `stop` is called; resolves with how many landed. */
function keepWriting(server: TestServer, chatId: string) {
  let stopped = false;
  let sent = 0;
  const done = (async () => {
    while (!stopped) {
      const reply = await manager(server)('POST', `/chats/${chatId}/messages`, { body: { text: `during backup ${sent}` } });
      if (reply.status >= 300) throw new Error(`write failed: ${reply.status}`);
      sent++;
    }
    return sent;
  })();
  return { stop: () => ((stopped = true), done), sent: () => sent };
}

describe('backup', () => {
  it('copies the database while the server writes, and the copy serves the same chats', async () => {
    const server = await startServer();
    const before = await Promise.all([visitorWithChat(server), visitorWithChat(server), visitorWithChat(server)]);
    const writer = keepWriting(server, before[0].chatId);
    while (writer.sent() < 5) await new Promise((resolve) => setTimeout(resolve, 10));
    const backups = await tempDir();
    const result = await runBackup(server.dataDir, [backups]);
    const written = await writer.stop();

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [name] = await readdir(backups);
    expect(name).toMatch(/^sangdam-\d{8}-\d{6}\.db$/);
    expect(result.stdout).toMatch(new RegExp(`^Backed up ${server.dataDir} to ${join(backups, name)}: 3 chats, \\d+ messages, [\\d.]+ MB, check ok\\.\\n$`));
    const messages = Number(/(\d+) messages/.exec(result.stdout)![1]);
    // The three first messages, the replies written before the backup began, at most all of them.
    expect(messages).toBeGreaterThanOrEqual(3 + 5);
    expect(messages).toBeLessThanOrEqual(3 + written);
    expect(await readdir(backups)).toEqual([name]); // one self-contained file, no log beside it

    // Restored as another server's DATA_DIR, the copy holds the chats and their messages.
    const restored = await tempDir();
    await copyFile(join(backups, name), join(restored, 'sangdam.db'));
    await server.close();
    const again = await startServer({ dataDir: restored });
    expect(again.pluginKey).toBe(server.pluginKey);
    const { body } = await manager(again)('GET', '/chats');
    expect(body.chats.map((chat: { id: string }) => chat.id).sort()).toEqual(before.map((chat) => chat.chatId).sort());
    // One snapshot: the replies up to some point, none missing before it (read a page at a time).
    const texts: string[] = [];
    let older: string | null = '';
    while (older !== null) {
      const path: string = `/chats/${before[0].chatId}?limit=100${older ? `&before=${encodeURIComponent(older)}` : ''}`;
      const page: { messages: { text: string }[]; next: string | null } = (await manager(again)('GET', path)).body;
      texts.unshift(...page.messages.map((message: { text: string }) => message.text));
      older = page.next;
    }
    const replies = Array.from({ length: messages - 3 }, (_, i) => `during backup ${i}`);
    expect(texts).toEqual(['Hello', ...replies]);
    await again.close();
    for (const dir of [server.dataDir, backups, restored]) await removeDir(dir);
  });

  it('replaces a backup of the same name only with a complete copy, in journal mode delete', async () => {
    const server = await startServer();
    await visitorWithChat(server);
    const backups = await tempDir();
    const file = join(backups, 'latest.db');
    expect((await backupDatabase(server.dataDir, file)).chats).toBe(1);
    await visitorWithChat(server);
    const second = await backupDatabase(server.dataDir, file);
    expect(second).toMatchObject({ file, chats: 2 });
    expect(await readdir(backups)).toEqual(['latest.db']);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    await server.close();
    await removeDir(server.dataDir);
    await removeDir(backups);
  });

  it('refuses to write over the live database, into a missing directory, or from a folder with no database', async () => {
    const server = await startServer();
    const empty = await tempDir();
    await expect(backupDatabase(server.dataDir, join(server.dataDir, 'sangdam.db'))).rejects.toThrow(`destination: ${join(server.dataDir, 'sangdam.db')} is one of the server's live files`);
    await expect(backupDatabase(server.dataDir, join(empty, 'missing', 'x.db'))).rejects.toThrow(`destination: the directory ${join(empty, 'missing')} does not exist`);
    await expect(backupDatabase(empty, join(empty, 'x.db'))).rejects.toThrow(`DATA_DIR: ${empty} holds no sangdam.db`);
    expect(await readdir(empty)).toEqual([]);
    await server.close();
    await removeDir(server.dataDir);
    await removeDir(empty);
  });

  it('resolves a relative destination from where npm was run, and explains its usage', async () => {
    const server = await startServer();
    await server.close(); // a stopped server's database is backed up the same way
    const here = await tempDir();
    await mkdir(join(here, 'out'));
    const relative = await runBackup(server.dataDir, ['out/copy.db'], here);
    expect(relative.code).toBe(0);
    expect(await readdir(join(here, 'out'))).toEqual(['copy.db']);
    const usage = await runBackup(server.dataDir, []);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('Usage: npm run backup -- <destination file or directory>');
    await removeDir(server.dataDir);
    await removeDir(here);
  });

  it('names a backup in a directory by its UTC time', () => {
    expect(backupName(new Date('2025-01-31T04:15:09.123Z'))).toBe('sangdam-20250131-041509.db');
  });
});

describe('backup of a larger database under steady writes', () => {
  it('finishes while another connection keeps writing between its steps', async () => {
    const dataDir = await tempDir();
    const db = new Database(join(dataDir, 'sangdam.db'));
    db.pragma('journal_mode = WAL');
    // The tables the copy's check counts, and a large one that takes many pages.
    db.exec('CREATE TABLE chats (id TEXT); CREATE TABLE messages (id TEXT); CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run('x'.repeat(4000));
    })();
    // A write on every turn of the event loop: a stepwise copy would be restarted after each one.
    let writes = 0;
    const writer = setInterval(() => {
      insert.run('during backup');
      writes++;
    }, 1);
    try {
      const backups = await tempDir();
      const started = Date.now();
      const result = await Promise.race([
        backupDatabase(dataDir, backups).catch((error: Error) => error),
        new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000)),
      ]);
      expect(result).not.toBe('timeout');
      expect(result).not.toBeInstanceOf(Error);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(writes).toBeGreaterThan(0);
      await removeDir(backups);
    } finally {
      clearInterval(writer);
      db.close();
      await removeDir(dataDir);
    }
  }, 30_000);
});

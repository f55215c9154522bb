import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, REPO_ROOT } from '../../src/config.ts';
import { hashToken } from '../../src/domain/crypto.ts';
import postgres from 'postgres';
import { call, ON_POSTGRES, postgresOf, removeDir, startServer, tempDir, type TestServer } from '../helpers.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

const chats = (server: TestServer, token: string) => call(`${server.url}/api/manager/chats`, 'GET', { token });

/** Runs a script of the server like npm does, and returns what it printed once it exits or listens. */
/** The stored manager-token hash, and how many settings hold `token` itself, in either store. */
async function storedSettings(dataDir: string, token: string): Promise<{ stored: unknown; anywhere: number }> {
  if (ON_POSTGRES) {
    const sql = postgres((await postgresOf(dataDir)).url, { max: 1 });
    try {
      const [row] = await sql`SELECT value FROM settings WHERE key = 'manager_token_hash'`;
      const [{ count }] = await sql`SELECT COUNT(*)::int AS count FROM settings WHERE value LIKE ${`%${token}%`}`;
      return { stored: row?.value, anywhere: count };
    } finally {
      await sql.end();
    }
  }
  const db = new Database(join(dataDir, 'sangdam.db'), { readonly: true });
  try {
    const stored = db.prepare("SELECT value FROM settings WHERE key = 'manager_token_hash'").pluck().get();
    const anywhere = db.prepare('SELECT COUNT(*) FROM settings WHERE value LIKE ?').pluck().get(`%${token}%`) as number;
    return { stored, anywhere };
  } finally {
    db.close();
  }
}

function run(script: string, env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: REPO_ROOT,
      env: { ...process.env, MANAGER_TOKEN: '', PORT: '0', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const read = (data: Buffer) => {
      out += data;
      // A server that listens has printed its banner: it is stopped here, as a person would.
      if (/rate limits/.test(out)) child.kill('SIGTERM');
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('MANAGER_TOKEN', () => {
  it('refuses to start with a token shorter than 24 characters, saying it can be guessed', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    await expect(startServer({ dataDir, managerToken: 'e2e-manager-token' })).rejects.toThrow(ConfigError);
    await expect(startServer({ dataDir, managerToken: 'x'.repeat(23) })).rejects.toThrow(/MANAGER_TOKEN: must have at least 24 characters .*guessed/);
    const server = await startServer({ dataDir, managerToken: 'x'.repeat(24) });
    expect((await chats(server, 'x'.repeat(24))).status).toBe(200);
    await server.close();
  });

  it('is refused by `npm run serve` with that message and exit code 1', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const { code, out } = await run('server/src/main.ts', { DATA_DIR: dataDir, MANAGER_TOKEN: 'short-token' });
    expect(code).toBe(1);
    expect(out).toMatch(/MANAGER_TOKEN: must have at least 24 characters \(it has 11\)/);
  });
});

describe('a generated manager token', () => {
  it('is made once, survives restarts, and only its hash is stored', async () => {
    const first = await startServer({ managerToken: undefined });
    dirs.push(first.dataDir);
    const token = first.generatedManagerToken!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await chats(first, token)).status).toBe(200);
    expect((await chats(first, 'x'.repeat(43))).status).toBe(401);
    await first.close();

    const again = await startServer({ dataDir: first.dataDir, managerToken: undefined });
    expect(again.generatedManagerToken).toBeUndefined();
    expect((await chats(again, token)).status).toBe(200);
    await again.close();

    const { stored, anywhere } = await storedSettings(first.dataDir, token);
    expect(stored).toBe(hashToken(token));
    expect(anywhere).toBe(0);
  });

  it('is printed by the server only at the start that made it', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const first = await run('server/src/main.ts', { DATA_DIR: dataDir });
    const token = /manager token\s+(\S+)\s+\(generated/.exec(first.out)?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = await run('server/src/main.ts', { DATA_DIR: dataDir });
    expect(second.out).toMatch(/manager token\s+the stored one/);
    expect(second.out).not.toContain(token);
  });

  it('is replaced by `npm run rotate-manager-token`, which prints the new one once; a running server takes it within seconds', async () => {
    const server = await startServer({ managerToken: undefined });
    dirs.push(server.dataDir);
    try {
      const old = server.generatedManagerToken!;
      const store: Record<string, string> = ON_POSTGRES ? { DATABASE_URL: (await postgresOf(server.dataDir)).url } : {};
      const rotated = await run('server/src/cli/rotateManagerToken.ts', { DATA_DIR: server.dataDir, ...store });
      expect(rotated.code).toBe(0);
      const token = /^\s+([A-Za-z0-9_-]{43})$/m.exec(rotated.out)?.[1];
      expect(token).toBeDefined();
      await vi.waitFor(async () => expect((await chats(server, token!)).status).toBe(200), { timeout: 8000, interval: 250 });
      expect((await chats(server, old)).status).toBe(401);
    } finally {
      await server.close();
    }
    const restarted = await startServer({ dataDir: server.dataDir, managerToken: undefined });
    expect(restarted.generatedManagerToken).toBeUndefined();
    await restarted.close();
  }, 20_000);

  it('cannot be rotated where no server has made a database yet', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const { code, out } = await run('server/src/cli/rotateManagerToken.ts', { DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(out).toMatch(/no database at .*start the server once/);
  });
});

/** A survey link's token is its only credential: it is never stored, and never logged. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/http/redactUrl.ts';
import { call, manager, ON_POSTGRES, removeDir, startServer, type TestServer } from '../helpers.ts';
import { countRows, storedRows, writeRows } from '../storedRows.ts';
import { answerByLink, linkToken, setSurvey, surveyedChat } from '../surveyHelpers.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const surveyRows = (server: TestServer) => storedRows(server, 'SELECT * FROM csat_surveys');

/**
 * Whether `text` is anywhere in the database: in the bytes of the SQLite file and its write-ahead
 * log (where the latest commits are until a checkpoint), or in any row of any PostgreSQL table.
 */
async function databaseHolds(server: TestServer, text: string): Promise<boolean> {
  if (!ON_POSTGRES) {
    const files = await Promise.all(['sangdam.db', 'sangdam.db-wal'].map((name) => readFile(join(server.dataDir, name)).catch(() => Buffer.alloc(0))));
    return files.some((file) => file.includes(text));
  }
  const tables = await storedRows<{ name: string }>(server, "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'");
  for (const { name } of tables) {
    if ((await countRows(server, `SELECT count(*) AS n FROM "${name}" t WHERE strpos(t::text, ?) > 0`, text)) > 0) return true;
  }
  return false;
}

describe('survey link tokens in the database', () => {
  it('are kept as their SHA-256 only, and the link still opens the survey and shows again to managers', async () => {
    const server = await startServer();
    try {
      await setSurvey(server);
      const { chatId, csatLink } = await surveyedChat(server);
      const token = linkToken(csatLink);
      const rows = await surveyRows(server);
      expect(rows).toHaveLength(1);
      expect(rows[0]).not.toHaveProperty('token');
      expect(rows[0].token_hash).toBe(sha256(token));
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(await databaseHolds(server, rows[0].token_hash)).toBe(true);
      expect(await databaseHolds(server, token)).toBe(false);
      expect((await call(`${server.url}/api/csat/${token}`, 'GET')).status).toBe(200);
      expect((await manager(server)('GET', `/chats/${chatId}`)).body.csatLink).toBe(csatLink);
    } finally {
      await server.close();
      await removeDir(server.dataDir);
    }
  });

  // PostgreSQL's schema kept only the hashes from its start: no database of it holds the tokens.
  it.skipIf(ON_POSTGRES)('are hashed by migration 8 in a database that stored them as they were: old links keep working', async () => {
    let server = await startServer();
    const dataDir = server.dataDir;
    try {
      await setSurvey(server);
      const { chatId, csatLink } = await surveyedChat(server);
      await server.close();
      // The table as migration 3 made it: the token itself in `token`, migration 8 not applied.
      const oldToken = 'B'.repeat(43);
      await writeRows(dataDir, 'ALTER TABLE csat_surveys RENAME COLUMN token_hash TO token');
      await writeRows(dataDir, 'UPDATE csat_surveys SET token = ?', oldToken);
      await writeRows(dataDir, 'DELETE FROM migrations WHERE id = 8');

      server = await startServer({ dataDir });
      expect((await surveyRows(server))[0]).toEqual(expect.objectContaining({ token_hash: sha256(oldToken) }));
      expect((await call(`${server.url}/api/csat/${oldToken}`, 'GET')).status).toBe(200);
      const answered = await answerByLink(server, `${server.url}/csat/${oldToken}`, { answerId: 'old-link', score: 5 });
      expect(answered.status).toBe(200);
      // Its token cannot be derived again, so the console offers no link rather than a wrong one.
      expect((await manager(server)('GET', `/chats/${chatId}`)).body.csatLink).toBeNull();
      expect(linkToken(csatLink)).not.toBe(oldToken);
    } finally {
      await server.close();
      await removeDir(dataDir);
    }
  });
});

describe('the request log', () => {
  it('writes survey tokens and secret query values as [redacted]', async () => {
    const lines: string[] = [];
    const server = await startServer({ logLevel: 'info', logStream: { write: (line) => void lines.push(line) } });
    try {
      await setSurvey(server);
      const { csatLink } = await surveyedChat(server);
      const token = linkToken(csatLink);
      await call(`${server.url}/csat/${token}`, 'GET');
      await call(`${server.url}/api/csat/${token}`, 'GET');
      await answerByLink(server, csatLink, { answerId: 'logged', score: 5 });
      await call(`${server.url}/api/widget/${server.pluginKey}/chats?token=${token}&access_token=${token}x&lang=ko`, 'GET');
      const log = lines.join('');
      expect(log).toContain('/csat/[redacted]');
      expect(log).toContain('/api/csat/[redacted]/answer');
      expect(log).toContain('token=[redacted]&access_token=[redacted]&lang=ko');
      expect(log).not.toContain(token);
    } finally {
      await server.close();
      await removeDir(server.dataDir);
    }
  });

  it('keeps the rest of a URL as it was', () => {
    expect(redactUrl('/api/widget/k/chats/abc?since=3&client=x')).toBe('/api/widget/k/chats/abc?since=3&client=x');
    expect(redactUrl('/csat/AbC-_9')).toBe('/csat/[redacted]');
    expect(redactUrl('/api/csat/AbC/answer?memberHash=f00&x')).toBe('/api/csat/[redacted]/answer?memberHash=[redacted]&x');
  });
});

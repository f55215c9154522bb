/** A survey link's token is its only credential: it is never stored, and never logged. */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/http/redactUrl.ts';
import { call, manager, removeDir, startServer, type TestServer } from '../helpers.ts';
import { answerByLink, linkToken, setSurvey, surveyedChat } from '../surveyHelpers.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function surveyRows(server: TestServer) {
  const db = new Database(join(server.dataDir, 'sangdam.db'), { readonly: true });
  try {
    return db.prepare('SELECT * FROM csat_surveys').all() as any[];
  } finally {
    db.close();
  }
}

describe('survey link tokens in the database', () => {
  it('are kept as their SHA-256 only, and the link still opens the survey and shows again to managers', async () => {
    const server = await startServer();
    try {
      await setSurvey(server);
      const { chatId, csatLink } = await surveyedChat(server);
      const token = linkToken(csatLink);
      const rows = surveyRows(server);
      expect(rows).toHaveLength(1);
      expect(rows[0]).not.toHaveProperty('token');
      expect(rows[0].token_hash).toBe(sha256(token));
      expect(JSON.stringify(rows)).not.toContain(token);
      const file = await readFile(join(server.dataDir, 'sangdam.db'));
      expect(file.includes(token)).toBe(false);
      expect((await call(`${server.url}/api/csat/${token}`, 'GET')).status).toBe(200);
      expect((await manager(server)('GET', `/chats/${chatId}`)).body.csatLink).toBe(csatLink);
    } finally {
      await server.close();
      await removeDir(server.dataDir);
    }
  });

  it('are hashed by migration 8 in a database that stored them as they were: old links keep working', async () => {
    let server = await startServer();
    const dataDir = server.dataDir;
    try {
      await setSurvey(server);
      const { chatId, csatLink } = await surveyedChat(server);
      await server.close();
      // The table as migration 3 made it: the token itself in `token`, migration 8 not applied.
      const oldToken = 'B'.repeat(43);
      const db = new Database(join(dataDir, 'sangdam.db'));
      db.exec('ALTER TABLE csat_surveys RENAME COLUMN token_hash TO token');
      db.prepare('UPDATE csat_surveys SET token = ?').run(oldToken);
      db.prepare('DELETE FROM migrations WHERE id = 8').run();
      db.close();

      server = await startServer({ dataDir });
      expect(surveyRows(server)[0]).toEqual(expect.objectContaining({ token_hash: sha256(oldToken) }));
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

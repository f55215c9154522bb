import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { CSAT_PAGE_CSP, renderCsatPage } from '../src/http/csatPage.ts';
import { call, removeDir, startServer, widget, type TestServer } from './helpers.ts';
import { answerByLink, linkToken, setSurvey, storedAnswers, surveyedChat } from './surveyHelpers.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  await mkdir(join(server.dataDir, 'no-dist'));
  await writeFile(join(server.dataDir, 'no-dist', 'sdk.js'), 'console.log("sdk")');
  await writeFile(join(server.dataDir, 'no-dist', 'csat-page.js'), 'export {}');
  await setSurvey(server, { scale: 3 });
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

const UNKNOWN = 'A'.repeat(43);
const page = (path: string, headers: Record<string, string> = {}) => call(`${server.url}${path}`, 'GET', { headers });

describe('the customer link', () => {
  it("is given to managers with the chat: an absolute URL from the request's origin", async () => {
    const { csatLink } = await surveyedChat(server);
    expect(csatLink).toMatch(new RegExp(`^${server.url}/csat/[A-Za-z0-9_-]{43}$`));
  });

  it('shows the survey in the customer language with the channel look, and answers it once', async () => {
    const { chatId, token, survey, csatLink } = await surveyedChat(server, { language: 'ja' });
    const api = `${server.url}/api/csat/${linkToken(csatLink)}`;
    const shown = await call(api, 'GET');
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    expect(shown.body).toEqual({ form: survey.form, language: 'ja', channel: { name: 'Sangdam demo', color: '#5b5bd6' } });
    const body = { answerId: 'link-answer-1', score: 5, comment: 'とても丁寧でした' };
    const answered = await answerByLink(server, csatLink, body);
    expect(answered.status).toBe(200);
    expect(answered.body.message).toEqual({
      ...survey,
      form: { ...survey.form, answer: { score: 5, comment: 'とても丁寧でした', answeredAt: expect.any(Number) } },
    });
    expect((await answerByLink(server, csatLink, body)).body).toEqual(answered.body);
    expect((await call(api, 'GET')).body.form.answer).toEqual(answered.body.message.form.answer);
    const seen = await widget(server)('GET', `/chats/${chatId}`, { token });
    expect(seen.body.messages.at(-1)).toEqual(answered.body.message);
    expect(seen.body.chat.profile).toMatchObject({ 'profile.csat': 5, 'profile.csatComment': 'とても丁寧でした' });
    expect(await storedAnswers(server, chatId)).toEqual([expect.objectContaining({ via: 'link', scale: 3, answer_id: 'link-answer-1' })]);
  });

  it('refuses an off-scale score through the link as in the widget', async () => {
    const { csatLink } = await surveyedChat(server);
    const reply = await answerByLink(server, csatLink, { answerId: 'link-answer-2', score: 4 });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toBe('score: must be one of 1, 3, 5 on this 3-point survey');
  });

  it('answers 404 JSON for an unknown or malformed token', async () => {
    for (const token of [UNKNOWN, 'short', `${UNKNOWN}A`]) {
      for (const reply of [
        await call(`${server.url}/api/csat/${token}`, 'GET'),
        await call(`${server.url}/api/csat/${token}/answer`, 'POST', { body: { answerId: 'x', score: 5 } }),
      ]) {
        expect(reply.status, token).toBe(404);
        expect(reply.body.error).toEqual({ code: 'survey_not_found', message: 'survey: no such survey' });
      }
    }
  });

  it('uses PUBLIC_URL, path prefix included, when it is set', async () => {
    const behindProxy = await startServer({ publicUrl: 'https://chat.shop.example/support' });
    await setSurvey(behindProxy);
    const { csatLink } = await surveyedChat(behindProxy);
    expect(csatLink).toMatch(/^https:\/\/chat\.shop\.example\/support\/csat\/[A-Za-z0-9_-]{43}$/);
    await behindProxy.close();
    await removeDir(behindProxy.dataDir);
  });
});

describe('the link page', () => {
  it('serves the HTML shell under a strict CSP with the token, the language and the page script', async () => {
    const { csatLink } = await surveyedChat(server, { language: 'ko' });
    const reply = await page(new URL(csatLink).pathname);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(reply.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
    expect(reply.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    const html = reply.body as string;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('<title>상담 만족도 조사 · Sangdam demo</title>');
    expect(html).toContain(`<main id="csat" data-token="${linkToken(csatLink)}"></main>`);
    expect(html).toContain('<script type="module" src="../csat-page.js"></script>');
    // Relative URLs only, so that the page works under a proxy's path prefix.
    expect(html).not.toMatch(/(src|href)="\//);
    expect(html).toMatch(/<noscript>.+JavaScript.+<\/noscript>/);
    expect(html).not.toContain('<link');
    expect(html).not.toMatch(/<script>|<style|style=/);
  });

  it('serves the page script like the other bundles', async () => {
    const reply = await page('/csat-page.js');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers an unknown token with a 404 HTML page in the browser language', async () => {
    for (const path of [`/csat/${UNKNOWN}`, '/csat/%22%3E%3Cscript%3E']) {
      const reply = await page(path, { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.8' });
      expect(reply.status, path).toBe(404);
      expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(reply.headers.get('content-security-policy')).toBe(CSAT_PAGE_CSP);
      expect(reply.body).toContain('<html lang="ja">');
      expect(reply.body).toContain('アンケートが見つかりません');
      expect(reply.body).not.toContain('<script');
    }
  });

  it('escapes the token and the channel name it writes into the page', () => {
    const html = renderCsatPage({ token: '"><script>alert(1)</script>', language: 'en', channelName: 'Shop <b>&</b>' });
    expect(html).toContain('data-token="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('<title>Satisfaction survey · Shop &lt;b&gt;&amp;&lt;/b&gt;</title>');
    expect(html).not.toContain('<script>alert');
  });
});

describe('PUBLIC_URL', () => {
  it('is read without its trailing slash, and refused when it is not an http(s) URL', () => {
    const read = (PUBLIC_URL: string) => loadConfig({ PUBLIC_URL }).config.publicUrl;
    expect(read('https://chat.shop.example/')).toBe('https://chat.shop.example');
    expect(read('http://localhost:8080/sangdam/')).toBe('http://localhost:8080/sangdam');
    expect(loadConfig({}).config.publicUrl).toBeUndefined();
    for (const value of ['chat.shop.example', 'ftp://chat.shop.example', 'https://chat.shop.example/?a=1', 'https://user:pw@chat.shop.example']) {
      expect(() => read(value), value).toThrow(ConfigError);
      expect(() => read(value), value).toThrow(`PUBLIC_URL: "${value}" is not a URL like https://chat.shop.example`);
    }
  });
});

// The inbox at scale: a generated data set (seed.ts: CHATS chats of 10 messages each) in SQLite,
// the real server on it, and what a manager waits for: the first page of the inbox and searches,
// as the server's own time (its Server-Timing header), and the console showing its first page
// after signing in, in Chromium. The full run uses 100,000 chats and 1,000,000 messages; the
// smoke run 2,000 and 20,000, only to check that every figure is produced.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { summarize } from '../stats.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PER_CHAT = 10;
const REQUESTS = 20;
const CONSOLE_ROUNDS = 3;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The searches timed, by how many chats they find: a product by name, a common word, a rare word, an email. */
const SEARCHES = [
  ['searchProduct', 'search: a product name (≈0.2 % of chats)', 'Silk Coat 0'],
  ['searchCommon', 'search: a Korean word in most chats (환불)', '환불'],
  ['searchRare', 'search: a rare word of a message', 'w0'],
  ['searchEmail', "search: a customer's email", 'customer3@mail.test'],
];

const serverTime = (response) => Number(/app;dur=([\d.]+)/.exec(response.headers.get('server-timing') || '')?.[1]);

async function timed(url, token, times) {
  const values = [];
  let found = 0;
  for (let i = 0; i < times; i++) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    found = (await response.json()).chats.length;
    values.push(serverTime(response));
  }
  return { values, found };
}

/** From the click on "Sign in" to the first chat of the inbox on screen, in a fresh context each round. */
async function consoleFirstPage(serverUrl, token) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
  const values = [];
  try {
    for (let round = 0; round < CONSOLE_ROUNDS; round++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${serverUrl}/console`);
      await page.getByLabel('Manager token').fill(token);
      const clicked = await page.evaluate(() => performance.now());
      await page.locator('#token').press('Enter');
      await page.locator('.chat-item').first().waitFor({ timeout: 30_000 });
      values.push((await page.evaluate(() => performance.now())) - clicked);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return values;
}

export async function measureInbox({ quick, startServer, pluginKey, managerToken, log = () => {} }) {
  const chats = quick ? 2000 : 100_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'sangdam-bench-inbox-'));
  log(`inbox: seeding ${chats} chats × ${PER_CHAT} messages`);
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'bench/inbox/seed.ts', dataDir, pluginKey, String(chats), String(PER_CHAT)], { cwd: ROOT, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`inbox seed failed: ${seeded.stderr}`);
  const seed = JSON.parse(seeded.stdout.trim().split('\n').pop());
  log(`inbox: seeded ${seed.chats} chats, ${seed.messages} messages in ${seed.seconds.toFixed(1)} s`);
  const server = await startServer({ dataDir });
  try {
    const base = `${server.url}/api/manager/chats`;
    const figures = [];
    const add = (key, label, values, found) => figures.push({ key, label, unit: 'ms', ...summarize(values), ...(found === undefined ? {} : { found }) });
    await timed(`${base}?limit=50`, managerToken, 3); // warm the page cache, as a running server's is
    const first = await timed(`${base}?limit=50`, managerToken, REQUESTS);
    add('inboxFirstPage', 'first inbox page (50 chats), server time', first.values, first.found);
    const next = await (await fetch(`${base}?limit=50`, { headers: { authorization: `Bearer ${managerToken}` } })).json();
    const second = await timed(`${base}?limit=50&cursor=${encodeURIComponent(next.next)}`, managerToken, REQUESTS);
    add('inboxNextPage', 'next inbox page (cursor), server time', second.values, second.found);
    for (const [key, label, q] of SEARCHES) {
      const result = await timed(`${base}?limit=50&q=${encodeURIComponent(q)}`, managerToken, REQUESTS);
      add(key, `${label}, server time`, result.values, result.found);
    }
    add('consoleFirstPage', 'console: sign-in → first chat on screen', await consoleFirstPage(server.url, managerToken));
    return { chats: seed.chats, messages: seed.messages, seedSeconds: seed.seconds, summary: figures };
  } finally {
    await server.stop();
  }
}

export const inboxTable = (inbox) => `Inbox (${inbox.chats.toLocaleString('en')} chats, ${inbox.messages.toLocaleString('en')} messages in SQLite, seeded in ${inbox.seedSeconds.toFixed(0)} s)`;

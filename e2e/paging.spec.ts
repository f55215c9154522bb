import type { Page } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { expect, MANAGER_TOKEN, test as base, widget } from './fixtures';
import { bootCall } from './pages';
import { PLUGIN_KEY, startServer, type RunningServer } from './server';

// Seeding 60 chats and messages is faster than any person: this server counts no limits. It
// verifies members, so the chats seeded through the API are the same member's in the browser
// (without a member secret, a member id is only a label on one browser's visitor).
const MEMBER_SECRET = 'paging-member-secret';
/** The memberHash the site's server computes: hex HMAC-SHA256 of the member id. */
const memberHash = (memberId: string) => createHmac('sha256', MEMBER_SECRET).update(memberId).digest('hex');

const test = base.extend({
  workerServer: [
    async ({}, use) => {
      const server = await startServer({ RATE_LIMITS: 'off', MEMBER_SECRET });
      await use(server);
      await server.dispose();
    },
    { scope: 'worker' },
  ],
});

/** A member visitor booted through the widget API, and a call on its session. */
async function seedVisitor(server: RunningServer, memberId: string) {
  const base = `${server.url}/api/widget/${PLUGIN_KEY}`;
  const boot = await (await fetch(`${base}/boot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId, memberHash: memberHash(memberId), language: 'en' }) })).json();
  const post = async (path: string, body: unknown) => {
    const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${boot.token}` }, body: JSON.stringify(body) });
    expect(response.ok, `${path}: ${response.status}`).toBe(true);
    return response.json();
  };
  let n = 0;
  const id = () => `${memberId}-${++n}`;
  return {
    newChat: (text: string) => post('/chats', { clientId: id(), message: { text, clientId: id() } }),
    send: (chatId: string, text: string) => post(`/chats/${chatId}/messages`, { text, clientId: id() }),
  };
}

async function signIn(page: Page, server: RunningServer) {
  await page.goto(server.url + '/console');
  await page.getByLabel('Manager token').fill(MANAGER_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
}

test('the messenger pages through 60 chats and the older messages of a long thread', async ({ page, hostPage, server }) => {
  const member = `pager-${Date.now()}`;
  const visitor = await seedVisitor(server, member);
  const long = (await visitor.newChat('msg 0')).chat.id;
  for (let i = 1; i < 60; i++) await visitor.send(long, `msg ${i}`);
  for (let i = 0; i < 59; i++) await visitor.newChat(`chat ${i}`);

  await hostPage({ afterSnippet: bootCall({ memberId: member, memberHash: memberHash(member) }) });
  await widget(page).launcher.click();
  const dialog = page.getByRole('dialog');
  const items = dialog.getByRole('list', { name: 'Conversations' }).getByRole('listitem');
  await expect(items).toHaveCount(50);
  const more = dialog.getByRole('button', { name: 'Show more' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(items).toHaveCount(60);
  await expect(more).toHaveCount(0);

  await items.filter({ hasText: 'msg 59' }).getByRole('button').click();
  const log = dialog.getByRole('log');
  await expect(log.getByText('msg 59', { exact: true })).toBeVisible();
  await expect(log.getByText('msg 10', { exact: true })).toHaveCount(1);
  await expect(log.getByText('msg 9', { exact: true })).toHaveCount(0);
  const earlier = dialog.getByRole('button', { name: 'Show earlier messages' });
  await earlier.scrollIntoViewIfNeeded();
  await earlier.click();
  await expect(log.getByText('msg 0', { exact: true })).toHaveCount(1);
  await expect(earlier).toHaveCount(0);
  // The place read stays: the message that was on top is still in view, the ones added above are not.
  await expect(log.getByText('msg 10', { exact: true })).toBeInViewport();
  await expect(log.getByText('msg 0', { exact: true })).not.toBeInViewport();
});

test('the console loads more chats and the older messages of a thread', async ({ page, server }) => {
  const member = `inbox-${Date.now()}`;
  const visitor = await seedVisitor(server, member);
  const long = (await visitor.newChat('line 0')).chat.id;
  for (let i = 1; i < 60; i++) await visitor.send(long, `line ${i}`);
  for (let i = 0; i < 59; i++) await visitor.newChat(`${member} chat ${i}`);

  await signIn(page, server);
  const links = page.getByRole('list', { name: 'Chats' }).getByRole('link');
  await expect(links).toHaveCount(50);
  await expect(links.filter({ hasText: 'line 59' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Load more chats' }).click();
  await expect(links.filter({ hasText: 'line 59' })).toHaveCount(1);
  expect(await links.count()).toBeGreaterThan(50);

  await links.filter({ hasText: 'line 59' }).click();
  const thread = page.getByRole('list', { name: 'Messages' });
  await expect(thread.getByText('line 59', { exact: true })).toBeVisible();
  await expect(thread.getByText('line 9', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Load older messages' }).click();
  await expect(thread.getByText('line 0', { exact: true })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Load older messages' })).toHaveCount(0);
  await expect(thread.getByText('line 10', { exact: true })).toBeInViewport();
});

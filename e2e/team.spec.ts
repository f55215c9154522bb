import type { Browser, Page } from '@playwright/test';
import { expect, manager, managerApi, test as base } from './fixtures';
import { customerChat } from './customerChat';
import { MANAGER_TOKEN, startServer, type RunningServer } from './server';

// Two managers work in two browser contexts on one server; accounts are made through the
// Manager API as an owner's script would.
const PASSWORD = 'correct horse battery';
const test = base.extend({
  workerServer: [
    async ({}, use) => {
      const server = await startServer({ RATE_LIMITS: 'off', OWNER_EMAIL: 'owner@shop.test', OWNER_PASSWORD: PASSWORD, OWNER_NAME: 'Olivia' });
      await use(server);
      await server.dispose();
    },
    { scope: 'worker' },
  ],
});

async function signedInManager(browser: Browser, server: RunningServer, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.url + '/console');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).first().click();
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  return page;
}

const search = async (page: Page, text: string) => {
  await page.getByRole('searchbox', { name: 'Search chats' }).fill(text);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/%20/g, '\\+')}`));
};

test("two managers: replies carry their author and avatar, unread counts are each manager's, assignment and edits show live, search finds the chat, saved replies send rendered text", async ({ browser, site, server }) => {
  const api = managerApi(server);
  const stamp = Date.now();
  const avatarUrl = `${server.url}/avatars/hana.png`;
  await manager(server, 'POST', '/managers', { name: 'Hana', email: `hana-${stamp}@shop.test`, password: PASSWORD, role: 'agent', avatarUrl });
  await manager(server, 'POST', '/managers', { name: 'Jun', email: `jun-${stamp}@shop.test`, password: PASSWORD, role: 'agent' });
  await manager(server, 'POST', '/profile-fields', { key: 'profile.plan', type: 'String', names: { en: 'Plan' } }).catch(() => undefined);
  await manager(server, 'POST', '/saved-replies', { title: 'Stock', text: '{{profile.productName}} is back in stock.' });

  const text = `Do you restock the blue one? ${stamp}`;
  const customer = await customerChat(browser, site, server, api, text);
  await manager(server, 'PATCH', `/chats/${customer.chatId}`, { 'profile.productName': 'Linen Shirt' });

  const hana = await signedInManager(browser, server, `hana-${stamp}@shop.test`);
  const jun = await signedInManager(browser, server, `jun-${stamp}@shop.test`);

  // Search by the product's name and by a word of the message.
  await search(hana, 'linen shirt');
  await expect(hana.locator('.chat-item')).toHaveCount(1);
  await search(jun, 'restock');
  await expect(jun.locator('.chat-item')).toHaveCount(1);
  await expect(jun.locator('.chat-item')).toContainText('Unassigned');
  // Each manager's count of what they have not read: Hana reading the chat leaves Jun's as it was.
  await expect(hana.locator('.chat-item .badge.unread')).toHaveText('1 unread');
  await expect(jun.locator('.chat-item .badge.unread')).toHaveText('1 unread');

  // Hana answers with a saved reply: / offers it, Enter inserts it, Enter sends it rendered.
  await hana.locator('.chat-item').click();
  await expect(hana.locator('.chat-item .badge.unread')).toHaveCount(0);
  const reply = hana.getByRole('textbox', { name: 'Reply' });
  await reply.fill('/');
  await expect(hana.getByRole('option', { name: /Stock/ })).toBeVisible();
  await reply.press('Enter');
  await expect(reply).toHaveValue('{{profile.productName}} is back in stock.');
  await reply.press('Enter');
  await expect(hana.locator('.msg.manager').last()).toContainText('Linen Shirt is back in stock.');

  // The customer sees Hana's name; Jun sees the chat become Hana's without reloading.
  await expect(customer.dialog.getByText('Linen Shirt is back in stock.', { exact: true })).toBeVisible();
  await expect(customer.dialog.getByRole('status')).toContainText('New message from Hana');
  await expect(customer.dialog.getByText('Hana', { exact: true }).first()).toBeVisible();
  await expect(customer.dialog.locator('.msg .who img')).toHaveAttribute('src', avatarUrl);
  await expect(jun.locator('.chat-item')).toContainText('Assignee: Hana');
  await expect(jun.locator('.chat-item .badge.unread')).toHaveText('1 unread');

  // Jun edits a custom value; it appears in Hana's panel and in the download.
  await jun.locator('.chat-item').click();
  await jun.getByRole('button', { name: 'Edit: Plan' }).click();
  const plan = jun.getByRole('textbox', { name: 'Plan' });
  await expect(plan).toBeFocused();
  await plan.fill('Team');
  await plan.press('Enter');
  const shown = (page: Page) => page.locator('aside.profile .field').filter({ has: page.locator('dt', { hasText: /^Plan$/ }) }).locator('dd');
  await expect(shown(jun)).toHaveText('Team');
  await expect(shown(hana)).toHaveText('Team');
  const csv = await (await fetch(`${server.url}/api/manager/export?format=csv`, { headers: { authorization: `Bearer ${MANAGER_TOKEN}` } })).text();
  const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  const row = rows.find((line) => line.startsWith(customer.chatId))!.split(',');
  const columns = header.split(',');
  expect(row[columns.indexOf('profile.plan')]).toBe('Team');
  expect(row[columns.indexOf('assignee.name')]).toBe('Hana');
  await customer.context.close();
});

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, manager, test, widget } from './fixtures';
import { bootCall, openTestPage } from './pages';
import { signIn } from './consoleSignIn';

/** The value shown for a field in the open chat's profile panel. */
const profileValue = (page: Page, name: string) =>
  page.locator('aside.profile .field').filter({ has: page.locator("dt", { hasText: new RegExp(`^${name}$`) }) }).locator('dd');

test('a wrong token is refused and the sign-in stays', async ({ page, server }) => {
  await page.goto(server.url + '/console');
  await page.getByLabel('Manager token').fill('not-the-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('The token was refused.')).toBeVisible();
  await expect(page.getByLabel('Manager token')).toBeVisible();
});

test('a manager answers live, closes the chat, and sees the survey answer in the profile and the statistics', async ({ page, browser, site, server, api }) => {
  await manager(server, 'PUT', '/csat-settings', { enabled: true, scale: 5, comment: false, required: false, filters: { profile: [], includeTags: [], excludeTags: [], operatingHours: 'any' } });
  await signIn(page, server);

  const customer = await (await browser.newContext()).newPage();
  await openTestPage(customer, site, server.url);
  await widget(customer).launcher.click();
  const messenger = customer.getByRole('dialog');
  await messenger.getByRole('button', { name: 'New chat' }).click();
  const text = `console live ${Date.now()}`;
  await messenger.getByRole('textbox', { name: 'Message' }).fill(text);
  await messenger.getByRole('textbox', { name: 'Message' }).press('Enter');

  const chatId = await api.chatWith(text);
  // The chat shows up in the inbox without a reload.
  await page.getByRole('link', { name: new RegExp(text) }).click();
  await expect(page.getByRole('log').or(page.locator('main')).getByText(text).first()).toBeVisible();
  await expect(profileValue(page, 'Priority').getByRole('combobox')).toHaveValue('medium');
  await page.getByRole('textbox', { name: 'Reply' }).fill('Hello from the console!');
  await page.getByRole('textbox', { name: 'Reply' }).press('Enter');
  await expect(messenger.getByRole('log')).toContainText('Hello from the console!');
  await expect(profileValue(page, 'First response time')).toHaveText(/1 min|\d+ min/);

  await page.getByRole('button', { name: 'Close chat' }).click();
  const faces = customer.getByRole('radiogroup', { name: 'How satisfied were you with this conversation?' });
  await faces.getByRole('radio', { name: 'Satisfied', exact: true }).click();
  await expect(profileValue(page, 'CSAT')).toHaveText('4 · Satisfied');

  await page.getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByRole('main')).toContainText('Satisfaction statistics');
  await expect(page.getByRole('main')).toContainText(/Answered/);
  await page.getByRole('link', { name: 'Show chats scored Satisfied' }).first().click();
  await expect(page.locator(`a.chat-item[href*="${chatId}"]`)).toBeVisible();

  // The UserChat data download carries the answer.
  await page.getByRole('link', { name: 'Statistics' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download UserChat data as CSV' }).click()]);
  const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFFid,')).toBe(true);
  const [header, ...rows] = csv.slice(1).trim().split('\r\n').map((line) => line.split(','));
  const row = rows.find((cells) => cells[0] === chatId)!;
  expect(row[header.indexOf('profile.csat')]).toBe('4');
  expect(row[header.indexOf('state')]).toBe('closed');
  await customer.context().close();
});

test('a field hidden in the display settings stays hidden on another chat after a reload', async ({ page, browser, site, server, api }) => {
  const texts = [`display one ${Date.now()}`, `display two ${Date.now()}`];
  for (const text of texts) {
    const customer = await (await browser.newContext()).newPage();
    await openTestPage(customer, site, server.url);
    await widget(customer).launcher.click();
    await customer.getByRole('dialog').getByRole('button', { name: 'New chat' }).click();
    await customer.getByRole('dialog').getByRole('textbox', { name: 'Message' }).fill(text);
    await customer.getByRole('dialog').getByRole('textbox', { name: 'Message' }).press('Enter');
    await api.chatWith(text);
    await customer.context().close();
  }
  await signIn(page, server);
  await page.getByRole('link', { name: new RegExp(texts[0]) }).click();
  await expect(profileValue(page, 'Source page')).toBeVisible();
  await page.getByRole('button', { name: 'Display settings' }).click();
  await page.getByRole('checkbox', { name: 'Source page' }).uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(profileValue(page, 'Source page')).toHaveCount(0);
  await page.reload();
  await page.getByRole('link', { name: new RegExp(texts[1]) }).click();
  await expect(profileValue(page, 'State')).toBeVisible();
  await expect(profileValue(page, 'Source page')).toHaveCount(0);
  await manager(server, 'PUT', '/display-settings', { hidden: [] });
});

test('a custom field added in the settings is set from the widget with updateProfile', async ({ page, browser, site, server, api }) => {
  const key = `gift${Date.now() % 100000}`;
  await signIn(page, server);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: /^Key/ }).fill(key);
  await page.getByRole('combobox', { name: 'Type' }).selectOption('Boolean');
  await page.getByRole('textbox', { name: 'Name (English)' }).fill('Gift wrap');
  await page.getByRole('button', { name: 'Add field' }).click();
  await expect(page.getByRole('main')).toContainText('Gift wrap');

  const customer = await (await browser.newContext()).newPage();
  await openTestPage(customer, site, server.url, { afterSnippet: `${bootCall()} ChannelIO('updateProfile', { ${key}: true });` });
  await widget(customer).launcher.click();
  const text = `custom field ${Date.now()}`;
  await customer.getByRole('dialog').getByRole('button', { name: 'New chat' }).click();
  await customer.getByRole('dialog').getByRole('textbox', { name: 'Message' }).fill(text);
  await customer.getByRole('dialog').getByRole('textbox', { name: 'Message' }).press('Enter');
  const chatId = await api.chatWith(text);
  expect((await api.chat(chatId)).chat.profile[`profile.${key}`]).toBe(true);

  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('link', { name: new RegExp(text) }).click();
  await expect(profileValue(page, 'Gift wrap')).toHaveText('Yes');
  await customer.context().close();
});

test('a manager adds a chat condition with the keyboard alone, saves it, and finds it again after a reload', async ({ page, server }) => {
  await signIn(page, server);
  await page.getByRole('link', { name: 'Settings' }).click();
  const chatConditions = page.getByRole('group', { name: 'Chat profile conditions', exact: true });
  await chatConditions.getByRole('button', { name: 'Add chat condition' }).focus();
  await page.keyboard.press('Enter');
  const field = chatConditions.getByRole('combobox', { name: 'Field' });
  await expect(field).toBeFocused();
  await page.keyboard.type('Product name'); // a closed select chooses by typing the option's start
  await expect(field).toHaveValue('profile.productName');
  await page.keyboard.press('Tab');
  const op = chatConditions.getByRole('combobox', { name: 'Condition' });
  await expect(op).toBeFocused();
  await page.keyboard.type('contains');
  await expect(op).toHaveValue('contains');
  await page.keyboard.press('Tab');
  await expect(chatConditions.getByRole('textbox', { name: 'Value' })).toBeFocused();
  await page.keyboard.type('Linen');
  await page.keyboard.press('Enter'); // submits the survey form
  const survey = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Satisfaction survey' }) });
  await expect(survey.locator('.save-row [role=status]')).toHaveText('Saved.');
  expect((await manager(server, 'GET', '/csat-settings')).filters.chat).toEqual([{ key: 'profile.productName', op: 'contains', value: 'Linen' }]);

  await page.reload();
  await expect(field).toHaveValue('profile.productName');
  await expect(op).toHaveValue('contains');
  await expect(chatConditions.getByRole('textbox', { name: 'Value' })).toHaveValue('Linen');
  expect((await new AxeBuilder({ page }).include('.condition').analyze()).violations).toEqual([]);
  await manager(server, 'PUT', '/csat-settings', { filters: { chat: [] } });
});

test('axe finds no accessibility violation in the sign-in', async ({ page, server }) => {
  test.slow(); // a full axe scan on two busy cores can take 15 s
  await page.goto(server.url + '/console');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

// One test per page: the settings page alone holds four forms, and its scan takes the longest.
for (const name of ['Inbox', 'Settings', 'Statistics']) {
  test(`axe finds no accessibility violation in the ${name.toLowerCase()}`, async ({ page, server }) => {
    test.slow();
    await signIn(page, server);
    await page.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations, name).toEqual([]);
  });
}

import type { Page } from '@playwright/test';
import { expect, MANAGER_TOKEN, test, widget } from './fixtures';
import { bootCall } from './pages';

/** Starts a chat from the messenger with a unique first message and returns its id. */
async function startChat(page: Page, api: { chatWith(text: string): Promise<string> }, text: string): Promise<string> {
  await widget(page).launcher.click();
  const dialog = page.getByRole('dialog');
  const newChat = dialog.getByRole('button', { name: 'New chat' });
  const back = dialog.getByRole('button', { name: 'Back to conversations' });
  if (await back.isVisible()) await back.click();
  await newChat.click();
  const composer = dialog.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  return api.chatWith(text);
}

async function ensureField(serverUrl: string, key: string, type: string) {
  const response = await fetch(`${serverUrl}/api/manager/profile-fields`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MANAGER_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ key, type }),
  });
  expect([201, 409]).toContain(response.status);
}

test('a chat started on the JSON-LD product page carries the page and the product', async ({ page, server, api }) => {
  await page.goto(server.url + '/');
  const chatId = await startChat(page, api, 'json-ld page question');
  const { chat } = await api.chat(chatId);
  expect(chat.profile['source.page']).toBe(server.url + '/');
  expect(chat.profile['profile.productName']).toBe('Linen shirt');
  expect(chat.profile['profile.productId']).toBe('LS-042');
});

test('a chat started on a page with Open Graph product tags only carries that product', async ({ page, server, api }) => {
  await page.goto(server.url + '/examples/og-product.html?utm_source=news#top');
  await widget(page).launcher.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '새 문의하기' }).click();
  await dialog.getByRole('textbox', { name: '메시지' }).fill('og page question');
  await dialog.getByRole('textbox', { name: '메시지' }).press('Enter');
  const { chat } = await api.chat(await api.chatWith('og page question'));
  expect(chat.profile['source.page']).toBe(server.url + '/examples/og-product.html?utm_source=news');
  expect(chat.profile['profile.productName']).toBe('울 머플러');
  expect(chat.profile['profile.productId']).toBe('WS-118');
});

test('in the single-page shop, a chat started after navigating carries the new product', async ({ page, server, api }) => {
  await page.goto(server.url + '/examples/spa.html?product=42');
  const first = await startChat(page, api, 'spa first chat');
  await widget(page).launcher.click(); // close
  await page.getByRole('link', { name: 'Wool scarf' }).click();
  await expect(page.getByRole('heading', { name: 'Wool scarf' })).toBeVisible();
  const second = await startChat(page, api, 'spa second chat');
  expect(second).not.toBe(first);
  const [a, b] = await Promise.all([api.chat(first), api.chat(second)]);
  expect(a.chat.profile).toMatchObject({ 'source.page': server.url + '/products/42', 'profile.productName': 'Linen shirt', 'profile.productId': '42' });
  expect(b.chat.profile).toMatchObject({ 'source.page': server.url + '/products/77', 'profile.productName': 'Wool scarf', 'profile.productId': '77' });
});

test('updateProfile writes to the open chat at once; a wrong value gets an error and changes nothing', async ({ page, server, api, hostPage }) => {
  await ensureField(server.url, 'orderId', 'String');
  await ensureField(server.url, 'giftWrap', 'Boolean');
  await hostPage({ afterSnippet: bootCall() });
  const chatId = await startChat(page, api, 'update profile chat');

  const result = await page.evaluate(
    () =>
      new Promise((resolve) =>
        (window as unknown as { ChannelIO(...a: unknown[]): void }).ChannelIO('updateProfile', { orderId: 'A-1009', giftWrap: true }, (error: Error | null, profile: unknown) =>
          resolve({ error: error && error.message, profile }),
        ),
      ),
  );
  expect(result).toMatchObject({ error: null, profile: { 'profile.orderId': 'A-1009', 'profile.giftWrap': true } });
  await expect.poll(async () => (await api.chat(chatId)).chat.profile['profile.orderId']).toBe('A-1009');

  const refused = await page.evaluate(
    () =>
      new Promise((resolve) =>
        (window as unknown as { ChannelIO(...a: unknown[]): void }).ChannelIO('updateProfile', { orderId: 'B-2', giftWrap: 'yes' }, (error: Error | null) =>
          resolve(error && error.message),
        ),
      ),
  );
  expect(refused).toBe('updateProfile: profile.giftWrap: must be true or false (Boolean field)');
  const { chat } = await api.chat(chatId);
  expect(chat.profile['profile.orderId']).toBe('A-1009');
  expect(chat.profile['profile.giftWrap']).toBe(true);
});

test('values given to updateProfile before a chat starts land on the chat that starts next', async ({ page, server, api, hostPage }) => {
  await ensureField(server.url, 'orderId', 'String');
  await hostPage({ afterSnippet: `${bootCall()} ChannelIO('updateProfile', { orderId: 'PRE-7' });` });
  const chatId = await startChat(page, api, 'profile before chat');
  expect((await api.chat(chatId)).chat.profile['profile.orderId']).toBe('PRE-7');
});

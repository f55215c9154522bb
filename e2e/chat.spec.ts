import { expect, test, widget } from './fixtures';
import { bootCall } from './pages';

test('the official snippet boots and the launcher shows in an open shadow root', async ({ page, hostPage }) => {
  await hostPage();
  const { launcher } = widget(page);
  await expect(launcher).toBeVisible();
  const shape = await page.evaluate(() => {
    const hosts = document.querySelectorAll('sangdam-widget');
    const host = hosts[0];
    return {
      hosts: hosts.length,
      parentIsBody: host.parentElement === document.body,
      shadowMode: host.shadowRoot ? 'open' : 'none',
      launcherInShadow: !!host.shadowRoot?.querySelector('button.launcher'),
      launcherInLightDom: !!document.querySelector('button.launcher'),
      marker: (window as unknown as { ChannelIO: { sangdam?: boolean } }).ChannelIO.sangdam,
    };
  });
  expect(shape).toEqual({ hosts: 1, parentIsBody: true, shadowMode: 'open', launcherInShadow: true, launcherInLightDom: false, marker: true });
  await expect(launcher).toHaveAccessibleName('Open chat');
});

test('the messenger chunk is not downloaded until the customer opens it', async ({ page, hostPage }) => {
  const chunks: string[] = [];
  page.on('request', (r) => r.url().endsWith('/messenger.js') && chunks.push(r.url()));
  await hostPage();
  await expect(widget(page).launcher).toBeVisible();
  await page.waitForTimeout(300);
  expect(chunks).toHaveLength(0);
  await widget(page).launcher.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(chunks).toHaveLength(1);
});

test('the messenger brings the strings of the customer language only, fetched beside the chunk', async ({ page, hostPage }) => {
  const strings: string[] = [];
  page.on('request', (r) => /\/messenger\.\w+\.js$/.test(r.url()) && strings.push(r.url().split('/').pop()!));
  // Hold the chunk back: the strings are asked for while it is still on its way, not after it.
  let chunkArrived = false;
  let stringsBeforeChunk = false;
  page.on('requestfinished', (r) => r.url().endsWith('/messenger.js') && (chunkArrived = true));
  page.on('request', (r) => r.url().endsWith('/messenger.ko.js') && (stringsBeforeChunk = !chunkArrived));
  await page.route(/\/messenger\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await hostPage({ afterSnippet: bootCall({ language: 'ko' }) });
  await expect(widget(page).launcher).toHaveAccessibleName('채팅 열기');
  await widget(page).launcher.click();
  await expect(page.getByRole('dialog').getByRole('button', { name: '새 문의하기' })).toBeFocused();
  expect(strings).toEqual(['messenger.ko.js']);
  expect(stringsBeforeChunk).toBe(true);
});

test('a customer chats with a manager and sees the reply arrive live', async ({ page, hostPage, api }) => {
  await hostPage();
  await widget(page).launcher.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'New chat' }).click();
  const composer = dialog.getByRole('textbox', { name: 'Message' });
  await composer.fill('Hello, does the linen shirt run large?');
  await composer.press('Enter');
  await expect(dialog.getByRole('log')).toContainText('Hello, does the linen shirt run large?');

  const chatId = await api.chatWith('Hello, does the linen shirt run large?');
  const stored = await api.chat(chatId);
  expect(stored.messages.map((m) => [m.author, m.text])).toEqual([['customer', 'Hello, does the linen shirt run large?']]);

  await api.reply(chatId, 'It runs true to size. See https://example.com/sizes');
  await expect(dialog.getByRole('log')).toContainText('It runs true to size.');
  await expect(dialog.getByRole('link', { name: 'https://example.com/sizes' })).toHaveAttribute('href', 'https://example.com/sizes');
  await expect(page.getByRole('status').filter({ hasText: 'It runs true to size' })).toHaveCount(1);
});

test('a reply while the messenger is closed raises the badge and onBadgeChanged', async ({ page, hostPage, api }) => {
  await hostPage({
    afterSnippet: `window.badges = []; ChannelIO('onBadgeChanged', (u, a) => window.badges.push([u, a]));
      ChannelIO('boot', { pluginKey: 'e2e-plugin-key' });`,
  });
  const { launcher } = widget(page);
  await launcher.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'New chat' }).click();
  await dialog.getByRole('textbox', { name: 'Message' }).fill('Where is my order?');
  await dialog.getByRole('textbox', { name: 'Message' }).press('Enter');
  const chatId = await api.chatWith('Where is my order?');
  await launcher.click();
  await expect(dialog).toBeHidden();
  await api.reply(chatId, 'It ships today.');
  await expect(launcher.locator('.badge')).toHaveText('1');
  await expect(launcher).toHaveAccessibleName('Open chat, 1 unread message');
  expect(await page.evaluate(() => (window as unknown as { badges: number[][] }).badges.at(-1))).toEqual([1, 1]);
  await launcher.click();
  await dialog.getByText('It ships today.').first().click();
  await expect(launcher.locator('.badge')).toBeHidden();
});

test('openChat with a message opens a new chat with the text in the composer', async ({ page, hostPage }) => {
  await hostPage({
    afterSnippet: `ChannelIO('boot', { pluginKey: 'e2e-plugin-key' }, () => ChannelIO('openChat', undefined, 'I need help with order A-1009'));`,
  });
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Message' })).toHaveValue('I need help with order A-1009');
});

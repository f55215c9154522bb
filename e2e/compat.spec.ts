import { expect, PLUGIN_KEY, test, widget } from './fixtures';

// Channel Talk integrations as real sites write them, with only the script URL changed.

/** Starts a chat from the launcher with `text` as its first message and waits for it to be stored. */
async function startChat(page: import('@playwright/test').Page, text: string) {
  await widget(page).launcher.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'New chat' }).click();
  const composer = dialog.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  await expect(dialog.getByRole('log')).toContainText(text);
}

test("a logged-out visitor's boot (memberId '', undefined profile values, language 'en-US') shows the widget and chats", async ({ page, hostPage, api }) => {
  await hostPage({
    afterSnippet: `
      var user = { id: '', name: undefined };
      ChannelIO('boot', {
        pluginKey: '${PLUGIN_KEY}',
        memberId: user.id,
        memberHash: null,
        profile: { name: user.name, email: undefined, likes: ['linen', 'wool'] },
        language: 'en-US',
        unsubscribe: true,
        hidePopup: false,
      }, function (error, user) { window.booted = { error: error && error.message, user: user }; });`,
  });
  await expect(widget(page).launcher).toHaveAccessibleName('Open chat');
  const booted = await page.evaluate(() => (window as unknown as { booted: { error: string | null; user: Record<string, unknown> } }).booted);
  expect(booted.error).toBeNull();
  expect(booted.user).toMatchObject({ memberId: '', language: 'en', profile: { likes: ['linen', 'wool'] }, unsubscribeEmail: true, unsubscribeTexting: true, alert: 0, unread: 0 });
  await startChat(page, 'Visitor asks about linen');
  const chatId = await api.chatWith('Visitor asks about linen');
  expect((await api.chat(chatId)).chat.profile['source.page']).toMatch(/^http:\/\/localhost:\d+\/host\.html$/);
});

test('a numeric memberId boots that member and chats', async ({ page, hostPage, api }) => {
  await hostPage({ afterSnippet: `ChannelIO('boot', { pluginKey: '${PLUGIN_KEY}', memberId: 1042, language: 'ko-KR' });` });
  await expect(widget(page).launcher).toHaveAccessibleName('채팅 열기');
  await widget(page).launcher.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '새 문의하기' }).click();
  await dialog.getByRole('textbox').fill('Member 1042 here');
  await dialog.getByRole('textbox').press('Enter');
  const chatId = await api.chatWith('Member 1042 here');
  const chats = await api.chats();
  expect(chats.find((c) => c.id === chatId)).toMatchObject({ user: { memberId: '1042' } });
});

test('an unknown plugin key reaches the boot callback as a sentence that names it', async ({ page, hostPage }) => {
  await hostPage({
    afterSnippet: `ChannelIO('boot', { pluginKey: 'no-such-key' }, function (error) { window.bootError = error && error.message; });`,
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { bootError?: string }).bootError)).toBe(
    'boot: pluginKey: no channel has this plugin key (no-such-key)',
  );
});

test.describe('previews of new messages', () => {
  const preview = (page: import('@playwright/test').Page) => page.locator('sangdam-widget .pop');

  test('a manager reply while the messenger is closed shows a preview that opens the chat', async ({ page, hostPage, api }) => {
    await hostPage();
    await startChat(page, 'Is the wool one warm?');
    const chatId = await api.chatWith('Is the wool one warm?');
    await widget(page).launcher.click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await api.reply(chatId, 'Very warm, and <b>soft</b>.');
    await expect(preview(page)).toBeVisible();
    await expect(preview(page)).toContainText('Very warm, and <b>soft</b>.');
    await expect(page.locator('sangdam-widget [aria-live=polite]').filter({ hasText: 'New message from' })).toHaveCount(1);
    await preview(page).getByRole('button', { name: /Very warm/ }).click();
    await expect(page.getByRole('dialog').getByRole('log')).toContainText('Very warm');
    await expect(preview(page)).toBeHidden();
  });

  test('with hidePopup the reply raises the badge and shows no preview', async ({ page, hostPage, api }) => {
    const chunks: string[] = [];
    page.on('request', (r) => r.url().endsWith('/popup.js') && chunks.push(r.url()));
    await hostPage({ afterSnippet: `ChannelIO('boot', { pluginKey: '${PLUGIN_KEY}', hidePopup: true });` });
    await startChat(page, 'No popups please');
    const chatId = await api.chatWith('No popups please');
    await widget(page).launcher.click();
    await api.reply(chatId, 'Noted.');
    await expect(widget(page).launcher.locator('.badge')).toHaveText('1');
    await page.waitForTimeout(300);
    await expect(preview(page)).toHaveCount(0);
    expect(chunks).toEqual([]);
  });
});

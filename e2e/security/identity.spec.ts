import { expect, test, widget } from '../fixtures';
import { bootCall, openTestPage } from '../pages';

const MEMBER = { memberId: 'customer-1001', profile: { name: 'Mina Park' } };

test('two browsers booting with the same memberId and no member secret do not see each other’s chats', async ({ page, browser, site, server, api }) => {
  // The first browser: the real customer, who writes a chat.
  await openTestPage(page, site, server.url, { afterSnippet: bootCall(MEMBER) });
  await widget(page).launcher.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'New chat' }).click();
  const composer = dialog.getByRole('textbox', { name: 'Message' });
  await composer.fill('My card ends in 4242');
  await composer.press('Enter');
  await expect(dialog.getByRole('log')).toContainText('My card ends in 4242');
  const chatId = await api.chatWith('My card ends in 4242');

  // The second browser claims the same memberId: it is a fresh visitor.
  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    const calls: string[] = [];
    other.on('request', (request) => calls.push(new URL(request.url()).pathname));
    await openTestPage(other, site, server.url, { afterSnippet: bootCall({ memberId: 'customer-1001' }) });
    await widget(other).launcher.click();
    const otherDialog = other.getByRole('dialog');
    await expect(otherDialog).toBeVisible();
    await expect(otherDialog.getByRole('button', { name: 'New chat' })).toBeVisible();
    await expect(otherDialog).not.toContainText('My card ends in 4242');
    const seen = await other.evaluate(
      () => new Promise<{ id: string; memberId: string; name?: string }>((resolve) => (window as any).ChannelIO('boot', { pluginKey: 'e2e-plugin-key', memberId: 'customer-1001' }, (_e: unknown, user: any) => resolve(user))),
    );
    expect(seen.memberId).toBe('customer-1001');
    expect(seen.name).toBeUndefined();
    expect(calls.some((path) => path.endsWith(`/chats/${chatId}`))).toBe(false);
  } finally {
    await context.close();
  }
  const stored = await api.chat(chatId);
  expect(stored.messages.map((m) => m.text)).toEqual(['My card ends in 4242']);
});

test('shutdown after a member boot ends the session: the old token gets 401', async ({ page, hostPage, server }) => {
  await hostPage({ afterSnippet: bootCall(MEMBER) });
  await expect(widget(page).launcher).toBeVisible();
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('sangdam:e2e-plugin-key:session')!).token as string);
  const chats = () => fetch(`${server.url}/api/widget/e2e-plugin-key/chats`, { headers: { authorization: `Bearer ${token}` } });
  expect((await chats()).status).toBe(200);
  const ended = page.waitForResponse((response) => response.request().method() === 'DELETE' && response.url().endsWith('/session'));
  await page.evaluate(() => (window as any).ChannelIO('shutdown'));
  expect((await ended).status()).toBe(204);
  await expect(widget(page).host).toHaveCount(0);
  const after = await chats();
  expect(after.status).toBe(401);
  expect((await after.json()).error.code).toBe('invalid_token');
  expect(await page.evaluate(() => localStorage.getItem('sangdam:e2e-plugin-key:session'))).toBeNull();
});

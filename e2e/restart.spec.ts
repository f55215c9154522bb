import { expect, test, widget } from './fixtures';

test('messages written while the server restarts all arrive, each exactly once', async ({ page, hostPage, server, api }) => {
  await hostPage();
  await widget(page).launcher.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'New chat' }).click();
  const composer = dialog.getByRole('textbox', { name: 'Message' });
  await composer.fill('restart-1');
  await composer.press('Enter');
  const chatId = await api.chatWith('restart-1');

  await server.stop();
  for (const text of ['restart-2', 'restart-3', 'restart-4']) {
    await composer.fill(text);
    await composer.press('Enter');
  }
  await expect(dialog.getByRole('log')).toContainText('restart-4');
  await page.waitForTimeout(1500); // let the outbox fail and back off at least once
  await server.restart();

  await expect
    .poll(async () => (await api.chat(chatId)).messages.map((m) => m.text), { timeout: 40_000 })
    .toEqual(['restart-1', 'restart-2', 'restart-3', 'restart-4']);

  // The realtime connection resumed too: a reply after the restart shows up live.
  await api.reply(chatId, 'Back online, all four received.');
  await expect(dialog.getByRole('log')).toContainText('Back online, all four received.');
  await expect(dialog.getByRole('log').getByText('restart-3', { exact: true })).toHaveCount(1);
});

test('a manager reply sent while the customer was disconnected is delivered once on reconnect', async ({ page, hostPage, server, api }) => {
  await hostPage();
  await widget(page).launcher.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'New chat' }).click();
  await dialog.getByRole('textbox', { name: 'Message' }).fill('resume-check');
  await dialog.getByRole('textbox', { name: 'Message' }).press('Enter');
  const chatId = await api.chatWith('resume-check');

  await page.context().setOffline(true);
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  await server.stop();
  await server.restart();
  await api.reply(chatId, 'missed-while-away');
  await page.context().setOffline(false);
  await expect(dialog.getByRole('log')).toContainText('missed-while-away', { timeout: 40_000 });
  await expect(dialog.getByRole('log').getByText('missed-while-away')).toHaveCount(1);
});

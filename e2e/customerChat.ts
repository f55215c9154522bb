import type { Browser } from '@playwright/test';
import { widget } from './fixtures';
import type { HostSite } from './hostSite';
import { openTestPage, type TestPageOptions } from './pages';
import type { RunningServer } from './server';

/**
 * A fresh customer (own browser context) opens the messenger on `options`' page and starts a chat
 * with `text`; resolves once the Manager API lists it.
 */
export async function customerChat(browser: Browser, site: HostSite, server: RunningServer, api: { chatWith(t: string): Promise<string> }, text: string, options: TestPageOptions = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openTestPage(page, site, server.url, options);
  await widget(page).launcher.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'New chat' }).click();
  await dialog.getByRole('textbox', { name: 'Message' }).fill(text);
  await dialog.getByRole('textbox', { name: 'Message' }).press('Enter');
  const chatId = await api.chatWith(text);
  return { page, context, chatId, dialog };
}

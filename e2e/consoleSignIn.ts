import type { Page } from '@playwright/test';
import { expect, MANAGER_TOKEN } from './fixtures';
import type { RunningServer } from './server';

/** Signs in to the console with the manager token and waits for the inbox. */
export async function signIn(page: Page, server: RunningServer): Promise<void> {
  await page.goto(server.url + '/console');
  await page.getByLabel('Manager token').fill(MANAGER_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
}

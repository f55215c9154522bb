import AxeBuilder from '@axe-core/playwright';
import type { Browser } from '@playwright/test';
import { DEFAULT_CSAT_SETTINGS } from '../src/shared/csat/settings';
import { expect, manager, test } from './fixtures';
import type { HostSite } from './hostSite';
import { customerChat } from './customerChat';
import type { TestPageOptions } from './pages';
import type { RunningServer } from './server';

const QUESTION = DEFAULT_CSAT_SETTINGS.questions.en;
const PRODUCT_PAGE = {
  head: '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Linen shirt","sku":"LS-042"}</script>',
};

const configure = (server: RunningServer, settings: Record<string, unknown>) =>
  manager(server, 'PUT', '/csat-settings', { ...DEFAULT_CSAT_SETTINGS, enabled: true, ...settings });

// The server is shared by the specs of a worker: leave the rule as it was found, not required.
test.afterEach(async ({ server }) => {
  await manager(server, 'PUT', '/csat-settings', DEFAULT_CSAT_SETTINGS);
});

/** A fresh customer (own browser context) starts a chat on `options`' page; the manager closes it. */
async function closedChat(browser: Browser, site: HostSite, server: RunningServer, api: { chatWith(t: string): Promise<string>; close(id: string): Promise<unknown> }, text: string, options: TestPageOptions = {}) {
  const chat = await customerChat(browser, site, server, api, text, options);
  await api.close(chat.chatId);
  return chat;
}

const profileOf = async (server: RunningServer, chatId: string) =>
  ((await manager(server, 'GET', `/chats/${chatId}`)) as { chat: { profile: Record<string, unknown> } }).chat.profile;

test("a survey question holding {{profile.productName}} shows the chat's product in the widget", async ({ browser, site, server, api }) => {
  await configure(server, { questions: { ...DEFAULT_CSAT_SETTINGS.questions, en: 'How did you like {{profile.productName|your order}}?' } });
  const { page, context, dialog } = await closedChat(browser, site, server, api, `product survey ${Date.now()}`, PRODUCT_PAGE);
  await expect(page.getByRole('radiogroup', { name: 'How did you like Linen shirt?' })).toBeVisible();
  await expect(dialog).not.toContainText('{{');
  await context.close();
});

test('a required survey replaces the composer; the customer answers it by keyboard alone, then writes again', async ({ browser, site, server, api }) => {
  await configure(server, { scale: 5, required: true, comment: true, commentRequired: true });
  const { page, context, chatId, dialog } = await closedChat(browser, site, server, api, `required survey ${Date.now()}`);
  const composer = dialog.getByRole('textbox', { name: 'Message' });
  const group = page.getByRole('radiogroup', { name: QUESTION });
  await expect(group.getByRole('radio')).toHaveCount(5);
  await expect(composer).toHaveCount(0);
  await expect(dialog).toContainText('Please answer the survey above to keep writing.');
  await expect(group.getByRole('radio').first()).toBeFocused(); // the form took the focus
  expect((await new AxeBuilder({ page }).include('sangdam-widget').analyze()).violations).toEqual([]);

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(group.getByRole('radio', { name: 'Neutral', exact: true })).toBeFocused();
  expect((await profileOf(server, chatId))['profile.csat']).toBeUndefined(); // arrows never submit
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await profileOf(server, chatId))['profile.csat']).toBe(3);
  await expect(composer).toHaveCount(0); // the comment is required too

  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'Comment (required)' })).toBeFocused();
  await page.keyboard.type('Answered with the keyboard');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Send', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await profileOf(server, chatId))['profile.csatComment']).toBe('Answered with the keyboard');

  await expect(composer).toBeFocused();
  await expect(dialog).toContainText('Your answer: Neutral');
  await expect(dialog).toContainText('Answered with the keyboard');
  const text = `after the survey ${Date.now()}`;
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  expect(await api.chatWith(text)).toBe(chatId);
  await context.close();
});

test('a face tapped and left without the comment keeps its score, stored once', async ({ browser, site, server, api }) => {
  await configure(server, { scale: 5, comment: true });
  const { page, context, chatId, dialog } = await closedChat(browser, site, server, api, `tap and leave ${Date.now()}`);
  const group = page.getByRole('radiogroup', { name: QUESTION });
  await group.getByRole('radio', { name: 'Satisfied', exact: true }).click();
  await expect(dialog.getByRole('textbox', { name: 'Comment (optional)' })).toBeVisible();
  await expect.poll(async () => (await profileOf(server, chatId))['profile.csat']).toBe(4);
  await page.reload(); // left without sending the comment
  await expect.poll(async () => (await profileOf(server, chatId))['profile.csat']).toBe(4);
  await page.waitForFunction(() => document.querySelector('sangdam-widget'));
  await page.evaluate((id) => (window as unknown as { ChannelIO(...a: unknown[]): void }).ChannelIO('openChat', id), chatId);
  await expect(dialog).toContainText('Your answer: Satisfied');
  await context.close();
  const { chat, messages } = (await manager(server, 'GET', `/chats/${chatId}`)) as {
    chat: { profile: Record<string, unknown> };
    messages: { form?: { answer: { score: number; comment: string | null } | null } }[];
  };
  expect(chat.profile['profile.csat']).toBe(4);
  expect(chat.profile).not.toHaveProperty('profile.csatComment');
  expect(messages.filter((m) => m.form).map((m) => m.form!.answer)).toEqual([expect.objectContaining({ score: 4, comment: null })]);
});

test('a skipped survey is recorded and stays skipped after a reload, in the widget and on the customer link', async ({ browser, site, server, api, page: linkPage }) => {
  await configure(server, { scale: 3, required: false });
  const { page, context, chatId, dialog } = await closedChat(browser, site, server, api, `skip ${Date.now()}`);
  await dialog.getByRole('button', { name: 'Skip' }).click();
  await expect(dialog).toContainText('You skipped this survey.');
  await expect.poll(async () => ((await manager(server, 'GET', '/csat-stats')) as { overall: { declined: number } }).overall.declined).toBeGreaterThan(0);
  await page.reload();
  await page.waitForFunction(() => document.querySelector('sangdam-widget'));
  await page.evaluate((id) => (window as unknown as { ChannelIO(...a: unknown[]): void }).ChannelIO('openChat', id), chatId);
  await expect(dialog).toContainText('You skipped this survey.');
  await expect(page.getByRole('radiogroup')).toHaveCount(0);
  await context.close();

  const { csatLink } = (await manager(server, 'GET', `/chats/${chatId}`)) as { csatLink: string };
  await linkPage.goto(csatLink);
  await expect(linkPage.getByRole('main')).toContainText('You skipped this survey.');
});

test('the customer link stores the score at the tap and adds the comment sent afterwards', async ({ browser, site, server, api, page: linkPage }) => {
  await configure(server, { scale: 3, comment: true });
  const { context, chatId } = await closedChat(browser, site, server, api, `link steps ${Date.now()}`);
  await context.close();
  const { csatLink } = (await manager(server, 'GET', `/chats/${chatId}`)) as { csatLink: string };
  await linkPage.goto(csatLink);
  await linkPage.getByRole('radiogroup').getByRole('radio', { name: 'Very satisfied', exact: true }).click();
  await expect.poll(async () => (await profileOf(server, chatId))['profile.csat']).toBe(5);
  await linkPage.getByRole('textbox', { name: 'Comment (optional)' }).fill('Sent from the link');
  await linkPage.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(async () => (await profileOf(server, chatId))['profile.csatComment']).toBe('Sent from the link');
  await expect(linkPage.getByRole('main')).toContainText('Your answer: Very satisfied');
  await expect(linkPage.getByRole('main')).toContainText('Sent from the link');
  const { messages } = (await manager(server, 'GET', `/chats/${chatId}`)) as { messages: { form?: { answer: unknown } }[] };
  expect(messages.filter((m) => m.form).map((m) => m.form!.answer)).toEqual([expect.objectContaining({ score: 5, comment: 'Sent from the link' })]);
});

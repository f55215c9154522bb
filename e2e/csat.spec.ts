import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { scaleOptions, scaleScores, type Scale } from '../src/shared/csat/scale';
import { expect, manager, test, widget } from './fixtures';
import { customerChat } from './customerChat';
import { openTestPage } from './pages';
import type { RunningServer } from './server';

const QUESTION = 'How satisfied were you with this conversation?';

const configure = (server: RunningServer, settings: Record<string, unknown>) =>
  manager(server, 'PUT', '/csat-settings', { enabled: true, required: false, comment: false, filters: { profile: [], includeTags: [], excludeTags: [], operatingHours: 'any' }, ...settings });

const survey = (page: Page) => page.getByRole('radiogroup', { name: QUESTION });
const storedScore = async (server: RunningServer, chatId: string) => ((await manager(server, 'GET', `/chats/${chatId}`)) as { chat: { profile: Record<string, unknown> } }).chat.profile['profile.csat'];

for (const scale of [2, 3, 5] as Scale[]) {
  test(`every face of a ${scale}-point survey stores its score`, async ({ browser, site, server, api }) => {
    test.setTimeout(90_000);
    await configure(server, { scale });
    const options = scaleOptions(scale, 'en');
    for (let i = 0; i < options.length; i++) {
      const { page, context, chatId } = await customerChat(browser, site, server, api, `scale ${scale} option ${i} ${Date.now()}`);
      await api.close(chatId);
      await expect(survey(page).getByRole('radio')).toHaveCount(scale);
      await survey(page).getByRole('radio', { name: options[i].label, exact: true }).click();
      await expect.poll(() => storedScore(server, chatId)).toBe(scaleScores(scale)[i]);
      await expect(page.getByRole('dialog')).toContainText('Thank');
      await context.close();
    }
  });
}

test('the survey can be answered with the keyboard alone, with a comment', async ({ browser, site, server, api }) => {
  await configure(server, { scale: 5, comment: true });
  const { page, context, chatId } = await customerChat(browser, site, server, api, `keyboard ${Date.now()}`);
  await api.close(chatId);
  const first = survey(page).getByRole('radio').first();
  await expect(first).toBeVisible();
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(survey(page).getByRole('radio', { name: 'Satisfied', exact: true })).toBeFocused();
  expect(await storedScore(server, chatId)).toBeUndefined(); // arrows never submit
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: /comment/i })).toBeFocused();
  await page.keyboard.type('Quick and kind, thank you!');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => storedScore(server, chatId)).toBe(4);
  // The score is stored at the tap and the comment after it, in a request of its own: wait for both.
  const comment = async () => ((await manager(server, 'GET', `/chats/${chatId}`)) as { chat: { profile: Record<string, unknown> } }).chat.profile['profile.csatComment'];
  await expect.poll(comment).toBe('Quick and kind, thank you!');
  await context.close();
});

test('a chat tagged with an excluded tag gets no survey', async ({ browser, site, server, api }) => {
  await configure(server, { scale: 3, filters: { excludeTags: ['컴플레인'] } });
  const { page, context, chatId, dialog } = await customerChat(browser, site, server, api, `complaint ${Date.now()}`);
  await manager(server, 'PATCH', `/chats/${chatId}`, { tags: ['컴플레인'] });
  await api.close(chatId);
  await expect(dialog).toContainText(/closed/i);
  await page.waitForTimeout(500);
  await expect(survey(page)).toHaveCount(0);
  const { messages } = (await manager(server, 'GET', `/chats/${chatId}`)) as { messages: { form?: unknown }[] };
  expect(messages.some((m) => m.form)).toBe(false);
  await context.close();
});

test('an answer given while the server is down is stored exactly once after it comes back', async ({ browser, site, server, api }) => {
  await configure(server, { scale: 3 });
  const { page, context, chatId } = await customerChat(browser, site, server, api, `offline answer ${Date.now()}`);
  await api.close(chatId);
  await expect(survey(page).getByRole('radio')).toHaveCount(3);
  await server.stop();
  await survey(page).getByRole('radio', { name: 'Very satisfied', exact: true }).click();
  await page.waitForTimeout(1500);
  await server.restart();
  await expect.poll(() => storedScore(server, chatId), { timeout: 40_000 }).toBe(5);
  await expect(page.getByRole('dialog')).toContainText('Thank', { timeout: 40_000 });
  const { messages } = (await manager(server, 'GET', `/chats/${chatId}`)) as { messages: { form?: { answer: unknown } }[] };
  expect(messages.filter((m) => m.form).length).toBe(1);
  await context.close();
});

test('an answer followed by a reload before the acknowledgement is stored exactly once', async ({ browser, site, server, api }) => {
  await configure(server, { scale: 5 });
  const { page, context, chatId } = await customerChat(browser, site, server, api, `reload answer ${Date.now()}`);
  await api.close(chatId);
  await expect(survey(page).getByRole('radio')).toHaveCount(5);
  // The server stores every attempt it receives, but its answer never reaches the page.
  let attempts = 0;
  const handled: Promise<void>[] = [];
  await page.route('**/answer', (route) => {
    attempts++;
    const done = route.fetch().then(() => route.abort('connectionreset'), () => route.abort('connectionreset'));
    handled.push(done.catch(() => {}));
    return done;
  });
  await survey(page).getByRole('radio', { name: 'Dissatisfied', exact: true }).click();
  await expect.poll(() => attempts).toBeGreaterThan(0);
  await Promise.all(handled);
  await expect.poll(() => storedScore(server, chatId)).toBe(2); // stored, not acknowledged
  await page.unroute('**/answer');
  await page.reload();
  await expect.poll(() => storedScore(server, chatId), { timeout: 20_000 }).toBe(2);
  await page.waitForFunction(() => document.querySelector('sangdam-widget'));
  await page.evaluate((id) => (window as unknown as { ChannelIO(...a: unknown[]): void }).ChannelIO('openChat', id), chatId);
  await expect(page.getByRole('dialog')).toContainText('Thank', { timeout: 20_000 });
  const { messages } = (await manager(server, 'GET', `/chats/${chatId}`)) as { messages: { form?: { answer: { score: number } | null } }[] };
  expect(messages.filter((m) => m.form).map((m) => m.form!.answer && m.form!.answer.score)).toEqual([2]);
  await context.close();
});

test('the customer link opens the same survey on a page of the server and stores the answer', async ({ browser, site, server, api, page }) => {
  await configure(server, { scale: 3 });
  const customer = await customerChat(browser, site, server, api, `link answer ${Date.now()}`);
  await api.close(customer.chatId);
  const { csatLink } = (await manager(server, 'GET', `/chats/${customer.chatId}`)) as { csatLink: string };
  expect(csatLink).toMatch(new RegExp(`^${server.url}/csat/[A-Za-z0-9_-]{40,}$`));
  await customer.context.close();
  await page.goto(csatLink);
  await page.getByRole('radiogroup').getByRole('radio', { name: 'Neutral', exact: true }).click();
  await expect.poll(() => storedScore(server, customer.chatId)).toBe(3);
  await expect(page.getByRole('main')).toContainText('Thank');
});

test('axe finds no accessibility violation in the messenger and the open survey', async ({ browser, site, server, api }) => {
  await configure(server, { scale: 5, comment: true });
  const { page, context, chatId } = await customerChat(browser, site, server, api, `axe ${Date.now()}`);
  const scan = () => new AxeBuilder({ page }).include('sangdam-widget').analyze();
  expect((await scan()).violations).toEqual([]);
  await api.close(chatId);
  await expect(survey(page).getByRole('radio')).toHaveCount(5);
  await survey(page).getByRole('radio', { name: 'Satisfied', exact: true }).click();
  expect((await scan()).violations).toEqual([]);
  await context.close();
});

test('the survey form is downloaded only for a survey, and a failed download is retried without the host page noticing', async ({ browser, site, server, api }) => {
  await configure(server, { scale: 3 });
  const context = await browser.newContext();
  const page = await context.newPage();
  const hostErrors: string[] = [];
  page.on('pageerror', (error) => hostErrors.push(error.message));
  const surveyRequests: string[] = [];
  page.on('request', (r) => new URL(r.url()).pathname.endsWith('/survey.js') && surveyRequests.push(r.url()));
  // The messenger chunk then comes from messenger.js?retry=1: the form must still render with its Preact.
  let brokenMessenger = 1;
  await page.route('**/messenger.js', (route) => (brokenMessenger-- > 0 ? route.fulfill({ contentType: 'text/javascript', body: 'export const mount = ;' }) : route.fallback()));
  let failedSurvey = 1;
  await page.route('**/survey.js*', (route) => (failedSurvey-- > 0 ? route.abort('connectionreset') : route.fallback()));
  await openTestPage(page, site, server.url);
  await widget(page).launcher.click(); // the broken chunk fails to load
  await page.waitForTimeout(300);
  await widget(page).launcher.click(); // closes
  await widget(page).launcher.click(); // loads the chunk again
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'New chat' }).click();
  const text = `survey chunk ${Date.now()}`;
  await dialog.getByRole('textbox', { name: 'Message' }).fill(text);
  await dialog.getByRole('textbox', { name: 'Message' }).press('Enter');
  const chatId = await api.chatWith(text);
  await expect(dialog.getByText(text)).toBeVisible();
  expect(surveyRequests).toEqual([]);

  await api.close(chatId);
  await expect(dialog).toContainText(QUESTION); // the question shows while the form cannot
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(survey(page).getByRole('radio')).toHaveCount(3);
  expect(surveyRequests.map((url) => new URL(url).search)).toEqual(['', expect.stringMatching(/^\?retry=\d+$/)]);
  await survey(page).getByRole('radio', { name: 'Very satisfied', exact: true }).click();
  await expect.poll(() => storedScore(server, chatId)).toBe(5);
  await expect(dialog).toContainText('Thank');
  expect(hostErrors).toEqual([]);
  await context.close();
});

import type { Page, Request, Route } from '@playwright/test';
import { expect, test, widget } from './fixtures';

const CREATE = '**/api/widget/*/chats';
const composer = (page: Page) => page.getByRole('dialog').getByRole('textbox', { name: 'Message' });

async function openNewChat(page: Page) {
  await widget(page).launcher.click();
  await page.getByRole('dialog').getByRole('button', { name: 'New chat' }).click();
}

/** Outbox entries the page still holds in localStorage (drafts aside). */
const waiting = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => /:outbox:[^:]*$/.test(key))
      .reduce((count, key) => count + (JSON.parse(localStorage.getItem(key)!) as unknown[]).length, 0),
  );

test('what the customer types while a new chat is being created is still in the composer when its thread opens', async ({ page, hostPage }) => {
  await hostPage();
  // The server answers the chat's creation 2 s late, and not before the customer has typed on.
  let typed!: () => void;
  const typing = new Promise<void>((resolve) => (typed = resolve));
  await page.route(CREATE, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    await Promise.all([new Promise((resolve) => setTimeout(resolve, 2000)), typing]);
    await route.fallback();
  });
  await openNewChat(page);
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && /\/chats$/.test(r.url()));
  await composer(page).fill('My parcel never came');
  await composer(page).press('Enter');
  await expect(page.getByRole('log')).toContainText('Sending…');
  await composer(page).pressSequentially('It was order A-1009');
  await composer(page).press('Enter'); // waits: it must not start a second chat
  typed();
  await created;
  await expect(page.getByRole('log')).not.toContainText('Sending…');
  await expect(page.getByRole('log')).toContainText('My parcel never came');
  await expect(composer(page)).toHaveValue('It was order A-1009');
  await expect(composer(page)).toBeFocused();
  await expect(page.getByRole('log')).not.toContainText('It was order A-1009');
});

test('the first message of a new chat is delivered exactly once after a reload before the server answered', async ({ page, hostPage, api }) => {
  const text = `sent before a reload ${Date.now()}`;
  await hostPage();
  // No request of this page that creates the chat reaches the server: the network drops them all.
  let blocking = true;
  const held: Request[] = [];
  await page.route(CREATE, (route: Route) => {
    if (route.request().method() !== 'POST' || !blocking) return route.fallback();
    held.push(route.request());
    return route.abort('connectionreset');
  });
  await openNewChat(page);
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await expect(page.getByRole('log')).toContainText('Sending…');
  await page.reload({ waitUntil: 'commit' });
  blocking = false; // the old document's requests are gone with it

  // The reloaded page sends it from its outbox without the messenger being opened.
  const chatId = await api.chatWith(text);
  await expect.poll(() => waiting(page)).toBe(0);
  // One of the dropped requests reaches the server after all, late: it makes no second chat.
  const { authorization } = await held[0].allHeaders();
  const late = await fetch(held[0].url(), { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: held[0].postData() });
  expect(late.status).toBeLessThan(300);
  expect((await late.json()).chat.id).toBe(chatId);
  expect((await api.chats()).filter((c) => c.lastMessage?.text === text)).toHaveLength(1);
  const { messages } = await api.chat(chatId);
  expect(messages.map((m) => [m.author, m.text])).toEqual([['customer', text]]);
});

test('a draft stays through a reload and goes once it is sent', async ({ page, hostPage, api }) => {
  const text = `drafted before a reload ${Date.now()}`;
  await hostPage();
  await openNewChat(page);
  await composer(page).pressSequentially(text);
  await page.reload();
  await openNewChat(page);
  await expect(composer(page)).toHaveValue(text);
  await composer(page).press('Enter');
  const chatId = await api.chatWith(text);
  await expect(page.getByRole('log')).not.toContainText('Sending…');
  await expect(composer(page)).toHaveValue('');
  await page.reload();
  await expect(widget(page).launcher).toBeVisible();
  await page.evaluate((id) => (window as unknown as { ChannelIO(...a: unknown[]): void }).ChannelIO('openChat', id), chatId);
  await expect(page.getByRole('log')).toContainText(text);
  await expect(composer(page)).toHaveValue('');
});

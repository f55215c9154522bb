/**
 * Statistics by product, seeded through the real server's APIs (widget API for chats carrying
 * productName, Manager API to close them, widget API to answer the surveys and track the goal).
 * The figures this spec asserts, per product, for the last 7 days (the names get a run suffix):
 *
 * | product     | chats | surveys sent | answered | response rate | average | achieved | not achieved | pending | goal rate |
 * | Linen shirt |     3 |            3 |        2 |         66.7% |       4 |        1 |            0 |       2 |      100% |
 * | Wool scarf  |     1 |            1 |        1 |          100% |       4 |        0 |            0 |       1 |         — |
 *
 * Choosing "Linen shirt" opens the inbox listing exactly its three chats.
 */
import type { Page } from '@playwright/test';
import { expect, manager, PLUGIN_KEY, test } from './fixtures';
import { signIn } from './consoleSignIn';
import type { RunningServer } from './server';

async function widgetCall(server: RunningServer, method: string, path: string, body: unknown, token?: string): Promise<any> {
  const response = await fetch(`${server.url}/api/widget/${PLUGIN_KEY}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
  return response.status === 204 ? undefined : response.json();
}

let seq = 0;
/** A customer's chat about `productName`: closed with its survey answered `score` (or left), the goal tracked when asked. */
async function seedChat(server: RunningServer, productName: string, { score, purchase = false }: { score?: number; purchase?: boolean }) {
  const { token } = await widgetCall(server, 'POST', '/boot', { language: 'en' });
  const id = `stats-e2e-${Date.now()}-${++seq}`;
  const created = await widgetCall(server, 'POST', '/chats', { clientId: id, message: { text: `About ${productName} #${seq}`, clientId: `${id}-m` }, profile: { productName } }, token);
  const chatId = created.chat.id as string;
  if (purchase) await widgetCall(server, 'POST', '/events', { name: 'StatsPurchase' }, token);
  await manager(server, 'POST', `/chats/${chatId}/close`);
  const { messages } = await manager(server, 'GET', `/chats/${chatId}`);
  const survey = messages.find((m: { form?: unknown }) => m.form);
  expect(survey, 'the survey was posted').toBeTruthy();
  if (score !== undefined) await widgetCall(server, 'POST', `/chats/${chatId}/messages/${survey.id}/answer`, { answerId: `${id}-a`, score }, token);
  return chatId;
}

const cells = (page: Page, product: string) =>
  page.locator('table.breakdown tbody tr').filter({ has: page.getByRole('rowheader', { name: `Show the chats of ${product}`, exact: true }) }).locator('td');

test('statistics by product show each product’s figures, and a product opens the inbox with exactly its chats', async ({ page, server }) => {
  const run = Date.now().toString(36);
  const shirt = `Linen shirt ${run}`;
  const scarf = `Wool scarf ${run}`;
  await manager(server, 'PUT', '/csat-settings', { enabled: true, scale: 5, comment: false, required: false, filters: { profile: [], includeTags: [], excludeTags: [], operatingHours: 'any' } });
  await manager(server, 'PUT', '/goal', { eventName: 'StatsPurchase', windowDays: 7 });
  try {
    const shirtChats = [
      await seedChat(server, shirt, { score: 5, purchase: true }),
      await seedChat(server, shirt, { score: 3 }),
      await seedChat(server, shirt, {}),
    ];
    await seedChat(server, scarf, { score: 4 });

    await signIn(page, server);
    await page.getByRole('link', { name: 'Statistics', exact: true }).click();
    await page.getByRole('combobox', { name: 'Range' }).selectOption('last7');
    await page.getByRole('combobox', { name: 'Group by' }).selectOption('product');
    await expect(cells(page, shirt)).toHaveText(['3', '3', '2', '66.7%', '4', '1', '0', '2', '100%']);
    await expect(cells(page, scarf)).toHaveText(['1', '1', '1', '100%', '4', '0', '0', '1', '—']);

    await page.getByRole('link', { name: `Show the chats of ${shirt}` }).click();
    await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Filters from statistics' })).toContainText(`Product: ${shirt}`);
    const items = page.locator('a.chat-item');
    await expect(items).toHaveCount(3);
    const listed = await items.evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href')!.split('?')[0].split('/').pop()!)));
    expect(listed.sort()).toEqual([...shirtChats].sort());

    // Removing the product chip widens the list again.
    await page.getByRole('button', { name: `Remove filter Product: ${shirt}` }).click();
    await expect(page.getByRole('list', { name: 'Filters from statistics' })).not.toContainText('Product:');
    await expect.poll(() => items.count()).toBeGreaterThan(3);
  } finally {
    await manager(server, 'PUT', '/goal', { eventName: null });
    await manager(server, 'PUT', '/csat-settings', { enabled: false });
  }
});

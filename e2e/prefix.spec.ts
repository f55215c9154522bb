import type { Page } from '@playwright/test';
import { expect, manager, MANAGER_TOKEN, test as base, widget } from './fixtures';
import { openTestPage } from './pages';
import { startPrefixProxy, type PrefixProxy } from './prefixProxy';
import { startServer } from './server';

// The server behind a reverse proxy at <proxy>/chat/, which strips the prefix; PUBLIC_URL says
// where customers reach it, as the README's deployment section sets it.
const test = base.extend<{}, { prefixProxy: PrefixProxy }>({
  prefixProxy: [
    async ({}, use) => {
      const proxy = await startPrefixProxy('/chat');
      await use(proxy);
      await proxy.close();
    },
    { scope: 'worker' },
  ],
  workerServer: [
    async ({ prefixProxy: proxy }, use) => {
      const server = await startServer({ PUBLIC_URL: proxy.base });
      proxy.forwardTo(server.url);
      await use(server);
      await server.dispose();
    },
    { scope: 'worker' },
  ],
});

/** Every URL a page asks for over the network (requests and WebSockets), from now on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  page.on('websocket', (socket) => urls.push(socket.url()));
  return urls;
}

/** Asserts that every URL is the host site's own or under the proxy's prefix (ws: as http:). */
function expectInsidePrefix(urls: string[], proxy: PrefixProxy, hostOrigin?: string) {
  const outside = urls.filter((url) => !(hostOrigin && url.startsWith(hostOrigin + '/')) && !url.replace(/^ws/, 'http').startsWith(proxy.base + '/'));
  expect(outside, 'requests outside the prefix').toEqual([]);
  // Besides the browser's own favicon probe at the origin's root, which no page asks for.
  const strays = proxy.seen.filter((path) => !path.startsWith('/chat') && path !== '/favicon.ico');
  expect(strays, 'paths the proxy saw outside the prefix').toEqual([]);
}

const FAST_SETTINGS = { enabled: true, scale: 3, required: false, comment: false, filters: { profile: [], includeTags: [], excludeTags: [], operatingHours: 'any' } };

test('a customer on another origin chats through the prefix, and the console and the survey link work under it', async ({ browser, site, server, prefixProxy: proxy, api }) => {
  await manager(server, 'PUT', '/csat-settings', FAST_SETTINGS);
  const customer = await (await browser.newContext()).newPage();
  const customerUrls = recordRequests(customer);
  await openTestPage(customer, site, proxy.base);
  await widget(customer).launcher.click();
  const messenger = customer.getByRole('dialog');
  await messenger.getByRole('button', { name: 'New chat' }).click();
  const text = `prefix chat ${Date.now()}`;
  await messenger.getByRole('textbox', { name: 'Message' }).fill(text);
  await messenger.getByRole('textbox', { name: 'Message' }).press('Enter');
  const chatId = await api.chatWith(text);

  // The console, opened at /console/ as a manager might type it, lands on /console.
  const console = await (await browser.newContext()).newPage();
  const consoleUrls = recordRequests(console);
  await console.goto(proxy.base + '/console/');
  await expect(console).toHaveURL(proxy.base + '/console');
  await console.getByLabel('Manager token').fill(MANAGER_TOKEN);
  await console.getByRole('button', { name: 'Sign in' }).click();
  await console.getByRole('link', { name: new RegExp(text) }).click();
  await expect(console.locator('main').getByText(text).first()).toBeVisible();
  await console.getByRole('textbox', { name: 'Reply' }).fill('Answered under the prefix');
  await console.getByRole('textbox', { name: 'Reply' }).press('Enter');
  // Live both ways: the reply reaches the widget, the customer's next message the console.
  await expect(messenger.getByRole('log')).toContainText('Answered under the prefix');
  await messenger.getByRole('textbox', { name: 'Message' }).fill(`${text} again`);
  await messenger.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(console.locator('main').getByText(`${text} again`).first()).toBeVisible();

  await console.getByRole('button', { name: 'Close chat' }).click();
  // The click returns before the close has reached the server: wait for the link it creates.
  const linkOf = async () => ((await manager(server, 'GET', `/chats/${chatId}`)) as { csatLink: string | null }).csatLink;
  await expect.poll(linkOf).not.toBeNull();
  const csatLink = (await linkOf()) as string;
  expect(csatLink).toMatch(new RegExp(`^${proxy.base}/csat/[A-Za-z0-9_-]{43}$`));
  const link = await (await browser.newContext()).newPage();
  const linkUrls = recordRequests(link);
  await link.goto(csatLink);
  await link.getByRole('radiogroup').getByRole('radio', { name: 'Neutral', exact: true }).click();
  await expect(link.getByRole('main')).toContainText('Thank');

  // Each page did reach the server, and only through the prefix.
  const reached = (urls: string[], part: string) => expect(urls.some((url) => url.includes(part)), part).toBe(true);
  for (const part of ['/chat/sdk.js', '/chat/messenger.js', '/chat/api/widget/', 'ws://127.0.0.1']) reached(customerUrls, part);
  for (const part of ['/chat/console.js', '/chat/api/manager/', '/chat/api/realtime']) reached(consoleUrls, part);
  for (const part of ['/chat/csat-page.js', '/chat/api/csat/']) reached(linkUrls, part);
  expectInsidePrefix(customerUrls, proxy, site.origin);
  expectInsidePrefix(consoleUrls, proxy);
  expectInsidePrefix(linkUrls, proxy);
  for (const page of [customer, console, link]) await page.context().close();
});

// `server` starts the server behind the proxy.
test('the demo shop and its pages work under the prefix', async ({ page, server: _server, prefixProxy: proxy }) => {
  const urls = recordRequests(page);
  await page.goto(proxy.base + '/');
  await expect(widget(page).launcher).toBeVisible();
  await page.getByRole('link', { name: 'Single-page shop' }).click();
  await expect(page).toHaveURL(proxy.base + '/examples/spa.html');
  await expect(widget(page).launcher).toBeVisible();
  await page.getByRole('link', { name: 'Linen shirt' }).click();
  await widget(page).launcher.click();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'New chat' })).toBeVisible();
  expect(urls.filter((url) => url.endsWith('/chat/sdk.js')).length).toBe(2);
  expectInsidePrefix(urls, proxy);
});

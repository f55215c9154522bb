import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, PLUGIN_KEY, test, widget } from './fixtures';
import type { HostSite } from './hostSite';

// Pages that load the SDK from npm-style ES modules rather than the script tag: Channel Talk's
// official loader beside Sangdam's snippet, and this package's own build with loadScript().

/** The snippet a site owner pastes (dist/snippet.js), pointing at the server's sdk.js. */
const snippet = (serverUrl: string) => readFileSync('dist/snippet.js', 'utf8').replace('__SDK_URL__', `${serverUrl}/sdk.js`);

/** The package's dependencies, resolved for the browser the way an app's bundler would. */
const IMPORT_MAP = JSON.stringify({
  imports: {
    preact: '/modules/preact/dist/preact.mjs',
    'preact/hooks': '/modules/preact/hooks/dist/hooks.mjs',
    'preact/jsx-runtime': '/modules/preact/jsx-runtime/dist/jsxRuntime.mjs',
    '@preact/signals': '/modules/@preact/signals/dist/signals.module.js',
    '@preact/signals-core': '/modules/@preact/signals-core/dist/signals-core.module.js',
    nanoid: '/modules/nanoid/index.browser.js',
  },
});

function servePage(site: HostSite, path: string, head: string, module: string): string {
  site.serveDir('/loader/', 'node_modules/@channel.io/channel-web-sdk-loader/dist');
  site.serveDir('/sangdam/', 'dist/esm');
  site.serveDir('/modules/', 'node_modules');
  return site.serve(path, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${head}</head>
<body><main><h1>Shop</h1><button id="help">Help</button></main>
<script type="module">${module}</script></body></html>`);
}

/** The boot callback's outcome, as the page recorded it in `window.booted`. */
const booted = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { booted?: unknown }).booted).then((handle) => handle.jsonValue() as Promise<{ error: string | null; user: { id: string; alert: number } | null }>);

/** Starts a chat in the open messenger and answers it as a manager; the reply must arrive live. */
async function chatAndGetReply(page: Page, api: { chatWith(text: string): Promise<string>; reply(id: string, text: string): Promise<unknown> }, text: string) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'New chat' }).click();
  const composer = dialog.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  await expect(dialog.getByRole('log')).toContainText(text);
  const chatId = await api.chatWith(text);
  await api.reply(chatId, `Answer to: ${text}`);
  await expect(dialog.getByRole('log')).toContainText(`Answer to: ${text}`);
  return chatId;
}

test("Channel Talk's official npm loader drives Sangdam's snippet: boots, chats, hears the reply and the badge", async ({ page, site, server, api }) => {
  const url = servePage(
    site,
    '/official-loader.html',
    `<script>${snippet(server.url)}</script>`,
    `import * as ChannelService from '/loader/index.esm.mjs';
    ChannelService.loadScript();
    window.badges = [];
    ChannelService.onBadgeChanged((unread, alert) => window.badges.push([unread, alert]));
    ChannelService.boot(
      { pluginKey: '${PLUGIN_KEY}', profile: { name: 'Kim Minji', mobileNumber: '+821012345678', CUSTOM_VALUE_1: 'VALUE_1' }, language: 'en', appearance: 'light' },
      (error, user) => (window.booted = { error: error && error.message, user }),
    );
    document.getElementById('help').addEventListener('click', () => ChannelService.showMessenger());
    window.ChannelService = ChannelService;`,
  );
  const cdn: string[] = [];
  page.on('request', (r) => r.url().includes('cdn.channel.io') && cdn.push(r.url()));
  await page.goto(url);
  const result = await booted(page);
  expect(result.error).toBeNull();
  expect(result.user?.id).toBeTruthy();
  await expect(widget(page).launcher).toBeVisible();
  expect(await page.locator('sangdam-widget').count()).toBe(1);

  await page.getByRole('button', { name: 'Help' }).click();
  const chatId = await chatAndGetReply(page, api, 'Is the linen shirt in stock?');

  await page.evaluate(() => (window as unknown as { ChannelService: { hideMessenger(): void } }).ChannelService.hideMessenger());
  await expect(page.getByRole('dialog')).toBeHidden();
  await api.reply(chatId, 'Size M is back too.');
  await expect(widget(page).launcher.locator('.badge')).toHaveText('1');
  await expect.poll(() => page.evaluate(() => (window as unknown as { badges: number[][] }).badges.at(-1))).toEqual([1, 1]);
  expect(cdn).toEqual([]);
});

test("the package's own build with loadScript({ apiBase }) runs the server's sdk.js: boots, chats, hears the reply", async ({ page, site, server, api }) => {
  const url = servePage(
    site,
    '/npm-entry.html',
    `<script type="importmap">${IMPORT_MAP}</script>`,
    `import * as Sangdam from '/sangdam/index.js';
    Sangdam.loadScript({ apiBase: '${server.url}' });
    Sangdam.boot({ pluginKey: '${PLUGIN_KEY}', memberId: 'member-7', language: 'en' }, (error, user) => (window.booted = { error: error && error.message, user }));
    document.getElementById('help').addEventListener('click', () => Sangdam.showMessenger());`,
  );
  const bundled: string[] = [];
  page.on('request', (r) => r.url().startsWith(`${site.origin}/sangdam/`) && bundled.push(r.url().slice(site.origin.length)));
  await page.goto(url);
  const result = await booted(page);
  expect(result.error).toBeNull();
  await expect(widget(page).launcher).toBeVisible();
  const shape = await page.evaluate(() => ({
    widgets: document.querySelectorAll('sangdam-widget').length,
    scripts: Array.from(document.querySelectorAll('script[src]'), (s) => (s as HTMLScriptElement).src),
    scriptTag: (window as unknown as { ChannelIO?: { sangdam?: boolean } }).ChannelIO?.sangdam,
  }));
  expect(shape).toEqual({ widgets: 1, scripts: [`${server.url}/sdk.js`], scriptTag: true });

  await page.getByRole('button', { name: 'Help' }).click();
  await chatAndGetReply(page, api, 'Do you ship to Busan?');
  // The messenger came from the server beside sdk.js, not from the package's own chunks.
  expect(bundled.filter((path) => /messenger/.test(path))).toEqual([]);
});

test('the npm entry with loadScript() beside a snippet makes one widget, run by the snippet', async ({ page, site, server }) => {
  const url = servePage(
    site,
    '/npm-and-snippet.html',
    `<script type="importmap">${IMPORT_MAP}</script><script>${snippet(server.url)}</script>`,
    `import * as Sangdam from '/sangdam/index.js';
    Sangdam.loadScript({ apiBase: '${server.url}' });
    Sangdam.boot({ pluginKey: '${PLUGIN_KEY}', language: 'en' }, (error, user) => (window.booted = { error: error && error.message, user }));`,
  );
  await page.goto(url);
  expect((await booted(page)).error).toBeNull();
  await expect(widget(page).launcher).toBeVisible();
  expect(await page.locator('sangdam-widget').count()).toBe(1);
  expect(await page.locator('script[src$="/sdk.js"]').count()).toBe(1);
});

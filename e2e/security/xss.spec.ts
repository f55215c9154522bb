import type { Page } from '@playwright/test';
import { expect, manager, MANAGER_TOKEN, test, widget } from '../fixtures';
import { bootCall } from '../pages';
import { XSS_PAYLOADS } from './xss-payloads';

/** The payloads joined into as few texts as fit `max` characters each. */
function batches(max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const payload of XSS_PAYLOADS) {
    if (current && current.length + payload.length + 1 > max) {
      out.push(current);
      current = '';
    }
    current += (current ? '\n' : '') + payload;
  }
  return [...out, current];
}

/** Counts hits of the payloads' script and every dialog; a payload that ran fails the test. */
async function watch(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return {
    dialogs,
    hits: () => page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0),
  };
}

/**
 * What the payloads must never have made, inside `root` (a shadow root or the document): an
 * element of theirs, an event-handler attribute, or a link other than http(s)/mailto/tel.
 */
function inspect(page: Page, inShadow: boolean) {
  return page.evaluate((shadow) => {
    const root: Document | ShadowRoot = shadow ? document.querySelector('sangdam-widget')!.shadowRoot! : document;
    const banned = 'script, img, iframe, object, embed, math, form, base, meta, link, audio, video, source, details, marquee, template, noscript, x, body, textarea, input:not([aria-label])';
    // Where texts of messages, profiles and tags are shown: the threads, the profile values, the inbox rows.
    const areas = Array.from(root.querySelectorAll('[role=log], .bub, aside.profile dd, .chat-item, li'));
    const bannedFound = areas.flatMap((area) => Array.from(area.querySelectorAll(banned)).map((el) => el.outerHTML.slice(0, 80)));
    // The widget's own icons (survey faces) are decorative: aria-hidden, and never from a message.
    const svgInMessages = Array.from(root.querySelectorAll('[role=log] svg:not([aria-hidden=true])')).map((el) => el.outerHTML.slice(0, 80));
    const handlers = Array.from(root.querySelectorAll('*')).flatMap((el) =>
      Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
    );
    const hrefs = Array.from(root.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')!);
    return { bannedFound, svgInMessages, handlers, hrefs };
  }, inShadow);
}

function expectClean(found: Awaited<ReturnType<typeof inspect>>) {
  expect(found.bannedFound).toEqual([]);
  expect(found.svgInMessages).toEqual([]);
  expect(found.handlers).toEqual([]);
  for (const href of found.hrefs) expect(href).toMatch(/^(https?:|mailto:|tel:|#|\/|\.\/|\?)/i);
  expect(found.hrefs.filter((href) => /^(javascript|data|vbscript):/i.test(href))).toEqual([]);
}

test('hostile text from customers, managers, profiles, tags and survey comments runs nowhere, in the widget and the console', async ({ page, browser, hostPage, server, api }) => {
  test.setTimeout(60_000);
  await manager(server, 'POST', '/profile-fields', { key: 'xssNote', type: 'String' }).catch(() => undefined);
  await manager(server, 'PUT', '/csat-settings', { enabled: true, scale: 5, comment: true, required: false, filters: { profile: [], includeTags: [], excludeTags: [], operatingHours: 'any' } });

  const customer = await watch(page);
  const name = XSS_PAYLOADS[7];
  await hostPage({ afterSnippet: bootCall({ profile: { name } }) });
  await widget(page).launcher.click();
  const messenger = page.getByRole('dialog');
  await messenger.getByRole('button', { name: 'New chat' }).click();
  const composer = messenger.getByRole('textbox', { name: 'Message' });
  const texts = batches(4500);
  // The first text starts the chat; Enter waits (the text stays in the composer) until it exists.
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && /\/chats$/.test(new URL(r.url()).pathname) && r.ok());
  for (const [i, text] of texts.entries()) {
    await composer.fill(text);
    await composer.press('Enter');
    if (i === 0) await created;
  }
  const chatId = await api.chatWith(texts.at(-1)!);
  // Custom chat-profile values from the SDK, replies and tags from managers.
  const note = batches(1000)[0];
  await page.evaluate((value) => new Promise((resolve) => (window as any).ChannelIO('updateProfile', { xssNote: value }, resolve)), note);
  // A reply's {{…}} is a variable: written as \{{ the payloads go out as the literal text they are.
  for (const text of texts) await api.reply(chatId, text.replaceAll('{{', '\\{{'));
  const tags = [...new Set(XSS_PAYLOADS.filter((p) => p.trim() && [...p].length <= 100))].slice(0, 50);
  await manager(server, 'PATCH', `/chats/${chatId}`, { tags });
  await api.close(chatId);
  const detail = await manager(server, 'GET', `/chats/${chatId}`);
  const link = new URL(detail.csatLink);
  const answered = await fetch(`${server.url}/api/csat${link.pathname.replace('/csat', '')}/answer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answerId: `xss-${Date.now()}`, score: 5, comment: note }),
  });
  expect(answered.status).toBe(200);

  // The widget: every text is shown literally.
  const log = messenger.getByRole('log');
  await expect(log).toContainText(XSS_PAYLOADS[0]);
  await expect(log.getByText(XSS_PAYLOADS.at(-1)!, { exact: false }).first()).toBeVisible();
  expectClean(await inspect(page, true));
  expect(await customer.hits()).toBe(0);
  expect(customer.dialogs).toEqual([]);

  // The console: the thread, the profile panel (name, custom value, tags) and the survey comment.
  const consolePage = await (await browser.newContext()).newPage();
  const managerSide = await watch(consolePage);
  await consolePage.goto(server.url + '/console');
  await consolePage.getByLabel('Manager token').fill(MANAGER_TOKEN);
  await consolePage.getByRole('button', { name: 'Sign in' }).click();
  await consolePage.locator(`a.chat-item[href*="${chatId}"]`).click();
  await expect(consolePage.locator('main')).toContainText(XSS_PAYLOADS[0]);
  await expect(consolePage.locator('aside.profile')).toContainText(XSS_PAYLOADS[1]);
  expectClean(await inspect(consolePage, false));
  expect(await managerSide.hits()).toBe(0);
  expect(managerSide.dialogs).toEqual([]);
  expect(await customer.hits()).toBe(0);
});

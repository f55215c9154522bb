import type { Page } from '@playwright/test';
import { expect, managerApi, test, widget } from './fixtures';
import { bootCall, type TestPageOptions } from './pages';

/**
 * The strict policy the README gives site owners: scripts by nonce and 'strict-dynamic' (the
 * snippet carries the nonce; sdk.js and its chunks are trusted through it), no 'unsafe-inline'
 * anywhere, styles by nonce, and connections to the server's http(s) and ws(s) origins only.
 */
function strictPolicy(serverUrl: string, allowSocket: boolean, scripts = "'nonce-e2e' 'strict-dynamic'"): string {
  const socket = serverUrl.replace(/^http/, 'ws');
  return [
    "default-src 'none'",
    `script-src ${scripts}`,
    "style-src 'nonce-e2e'",
    `connect-src ${serverUrl}${allowSocket ? ` ${socket}` : ''}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

interface Violation {
  uri: string;
  directive: string;
}

/** Records every CSP violation of the page, including those inside the widget's shadow root. */
async function recordViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push({ uri: event.blockedURI, directive: event.effectiveDirective }),
      true,
    );
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations);
}

/** Boots on the strict page, checks the launcher is the widget's, and chats until a reply arrives once. */
async function chatOnStrictPage(
  page: Page,
  hostPage: (options: TestPageOptions) => Promise<void>,
  api: ReturnType<typeof managerApi>,
  policy: string,
  label: string,
) {
  await hostPage({ headers: { 'content-security-policy': policy }, afterSnippet: bootCall({ nonce: 'e2e' }) });
  const { launcher } = widget(page);
  await expect(launcher).toBeVisible();
  const look = await launcher.evaluate((button) => {
    const style = getComputedStyle(button);
    return { width: style.width, height: style.height, radius: style.borderRadius, background: style.backgroundColor, position: style.position };
  });
  expect(look).toEqual({ width: '56px', height: '56px', radius: '50%', background: 'rgb(91, 91, 214)', position: 'fixed' });

  await launcher.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'New chat' }).click();
  const question = `Is the shop open on Sunday? (${label})`;
  const composer = dialog.getByRole('textbox', { name: 'Message' });
  await composer.fill(question);
  await composer.press('Enter');
  await expect(dialog.getByRole('log')).toContainText(question);

  const answer = `Yes, from ten to six. (${label})`;
  await api.reply(await api.chatWith(question), answer);
  const log = dialog.getByRole('log');
  await expect(log.getByText(answer)).toHaveCount(1);
  await page.waitForTimeout(1500); // a duplicate would come from a second poll or the socket's replay
  await expect(log.getByText(answer)).toHaveCount(1);
  await expect(dialog.getByText('Reconnecting…')).toHaveCount(0);
  return answer;
}

test('on a strict-CSP page the widget boots, is styled and chats live over the socket with no violation', async ({ page, hostPage, api, server }) => {
  const violations = await recordViolations(page);
  const polls: string[] = [];
  page.on('request', (request) => request.url().includes('/realtime?') && polls.push(request.url()));
  await chatOnStrictPage(page, hostPage, api, strictPolicy(server.url, true), 'socket');
  expect(await violations()).toEqual([]);
  expect(polls).toEqual([]);
});

test("the server's origin in script-src serves as well as 'strict-dynamic'", async ({ page, hostPage, api, server }) => {
  const violations = await recordViolations(page);
  await chatOnStrictPage(page, hostPage, api, strictPolicy(server.url, true, `'nonce-e2e' ${server.url}`), 'origin');
  expect(await violations()).toEqual([]);
});

test('on a strict-CSP page without ws: the socket is blocked and the reply still arrives once, by polling', async ({ page, hostPage, api, server }) => {
  const violations = await recordViolations(page);
  const polls: string[] = [];
  const polled: Promise<string>[] = [];
  page.on('request', (request) => request.url().includes('/realtime?') && polls.push(request.url()));
  page.on('response', (response) => response.url().includes('/realtime?') && polled.push(response.text()));
  const answer = await chatOnStrictPage(page, hostPage, api, strictPolicy(server.url, false), 'polling');
  const seen = await violations();
  expect(seen.length).toBeGreaterThan(0);
  // The socket is the one thing refused: no script, style or request of ours besides it.
  for (const violation of seen) {
    expect(violation).toEqual({ uri: `${server.url.replace(/^http/, 'ws')}/api/realtime`, directive: 'connect-src' });
  }
  expect(polls.length).toBeGreaterThan(0);
  expect(polls[0]).toMatch(new RegExp(`^${server.url}/api/widget/[\\w-]+/realtime\\?since=\\d+&client=`));
  // The reply came by poll, in one answer only (later chat events carry it as lastMessage).
  const bodies = (await Promise.all(polled)).map((text) => JSON.parse(text) as { events: { message?: { text: string } }[] });
  const replies = bodies.flatMap((body) => body.events).filter((event) => event.message?.text === answer);
  expect(replies).toHaveLength(1);
});

test('where constructed stylesheets are missing, the nonce option styles the widget under the same policy', async ({ page, hostPage, api, server }) => {
  // As in browsers without constructable stylesheets: the widget falls back to <style nonce>.
  await page.addInitScript(() => {
    CSSStyleSheet.prototype.replaceSync = () => {
      throw new TypeError('constructed stylesheets are not supported');
    };
  });
  const violations = await recordViolations(page);
  await chatOnStrictPage(page, hostPage, api, strictPolicy(server.url, true), 'style elements');
  const styleElements = await page.evaluate(() => document.querySelector('sangdam-widget')!.shadowRoot!.querySelectorAll('style').length);
  expect(styleElements).toBeGreaterThan(0);
  expect(await violations()).toEqual([]);
});

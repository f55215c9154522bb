import { expect, test, widget } from './fixtures';
import { bootCall } from './pages';

const WATCH = `<script>
  window.__hostErrors = [];
  window.onerror = function (m) { window.__hostErrors.push(String(m)); };
  window.addEventListener('unhandledrejection', function (e) { window.__hostErrors.push('rejection: ' + e.reason); });
</script>`;

const hostErrors = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __hostErrors: string[] }).__hostErrors);

test('no error of ours reaches window.onerror: bad arguments, a wrong key, a broken chunk, a malformed response', async ({ page, hostPage }) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  // The chat list answer is malformed and the messenger chunk is broken on first request.
  let chunkRequests = 0;
  await page.route('**/messenger.js', (route) => (chunkRequests++ === 0 ? route.fulfill({ contentType: 'text/javascript', body: 'export const mount = ;' }) : route.fallback()));
  await page.route('**/api/widget/*/chats', (route) =>
    route.request().method() === 'GET' ? route.fulfill({ contentType: 'application/json', body: '{"chats":"not a list"}' }) : route.fallback(),
  );
  await hostPage({
    head: WATCH,
    afterSnippet: `
      ChannelIO('boot', { pluginKey: 'no-such-key' });
      ChannelIO('track', 42);
      ChannelIO('updateUser', 'not an object');
      ChannelIO('noSuchCommand');
      ChannelIO('onBadgeChanged', function () { throw new Error('host callback bug'); });`,
  });
  // The wrong key is refused, and said so on the console; then boot with the right one.
  await expect.poll(() => consoleErrors.some((t) => t.includes('pluginKey: no channel has this plugin key'))).toBe(true);
  await page.evaluate(bootCall());
  await expect(widget(page).launcher).toBeVisible();
  await widget(page).launcher.click(); // the broken chunk fails to load
  await page.waitForTimeout(300);
  await widget(page).launcher.click(); // closes
  await widget(page).launcher.click(); // loads the real chunk, whose chat list is malformed
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.waitForTimeout(500);
  expect(await hostErrors(page)).toEqual([]);
  expect(consoleErrors.some((t) => t.includes('track: eventName must be a string'))).toBe(true);
});

test('an unreachable server leaves the page quiet and reports to the console only', async ({ page, hostPage }) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.route('**/api/widget/**', (route) => route.abort('connectionrefused'));
  await hostPage({ head: WATCH });
  await expect.poll(() => consoleErrors.some((t) => t.includes('boot:'))).toBe(true);
  expect(await hostErrors(page)).toEqual([]);
  await expect(widget(page).host).toHaveCount(0);
});

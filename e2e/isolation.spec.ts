import { expect, test, widget } from './fixtures';
import { openTestPage } from './pages';

const HOSTILE_CSS = `<style>
  * { color: #f0f !important; background: #0f0 !important; font: 40px/3 Impact, serif !important;
      border: 6px dashed red !important; padding: 30px !important; margin: 25px !important;
      position: static !important; display: inline !important; transform: rotate(12deg) !important;
      filter: blur(2px) !important; opacity: .3 !important; width: 300px !important; z-index: 0 !important;
      visibility: visible !important; box-sizing: content-box !important; }
  sangdam-widget { display: none !important; }
  button { all: unset !important; }
</style>`;

async function snapshot(page: import('@playwright/test').Page) {
  const { launcher } = widget(page);
  await expect(launcher).toBeVisible();
  return page.evaluate(() => {
    const host = document.querySelector('sangdam-widget')!;
    const button = host.shadowRoot!.querySelector('button.launcher')!;
    const box = button.getBoundingClientRect();
    const style = getComputedStyle(button);
    return {
      box: [box.x, box.y, box.width, box.height],
      style: ['color', 'background-color', 'font-size', 'border-top-width', 'padding-top', 'position', 'transform', 'opacity', 'z-index']
        .map((p) => style.getPropertyValue(p)),
      hostStyle: ['position', 'transform', 'filter', 'opacity', 'z-index', 'display'].map((p) => getComputedStyle(host).getPropertyValue(p)),
    };
  });
}

test('a host page that restyles every element with !important leaves the widget unchanged', async ({ page, server }) => {
  await page.setViewportSize({ width: 1200, height: 800 });
  await openTestPage(page, server.url);
  const clean = await snapshot(page);
  const cleanShot = await widget(page).launcher.screenshot();

  await openTestPage(page, server.url, { head: HOSTILE_CSS, path: '/e2e-hostile.html' });
  const hostile = await snapshot(page);
  expect(hostile).toEqual(clean);
  expect(Buffer.compare(await widget(page).launcher.screenshot(), cleanShot)).toBe(0);

  // The open messenger is equally untouched.
  await widget(page).launcher.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const panel = await dialog.boundingBox();
  expect(panel!.width).toBeGreaterThan(300);
  expect(panel!.width).toBeLessThan(420);
  const font = await dialog.evaluate((el) => getComputedStyle(el).fontSize);
  expect(font).not.toBe('40px');
});

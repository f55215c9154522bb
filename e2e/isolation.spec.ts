import { expect, test, widget } from './fixtures';

const HOSTILE_CSS = `<style>
  * { color: #f0f !important; background: #0f0 !important; font: 40px/3 Impact, serif !important;
      border: 6px dashed red !important; padding: 30px !important; margin: 25px !important;
      position: static !important; display: inline !important; width: 300px !important; height: 90px !important;
      z-index: 0 !important; visibility: visible !important; box-sizing: content-box !important;
      line-height: 4 !important; text-transform: uppercase !important; cursor: wait !important; }
  /* On html or body these would move or fade every fixed element of the page, its own included;
     on every other element, ours among them, they must have no effect. */
  *:not(html):not(body) { transform: rotate(12deg) !important; filter: blur(2px) !important; opacity: .3 !important;
      contain: strict !important; clip-path: inset(50%) !important; }
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

/** The launcher's pixels inside its circle (the corners show the page behind, which may differ). */
async function launcherPixels(page: import('@playwright/test').Page) {
  const box = (await widget(page).launcher.boundingBox())!;
  const side = Math.floor(box.width * 0.68);
  return page.screenshot({ clip: { x: box.x + (box.width - side) / 2, y: box.y + (box.height - side) / 2, width: side, height: side } });
}

test('a host page that restyles every element with !important leaves the widget unchanged', async ({ page, hostPage }) => {
  await page.setViewportSize({ width: 1200, height: 800 });
  await hostPage();
  const clean = await snapshot(page);
  const cleanShot = await launcherPixels(page);

  await hostPage({ head: HOSTILE_CSS, path: '/e2e-hostile.html' });
  const hostile = await snapshot(page);
  expect(hostile).toEqual(clean);
  expect(Buffer.compare(await launcherPixels(page), cleanShot)).toBe(0);

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

// Data-saver: with Save-Data (or the switch), the map loads coarse shapes of the province in
// view only, and the pre-reform layer only when a pre-reform year is shown.
import { test, expect } from '@playwright/test';

/**
 * Loads a URL and returns the geometry files fetched with their encoded sizes.
 *
 * Read from the page's resource timing, not from request events: the map has an era only once
 * its geometry has arrived, so the entry is there by then. (Request events are delivered
 * asynchronously, and `networkidle` may already have fired in a pause before the geometry was
 * requested, so a list built from events could still be empty on a loaded machine.)
 */
async function geometryRequests(page, url) {
  await page.goto(url);
  await expect(page.locator('.map-stage')).toHaveAttribute('data-era', /pre2025|post2025/);
  await page.waitForLoadState('networkidle');
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\/data\/(lite\/|geo-)/.test(e.name))
      .map((e) => ({ file: e.name.replace(/^.*\/data\//, '').replace(/\?.*$/, ''), bytes: e.encodedBodySize })),
  );
}

// Sizes are read from the page's resource timing, which reports what the service worker
// answered once it controls the page (it claims the page during its first load); what the
// data-saver asks the network for is measured without it.
test.use({ serviceWorkers: 'block' });

const total = (list) => list.reduce((n, r) => n + r.bytes, 0);

test('the data-saver loads less: coarse shapes of the province in view only', async ({ page, browser }, info) => {
  test.skip(info.project.name === 'phone', 'phones are in data-saver mode automatically; compared on desktop');
  const full = await geometryRequests(page, './?scope=20');
  expect(full.map((r) => r.file)).toEqual(['geo-pre2025.json']);

  const lite = await geometryRequests(await browser.newPage(), './?scope=20&lite=1');
  expect(lite.map((r) => r.file)).toEqual(['lite/pre2025-20.json']);
  expect(total(lite)).toBeLessThan(total(full) * 0.6);
});

test('Save-Data turns the data-saver on by itself; the post-reform layer loads only when shown', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '2g' } });
  });
  const first = await geometryRequests(page, './?scope=20');
  expect(first.map((r) => r.file)).toEqual(['lite/pre2025-20.json']);
  const switchButton = page.getByRole('button', { name: /Tiết kiệm dữ liệu/ });
  await expect(switchButton).toHaveAttribute('aria-pressed', 'true');
  await expect(switchButton).toContainText('bật (tự động)');
  // "Automatic" is in its name, since the pressed state cannot say it.
  await expect(switchButton).toHaveAccessibleName('Tiết kiệm dữ liệu (tự động)');
  // What it does is its description, and on a phone (no hover) is written beside it.
  await expect(switchButton).toHaveAccessibleDescription(/Tải bản đồ thô hơn, từng tỉnh một/);
  // An automatic choice says why.
  await expect(switchButton).toHaveAccessibleDescription(/Tự bật vì trình duyệt đang ở chế độ tiết kiệm dữ liệu\.$/);
  if (test.info().project.name === 'phone') await expect(page.getByText('Tải bản đồ thô hơn, từng tỉnh một')).toBeVisible();
  // No inset in data-saver mode.
  await expect(page.locator('.inset')).toHaveCount(0);
  const later = [];
  page.on('requestfinished', (r) => { if (/\/data\//.test(r.url())) later.push(r.url().replace(/^.*\/data\//, '')); });
  await page.getByRole('button', { name: 'Năm sau' }).click();
  await expect(page.locator('.map-stage')).toHaveAttribute('data-era', 'post2025');
  await expect.poll(() => later).toEqual(['lite/post2025-20.json']);
  // Turning it off loads the full file.
  await switchButton.click();
  await expect(switchButton).toHaveAttribute('aria-pressed', 'false');
  await expect(switchButton).toContainText('tắt');
  await expect(switchButton).toHaveAccessibleName('Tiết kiệm dữ liệu');
  await expect(switchButton).not.toHaveAccessibleDescription(/Tự bật/);
  await expect.poll(() => later.includes('geo-post2025.json')).toBe(true);
});

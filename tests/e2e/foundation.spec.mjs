// The release build loads its dataset and shows headline numbers; the language switch works.
import { test, expect } from '@playwright/test';
import { fault, watchErrors } from './helpers.mjs';

test('shows headline numbers in Vietnamese, then English', async ({ page }) => {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bản đồ Nông thôn mới');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  const summary = page.getByRole('region', { name: 'Tóm tắt số liệu' });
  await expect(summary).toBeVisible();
  await expect(summary.locator('[data-tier=standard] .figure-value')).not.toHaveText('');

  // The language's name is marked as that language, what the button does as the page's.
  const switchLang = page.getByRole('button', { name: 'English – Chuyển sang tiếng Anh' });
  await expect(switchLang).not.toHaveAttribute('lang', /./);
  await expect(switchLang.locator('.lang-long')).toHaveAttribute('lang', 'en');
  await switchLang.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New Rural Development Atlas');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/lang=en/);
  await expect(page.getByRole('region', { name: 'Summary figures' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tiếng Việt – Switch to Vietnamese' }).locator('.lang-long')).toHaveAttribute('lang', 'vi');
  expect(errors).toEqual([]);
});

test('a failed dataset load shows a localised error and retry recovers', async ({ page }) => {
  const clear = await fault(page, 'data/ntm.json', 'status', '404');
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Không tìm thấy tệp dữ liệu data/ntm.json (lỗi 404)');
  await clear();
  await alert.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.getByRole('region', { name: 'Tóm tắt số liệu' })).toBeVisible();
});

test('on a phone every control is at least 24 × 24 px to a finger (WCAG 2.5.8)', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'target size matters to a finger');
  for (const url of ['./?unit=06547&year=2018', './?unit=06565&year=2025-06', './?view=profile&unit=06565', './?view=charts', './?view=table']) {
    await page.goto(url);
    await expect(page.locator('.map-stage, .figure, table, .profile-page h2').filter({ visible: true }).first()).toBeVisible();
    const small = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('a[href], button, select, input, summary, [role="button"]')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        // Inline links in a sentence are exempt (the criterion's own exception); not a link on
        // its own line such as the footer's, nor one that heads a list item (the communes a
        // commune became or was formed from: 18 px tall to a thumb).
        const heads = el.tagName === 'A' && el.parentElement?.tagName === 'LI' && el.parentElement.firstElementChild === el;
        if (el.tagName === 'A' && !heads && el.closest('p, li') && el.closest('p, li').textContent.trim() !== el.textContent.trim() && !el.closest('.footer')) continue;
        if (el.closest('.visually-hidden, .skip-link')) continue;
        if (r.height < 24 || r.width < 24) out.push(`${el.tagName} “${(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 40)}” ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
      return out;
    });
    expect(small, url).toEqual([]);
  }
});

test('every page has one h1 and headings that skip no level', async ({ page }) => {
  for (const query of ['?scope=20&year=2025-06', '?scope=20&unit=06565', '?view=charts&scope=20', '?view=table', '?view=profile&unit=06565', '?view=about']) {
    await page.goto(`./${query}`);
    await expect(page.locator('.page, .summary').first()).toBeVisible();
    await expect(page.locator('#main h2').first()).toBeAttached();
    const levels = await page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter((h) => !h.closest('[hidden], [aria-hidden="true"], .prerender, dialog:not([open])'))
      .map((h) => [Number(h.tagName[1]), h.textContent.trim()]));
    expect(levels.filter(([l]) => l === 1), query).toHaveLength(1);
    for (let i = 1; i < levels.length; i += 1) {
      expect(levels[i][0] - levels[i - 1][0], `${query}: “${levels[i][1]}” after “${levels[i - 1][1]}”`).toBeLessThanOrEqual(1);
    }
  }
});

test('the skip link is out of sight until focused, with the largest text too', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 20 } });
  await page.goto('./');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeAttached();
  // A strip of it showed at the top of every screen with text 1.25× or larger.
  expect((await skip.boundingBox()).y + (await skip.boundingBox()).height).toBeLessThanOrEqual(0);
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
});

test("the legend, the key to the map's colours, comes before the area's numbers", async ({ page }) => {
  await page.goto('./');
  const legend = page.getByRole('region', { name: 'Chú giải' });
  const summary = page.getByRole('region', { name: 'Tóm tắt số liệu' });
  await expect(legend).toBeVisible();
  await expect(summary).toBeVisible();
  // In the page's order too, so that Tab and a screen reader meet them as seen.
  const order = await page.evaluate(() => {
    const [l, s] = [document.querySelector('.legend'), document.querySelector('.side-panel .summary')];
    return l.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
  expect((await legend.boundingBox()).y).toBeLessThan((await summary.boundingBox()).y);
  // Its counts are each commune once, at its highest tier, unlike the summary's: said before
  // them (a pupil copied the legend's count at the standard for the summary's).
  const note = legend.getByText(/^Mỗi xã được đếm một lần, ở mức cao nhất/);
  await expect(note).toBeVisible();
  expect((await note.boundingBox()).y).toBeLessThan((await legend.locator('.legend-list').boundingBox()).y);
});

test("in forced colours (Windows high contrast) the legend's swatches keep the map's colours", async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('./');
  const legend = page.getByRole('region', { name: 'Chú giải' });
  await expect(legend).toBeVisible();
  // The standard tier's green (#a1dab4) on its swatch: the system's colours made it an empty
  // box that looked like an unticked checkbox.
  const swatch = legend.locator('.swatch[data-status="standard"]');
  expect(await swatch.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(161, 218, 180)');
});

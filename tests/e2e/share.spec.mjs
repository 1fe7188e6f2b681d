// Shareable state, languages, print and dark mode: a link opened elsewhere shows the same view;
// back and forward step through meaningful changes; switching language keeps the view; the
// page prints its map, summary, table and source line; the dark theme keeps AA contrast.
import { test, expect } from '@playwright/test';
import { watchErrors } from './helpers.mjs';

const summary = (page) => page.getByRole('region', { name: /Tóm tắt số liệu|Summary/ });
const scopeSelect = (page) => page.locator('.map-options select').first();
const colourSelect = (page) => page.locator('.map-options select').last();
const slider = (page) => page.locator('#year-slider');

/** The state a reader sees, read from the page (not from the URL). */
async function seenState(page) {
  return {
    lang: await page.evaluate(() => document.documentElement.lang),
    scope: await scopeSelect(page).inputValue(),
    colour: await colourSelect(page).inputValue(),
    step: await page.locator('.timeline-value').innerText(),
    detail: await page.locator('.detail h2, .detail-head h2').first().innerText(),
  };
}

test('a link round trip: the state put in the URL opens the same view in a new page', async ({ page, context }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  await expect(summary(page)).toBeVisible();
  await scopeSelect(page).selectOption('24');
  await colourSelect(page).selectOption('criteria');
  await slider(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/year=2019/);
  const box = page.getByRole('combobox', { name: 'Tìm xã, huyện, tỉnh' });
  await box.fill('cam ly');
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page).toHaveURL(/unit=07519/);
  // On a phone the map is scrolled into view a few frames later (smoothly): a click sent
  // while the page still moves would land beside the button.
  await expect(page.locator('.map-stage')).toBeInViewport();
  await expect.poll(async () => {
    const y = await page.evaluate(() => window.scrollY);
    await page.waitForTimeout(150);
    return (await page.evaluate(() => window.scrollY)) === y;
  }).toBe(true);
  await page.locator('.app .lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const before = await seenState(page);
  expect(before).toMatchObject({ lang: 'en', scope: '24', colour: 'criteria', step: expect.stringContaining('2019') });
  expect(before.detail).toContain('Cẩm Lý');
  // Only what differs from the defaults is in the URL.
  const url = page.url();
  expect(new URL(url).searchParams.has('view')).toBe(false);

  const other = await context.newPage();
  await other.goto(url);
  await expect(summary(other)).toBeVisible();
  await expect(other.locator('.detail')).toContainText('Cẩm Lý');
  expect(await seenState(other)).toEqual(before);
  expect(errors()).toEqual([]);
});

test('back and forward step through meaningful changes, not every slider tick', async ({ page }) => {
  await page.goto('./?year=2018');
  await expect(summary(page)).toBeVisible();
  await scopeSelect(page).selectOption('20');
  await expect(page).toHaveURL(/scope=20/);
  await slider(page).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/year=2019/);
  await slider(page).blur();
  await page.locator('.nav-link', { hasText: 'Bảng' }).click();
  await expect(page).toHaveURL(/view=table/);
  await page.goBack();
  await expect(page).not.toHaveURL(/view=table/);
  await expect(page.locator('.map-stage')).toBeVisible();
  await expect(page.locator('.timeline-value')).toHaveText(/2019$/);
  await page.goBack();
  await expect(page.locator('.timeline-value')).toHaveText(/2018$/);
  await expect(scopeSelect(page)).toHaveValue('20');
  await page.goBack();
  await expect(scopeSelect(page)).toHaveValue('');
  await page.goForward();
  await expect(scopeSelect(page)).toHaveValue('20');
});

test('the share dialog says what the link opens; embedding is folded away until asked for', async ({ page }) => {
  await page.goto('./?scope=20&year=2022&unit=06547');
  await page.locator('.app').getByRole('button', { name: 'Chia sẻ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chia sẻ' });
  await expect(dialog.locator('.link-shows')).toHaveText('Người mở liên kết sẽ thấy: Bản đồ · Tỉnh Lạng Sơn · 2022 · Xã Tú Mịch, huyện Lộc Bình');
  const link = await dialog.getByLabel('Liên kết tới đúng góc nhìn này').inputValue();
  for (const part of ['scope=20', 'year=2022', 'unit=06547']) expect(link).toContain(part);
  await expect(dialog.getByRole('button', { name: 'Sao chép liên kết' })).toBeVisible();
  // The webmaster's part: closed, and no second copy of the app loads behind it.
  const code = dialog.getByLabel('Mã nhúng');
  await expect(code).toBeHidden();
  await expect(dialog.locator('iframe')).toHaveCount(0);
  await dialog.getByText(/^Nhúng vào trang web khác/).click();
  await expect(code).toBeVisible();
  expect(await code.inputValue()).toContain('embed=1');
  await expect(dialog.locator('iframe.embed-preview')).toHaveAttribute('src', /embed=1/);
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await expect(dialog).toBeHidden();
  // At the default date the address bar names no year, but the link does: a later dataset
  // moves the default, and the link promises this view.
  await page.goto('./?scope=20');
  await page.locator('.app').getByRole('button', { name: 'Chia sẻ' }).click();
  await expect(dialog.locator('.link-shows')).toContainText('30/6/2025');
  expect(await dialog.getByLabel('Liên kết tới đúng góc nhìn này').inputValue()).toContain('year=2025-06');
  expect(await dialog.getByLabel('Mã nhúng').inputValue()).not.toContain('year=');
});

test("sharing a commune's profile through the phone's share sheet names the commune", async ({ page }) => {
  // The phone's share sheet (Zalo, Messenger…), recorded instead of shown.
  await page.addInitScript(() => {
    navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };
  });
  await page.goto('./?view=profile&unit=06565');
  await expect(page.getByRole('heading', { level: 2, name: /^Xã Khuất Xá/ })).toBeVisible();
  await page.locator('.app').getByRole('button', { name: 'Chia sẻ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chia sẻ' });
  // A profile is of its commune: no "Toàn bộ dữ liệu" in what the link opens.
  await expect(dialog.locator('.link-shows')).toHaveText(/^Người mở liên kết sẽ thấy: Hồ sơ xã · 30\/6\/2025 \(trước sắp xếp\) · Xã Khuất Xá, huyện Lộc Bình$/);
  await dialog.getByRole('button', { name: /^Gửi qua ứng dụng/ }).click();
  const shared = await page.evaluate(() => window.__shared);
  expect(shared.title).toBe('Xã Khuất Xá, huyện Lộc Bình — Bản đồ Nông thôn mới');
  expect(shared.url).toContain('unit=06565');
});

test('sharing from the map with a commune selected names the commune; with none, the app', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };
  });
  await page.goto('./?unit=06547');
  await expect(page.getByRole('heading', { name: 'Xã Tú Mịch, huyện Lộc Bình' })).toBeAttached();
  await expect(page).toHaveTitle('Xã Tú Mịch, huyện Lộc Bình — Bản đồ Nông thôn mới');
  await page.locator('.app').getByRole('button', { name: 'Chia sẻ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chia sẻ' });
  await dialog.getByRole('button', { name: /^Gửi qua ứng dụng/ }).click();
  const shared = await page.evaluate(() => window.__shared);
  expect(shared.title).toBe('Xã Tú Mịch, huyện Lộc Bình — Bản đồ Nông thôn mới');
  expect(shared.url).toContain('unit=06547');
  // The card closed: the map of everything, the app's name.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Đóng thẻ xã' }).click();
  await expect(page).toHaveTitle('Bản đồ Nông thôn mới');
});

test("the table's order and filters are in its link, and the link opens the table as shown", async ({ page, context }) => {
  await page.goto('./?view=table&scope=20&year=2020');
  const table = page.getByRole('table', { name: /tỉnh Lạng Sơn, 2020/ });
  await expect(table).toBeVisible();
  await page.getByRole('combobox', { name: /^Mức đạt/ }).selectOption({ label: 'Chưa đạt chuẩn' });
  await table.getByRole('columnheader', { name: /Tiêu chí đạt/ }).getByRole('button').click();
  await page.getByLabel('Tìm theo tên').fill('tan');
  await expect(page).toHaveURL(/[?&]sort=criteria-desc/);
  await expect(page).toHaveURL(/[?&]tier=not_yet/);
  await expect(page).toHaveURL(/[?&]q=tan/);
  const shown = await table.locator('tbody th').allTextContents();
  expect(shown.length).toBeGreaterThan(1);
  await page.locator('.app').getByRole('button', { name: 'Chia sẻ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chia sẻ' });
  await expect(dialog.locator('.link-shows')).toHaveText('Người mở liên kết sẽ thấy: Bảng · Tỉnh Lạng Sơn · 2020 · cùng bộ lọc và thứ tự của bảng');
  const link = await dialog.getByLabel('Liên kết tới đúng góc nhìn này').inputValue();
  // Opened elsewhere: the same rows in the same order, and the controls say why.
  const other = await context.newPage();
  await other.goto(link);
  const again = other.getByRole('table', { name: /tỉnh Lạng Sơn, 2020/ });
  await expect(again.locator('tbody th').first()).toBeVisible();
  expect(await again.locator('tbody th').allTextContents()).toEqual(shown);
  await expect(other.getByRole('combobox', { name: /^Mức đạt/ })).toHaveValue('not_yet');
  await expect(other.getByLabel('Tìm theo tên')).toHaveValue('tan');
  await expect(again.getByRole('columnheader', { name: /Tiêu chí đạt/ })).toHaveAttribute('aria-sort', 'descending');
  // Filters belong to the table: a link to the map does not carry them.
  await other.getByRole('link', { name: 'Bản đồ', exact: true }).click();
  await expect(other).not.toHaveURL(/tier=|sort=|q=/);
});

test('switching language keeps the page, area, year and selection', async ({ page }) => {
  await page.goto('./?view=table&scope=20&year=2022&unit=06547');
  await expect(page.getByRole('heading', { name: 'Bảng' })).toBeVisible();
  await page.locator('.app .lang-switch').click();
  await expect(page.getByRole('heading', { name: 'Table' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  for (const part of ['view=table', 'scope=20', 'year=2022', 'unit=06547', 'lang=en']) await expect(page).toHaveURL(new RegExp(part));
  await page.locator('.app .lang-switch').click();
  await expect(page.getByRole('heading', { name: 'Bảng' })).toBeVisible();
  await expect(page).not.toHaveURL(/lang=/);
  await expect(page).toHaveURL(/view=table&scope=20&year=2022&unit=06547|unit=06547/);
  // On the map: numbers follow the language (decimal point in English, comma in Vietnamese).
  await page.goto('./?scope=20&year=2022&unit=06547');
  await expect(page.locator('.map-stage')).toHaveAttribute('data-zoom', /[1-9]/);
  await expect(summary(page)).toContainText(/\d,\d\s%/);
  await page.locator('.app .lang-switch').click();
  await expect(summary(page)).toContainText(/\d\.\d%/);
  await expect(page.locator('.detail')).toContainText('Tú Mịch');
  await expect(scopeSelect(page)).toHaveValue('20');
  await expect(page.locator('.timeline-value')).toHaveText(/2022$/);
});

test('print: the map, its summary and legend, with the source line; controls are hidden', async ({ page }) => {
  await page.goto('./?scope=20');
  await expect(page.locator('.map-stage')).toHaveAttribute('data-zoom', /[1-9]/);
  // After a year step, paper names that year and its link (the link was the address bar's,
  // written a frame after the step, so a print read the year before).
  await page.getByRole('button', { name: 'Năm trước' }).click();
  const year = await page.locator('#year-slider').getAttribute('aria-valuetext');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-context')).toContainText(year);
  await expect(page.locator('.print-url')).toContainText(`year=${year.slice(-4)}`);
  await expect(page.locator('.print-context')).toBeVisible();
  await expect(page.locator('.print-context')).toContainText('Lạng Sơn');
  await expect(summary(page)).toBeVisible();
  await expect(page.locator('.legend')).toBeVisible();
  await expect(page.locator('.print-sources')).toContainText('Nguồn số liệu:');
  await expect(page.locator('.print-url')).toContainText('scope=20');
  for (const hidden of ['.map-options', '.zoom-buttons', '.page-nav', '.lang-switch', '.timeline input']) {
    await expect(page.locator(hidden).first()).toBeHidden();
  }
  // The drawn map is still there (printing must not clear the canvas).
  const drawn = await page.evaluate(() => {
    const c = document.querySelector('canvas.map-canvas');
    const r = c.getBoundingClientRect();
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 64) if (d[i + 3] > 0) ink++;
    return { w: r.width, h: r.height, ink };
  });
  expect(drawn.w).toBeGreaterThan(200);
  expect(drawn.h).toBeGreaterThan(200);
  expect(drawn.ink).toBeGreaterThan(100);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.print-context')).toBeHidden();
});

test('print: the table prints every row, without its filters', async ({ page }) => {
  await page.goto('./?view=table&scope=20&year=2022');
  const rows = page.locator('.units-table tbody tr');
  await expect(rows).toHaveCount(50);
  const status = await page.locator('.table-count').textContent();
  const total = Number(status.match(/trên ([\d.]+)/)[1].replace(/\./g, ''));
  // The screen shows a page of rows; printing (the browser fires `beforeprint`) shows them all.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.table-filters')).toBeHidden();
  await expect(page.locator('.table-more')).toHaveCount(0);
  await expect(rows).toHaveCount(total);
  await expect(rows.last()).toBeVisible();
  const scroll = await page.locator('.table-scroll').evaluate((e) => getComputedStyle(e).overflowX);
  expect(scroll).toBe('visible');
  await expect(page.locator('.print-sources')).toBeVisible();
});

/** WCAG contrast ratio of two CSS colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, b] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('dark mode: dark page and map, text keeps AA contrast', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./?scope=20');
  await expect(page.locator('.map-stage')).toHaveAttribute('data-zoom', /[1-9]/);
  const colours = await page.evaluate(() => {
    const get = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
    return {
      bg: get('body', 'backgroundColor'),
      text: get('body', 'color'),
      surface: get('.legend', 'backgroundColor'),
      muted: get('.summary-total', 'color'),
      legendText: get('.legend-name', 'color'),
      link: get('.footer a', 'color'),
    };
  });
  expect(contrast(colours.bg, 'rgb(0, 0, 0)')).toBeLessThan(2);
  expect(contrast(colours.text, colours.bg)).toBeGreaterThanOrEqual(4.5);
  expect(contrast(colours.muted, colours.bg)).toBeGreaterThanOrEqual(4.5);
  expect(contrast(colours.legendText, colours.surface)).toBeGreaterThanOrEqual(4.5);
  expect(contrast(colours.link, colours.bg)).toBeGreaterThanOrEqual(4.5);
  // The map's background is dark too (the canvas is painted with the dark theme).
  const corner = await page.evaluate(() => {
    const c = document.querySelector('canvas.map-canvas');
    return Array.from(c.getContext('2d').getImageData(2, 2, 1, 1).data).slice(0, 3);
  });
  expect(corner.reduce((a, b) => a + b, 0) / 3).toBeLessThan(80);
  // The communes keep their colours on it, and the legend's swatches match them (wards are
  // the palette's light grey, not a dark one the map never draws).
  const swatch = (status) => page.evaluate((s) => getComputedStyle(document.querySelector(`.legend .swatch[data-status="${s}"]`)).backgroundColor, status);
  expect(await swatch('not_applicable')).toBe('rgb(240, 240, 240)');
  expect(await swatch('no_data')).toBe('rgb(217, 217, 217)');
});

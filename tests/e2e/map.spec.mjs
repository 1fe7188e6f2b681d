// The interactive map, used like a reader would: by keyboard, mouse and touch; the year
// control changes a known commune's colour (Cẩm Lý, Lục Nam, recognised in 2019); crossing
// 1/7/2025 shows the new communes and the reform notice; zoom and reset work.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { colourCounts, watchErrors } from './helpers.mjs';

const NOT_YET = [0xff, 0xff, 0xcc];
const STANDARD = [0xa1, 0xda, 0xb4];
const STANDARD_INK = STANDARD.map((c) => Math.round(c * 0.78));

const mapBox = (page) => page.getByRole('listbox', { name: /Bản đồ các xã|Map of communes/ });

/** Focuses the map and types a name: the matching commune becomes the active option. */
async function activate(page, typed) {
  const map = mapBox(page);
  await expect(page.locator('.map-stage')).toHaveAttribute('data-zoom', /[1-9]/);
  await map.focus();
  await page.keyboard.type(typed);
  const option = map.getByRole('option');
  await expect(option).toHaveCount(1);
  return option;
}

/** The colours of a 7×7 device-pixel patch of the map canvas around a CSS point. */
async function patch(page, x, y) {
  return page.evaluate(([x, y]) => {
    const c = document.querySelector('canvas.map-canvas');
    const dpr = c.width / c.getBoundingClientRect().width;
    const d = c.getContext('2d').getImageData(Math.round(x * dpr) - 3, Math.round(y * dpr) - 3, 7, 7).data;
    const px = [];
    for (let i = 0; i < d.length; i += 4) px.push([d[i], d[i + 1], d[i + 2]]);
    return px;
  }, [x, y]);
}

const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 3);
const share = (px, colours) => px.filter((p) => colours.some((c) => near(p, c))).length / px.length;

async function positionOf(option) {
  return [Number(await option.getAttribute('data-x')), Number(await option.getAttribute('data-y'))];
}

/** Where a callout points on the stage, from its offsets (it sits 14 px beside the point,
 *  on whichever side it was placed). */
function calloutAnchor(callout) {
  return callout.evaluate((el) => {
    const s = el.style;
    const stage = el.parentElement.getBoundingClientRect();
    const px = (v) => parseFloat(v);
    return [
      s.left ? px(s.left) - 14 : stage.width - px(s.right) + 14,
      s.top ? px(s.top) - 14 : stage.height - px(s.bottom) + 14,
    ];
  });
}

/** Finds a commune by typing on the map, then taps it with a finger: the canvas box and the
 *  commune's point on it. */
async function tapCommune(page, typed) {
  const option = await activate(page, typed);
  const [x, y] = await positionOf(option);
  await mapBox(page).blur();
  const box = await page.locator('canvas.map-canvas').boundingBox();
  await page.touchscreen.tap(box.x + x, box.y + y);
  return { box, x, y };
}

test('keyboard: letters no commune starts with are said; Home and End go to the first and last commune', async ({ page }) => {
  await page.goto('./?year=2019');
  const map = mapBox(page);
  // Keys pressed before the communes' shapes have arrived have nothing to search.
  await expect(page.locator('.map-stage')).toHaveAttribute('data-zoom', /[1-9]/);
  await map.focus();
  await page.keyboard.type('zzq');
  await expect(page.getByRole('status').filter({ hasText: 'Không có xã nào tên bắt đầu bằng “zzq”' })).toBeVisible();
  await expect(page.locator('.map-no-match')).toBeHidden({ timeout: 5000 });
  // Home and End: the first and the last commune by name, as in any list.
  const option = map.getByRole('option');
  await page.keyboard.press('Home');
  await expect(option).toHaveAccessibleName(/^Xã Ái Quốc,/);
  // Read as a list is: "1 of N", and each commune is its own option (a screen reader hears
  // a move only when the active descendant changes).
  await expect(option).toHaveAttribute('aria-posinset', '1');
  const first = await option.getAttribute('id');
  await expect(map).toHaveAttribute('aria-activedescendant', first);
  await page.keyboard.press('End');
  await expect(option).toHaveAccessibleName(/^Xã Y/);
  const size = await option.getAttribute('aria-setsize');
  expect(Number(size)).toBeGreaterThan(100);
  await expect(option).toHaveAttribute('aria-posinset', size);
  await expect(map).not.toHaveAttribute('aria-activedescendant', first);
  await expect(map).toHaveAttribute('aria-activedescendant', await option.getAttribute('id'));
  // As Unikey (Telex) types "Tú": "t", "u", "s", then Backspace twice and "ú" in their place.
  await page.keyboard.press('Escape');
  // (A key the test keyboard lacks is sent as the input method's event would be.)
  for (const key of ['t', 'u', 's', 'Backspace', 'Backspace', 'ú', ' ', 'm']) {
    if (key === 'ú') await map.dispatchEvent('keydown', { key });
    else await page.keyboard.press(key);
  }
  await expect(option).toHaveAccessibleName(/^Xã Tú Mịch,/);
  await expect(page.locator('.map-no-match')).toBeHidden();
});

test('reaching the map by Tab with a commune selected starts the keys on it, and says it', async ({ page }, info) => {
  test.skip(info.project.name === 'phone', 'Tab is a keyboard path');
  await page.goto('./?year=2019&unit=07519');
  await expect(page.locator('.map-stage')).toHaveAttribute('data-zoom', /[1-9]/);
  const map = mapBox(page);
  for (let i = 0; i < 30 && !(await map.evaluate((e) => e === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(map).toBeFocused();
  await expect(map.getByRole('option')).toHaveAccessibleName(/^Xã Cẩm Lý, huyện Lục Nam/);
  await expect(map.getByRole('option')).toHaveAttribute('aria-selected', 'true');
});

test('the zoom buttons zoom on the selected commune, so it stays in view', async ({ page }) => {
  await page.goto('./?year=2019');
  let option = await activate(page, 'tu mich');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/unit=06547/);
  // Where it is once selected (selecting may bring it into view).
  await page.waitForTimeout(300);
  option = await activate(page, 'tu mich');
  const [x0, y0] = await positionOf(option);
  const box = await page.locator('canvas.map-canvas').boundingBox();
  // Tú Mịch is well away from the middle of the map: zooming on the middle would push it out.
  expect(Math.hypot(x0 - box.width / 2, y0 - box.height / 2)).toBeGreaterThan(60);
  await page.getByRole('button', { name: 'Phóng to' }).click();
  await expect(page.locator('.map-stage')).toHaveAttribute('data-zoom', /[1-9]/);
  option = await activate(page, 'tu mich');
  const [x1, y1] = await positionOf(option);
  expect(Math.hypot(x1 - x0, y1 - y0)).toBeLessThan(12);
});

test('the map is named by what it is coloured by and the date as the year control says it', async ({ page }) => {
  await page.goto('./?year=2025&colour=criteria');
  await expect(page.getByRole('listbox', { name: 'Bản đồ các xã theo số tiêu chí đạt, 31/12/2025 (sau sắp xếp)' })).toBeVisible();
  await page.goto('./?year=2019&colour=year&lang=en');
  await expect(page.getByRole('listbox', { name: 'Map of communes by year reached the standard, 2019' })).toBeVisible();
});

test('keyboard: find Cẩm Lý by typing, select it with Enter, clear with Esc', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('./?year=2019');
  // On reaching the map by keyboard, its keys are written on it until a commune is active.
  const help = page.locator('#map-help');
  const helpWidth = () => help.evaluate((e) => e.getBoundingClientRect().width);
  await expect(page.locator('.map-stage')).toHaveAttribute('data-zoom', /[1-9]/);
  await mapBox(page).focus();
  await expect.poll(helpWidth).toBeGreaterThan(200);
  // Where the only pointer is a finger, keys mean nothing: the help says what works there,
  // with a screen reader too.
  if (info.project.name === 'phone') {
    await expect(mapBox(page)).toHaveAccessibleDescription(/^Chạm vào một xã để xem thông tin.*ô tìm kiếm ở đầu trang, hay xem trang Bảng\.$/);
  } else {
    await expect(help).toContainText('Dùng phím mũi tên để đi giữa các xã');
  }
  const option = await activate(page, 'cam ly');
  await expect(option).toHaveAccessibleName(/^Xã Cẩm Lý, huyện Lục Nam — đạt chuẩn NTM năm 2019$/);
  await expect.poll(helpWidth).toBeLessThanOrEqual(1);
  // A sighted keyboard user sees which commune the keys are on.
  await expect(page.getByRole('tooltip')).toContainText('Xã Cẩm Lý, huyện Lục Nam');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Xã Cẩm Lý, huyện Lục Nam' })).toBeVisible();
  await expect(page).toHaveURL(/unit=07519/);
  // Arrow keys move to a neighbour: another commune's name.
  await page.keyboard.press('ArrowRight');
  await expect(mapBox(page).getByRole('option')).not.toHaveAccessibleName(/Cẩm Lý/);
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/unit=/);
  expect(errors()).toEqual([]);
});

test("colouring by year: one legend swatch per year, in the map's colour for it", async ({ page }) => {
  await page.goto('./?year=2024&colour=year');
  const ramp = page.getByRole('list', { name: 'Năm đạt chuẩn' });
  const items = ramp.getByRole('listitem');
  // 2016 (the data's first year, its counts "by the end of" it) to 2024, the year shown; the
  // ramp showed 2011…2026 in six swatches on every date.
  await expect(items).toHaveCount(9);
  await expect(items.first()).toHaveText('≤ 2016');
  await expect(items.last()).toHaveText('2024');
  await expect(items.nth(3)).toHaveText('2019');
  // Cẩm Lý reached the standard in 2019: the map fills it with the 2019 swatch's colour.
  let option = await activate(page, 'cam ly');
  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  option = await activate(page, 'cam ly');
  const [x, y] = await positionOf(option);
  await mapBox(page).blur();
  await expect(mapBox(page).getByRole('option')).toHaveCount(0);
  const swatch = await items.nth(3).locator('.ramp-swatch').evaluate((el) => getComputedStyle(el).backgroundColor.match(/\d+/g).map(Number));
  expect(share(await patch(page, x, y), [swatch])).toBeGreaterThan(0.8);
  // Before the reform there is no "not re-assessed" to explain.
  await expect(page.locator('.legend-others')).not.toContainText('Chưa xét lại');
});

test('the year control changes the colour of Cẩm Lý (not yet in 2018, standard in 2019)', async ({ page }) => {
  await page.goto('./?year=2018');
  // Zoom in on Cẩm Lý so the sampled patch is well inside it, away from borders and labels.
  let option = await activate(page, 'cam ly');
  await expect(option).toHaveAccessibleName(/Xã Cẩm Lý, huyện Lục Nam — chưa đạt chuẩn/);
  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  option = await activate(page, 'cam ly');
  const [x, y] = await positionOf(option);
  // Leaving the map clears the active outline, so only the fill is sampled.
  await mapBox(page).blur();
  await expect(mapBox(page).getByRole('option')).toHaveCount(0);
  expect(share(await patch(page, x, y), [NOT_YET])).toBeGreaterThan(0.8);

  await page.getByRole('button', { name: 'Năm sau' }).click();
  // The slider is named "Năm" and its value says the date, once (not "Năm 2019, 2019").
  await expect(page.getByRole('slider', { name: 'Năm', exact: true })).toHaveAttribute('aria-valuetext', '2019');
  // One live region says the new year, with the counts; no second one repeats the year.
  await expect(page.getByTestId('live-summary')).toContainText(/^2019: /);
  const live = await page.evaluate(() => [...document.querySelectorAll('[aria-live], [role=status], output')]
    .filter((e) => /2019/.test(e.textContent)).length);
  expect(live).toBe(1);
  const px = await patch(page, x, y);
  expect(share(px, [NOT_YET])).toBeLessThan(0.2);
  expect(share(px, [STANDARD, STANDARD_INK])).toBeGreaterThan(0.8);
  option = await activate(page, 'cam ly');
  await expect(option).toHaveAccessibleName(/đạt chuẩn NTM năm 2019/);
  // Choosing an area says which, before its numbers; a year change after it does not repeat it.
  await page.getByRole('combobox', { name: 'Phạm vi' }).selectOption({ label: 'Tỉnh Lạng Sơn' });
  await expect(page.getByTestId('live-summary')).toHaveText(/^Tỉnh Lạng Sơn\. 2019: \d+ trên \d+ xã/);
  await page.getByRole('button', { name: 'Năm sau' }).click();
  await expect(page.getByTestId('live-summary')).toHaveText(/^2020: /);
});

test('mouse: hover shows a tooltip, click selects, clicking the background clears', async ({ page }, info) => {
  test.skip(info.project.name === 'phone', 'mouse hover is a desktop interaction');
  await page.goto('./?year=2019');
  const option = await activate(page, 'cam ly');
  const [x, y] = await positionOf(option);
  const box = await page.locator('canvas.map-canvas').boundingBox();
  await page.mouse.move(box.x + x, box.y + y);
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText('Xã Cẩm Lý, huyện Lục Nam');
  await expect(tooltip).toContainText('đạt chuẩn NTM năm 2019');
  // The tooltip stays inside the map.
  const t = await tooltip.boundingBox();
  const stage = await page.locator('.map-stage').boundingBox();
  expect(t.x).toBeGreaterThanOrEqual(stage.x);
  expect(t.x + t.width).toBeLessThanOrEqual(stage.x + stage.width + 1);
  await page.mouse.click(box.x + x, box.y + y);
  await expect(page.getByRole('heading', { name: 'Xã Cẩm Lý, huyện Lục Nam' })).toBeVisible();
  await page.mouse.click(box.x + 4, box.y + 4);
  await expect(page.getByRole('heading', { name: 'Xã Cẩm Lý, huyện Lục Nam' })).toHaveCount(0);
});

test('touch: tapping a commune selects it without hover', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'touch is the phone interaction');
  await page.goto('./?year=2019');
  await tapCommune(page, 'cam ly');
  const heading = page.getByRole('heading', { name: 'Xã Cẩm Lý, huyện Lục Nam' });
  await expect(heading).toBeAttached();
  await expect(page).toHaveURL(/unit=07519/);
  // The tap's callout stays after the finger lifts, and leads to the card below the map.
  const callout = page.locator('.map-callout');
  await expect(callout).toContainText('Xã Cẩm Lý, huyện Lục Nam');
  await expect(callout).toContainText('đạt chuẩn NTM năm 2019');
  await expect(heading).not.toBeInViewport();
  await callout.getByRole('button', { name: 'Xem chi tiết' }).tap();
  await expect(heading).toBeInViewport();
  await expect(heading).toBeFocused();
});

test('touch: with the largest text, upright and sideways, the callout stays in the map, off the commune, and closes', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'touch is the phone interaction');
  // Android's largest text size, as Chromium's font settings (1.5× the default).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 20 } });
  for (const [width, height, typed] of [[360, 740, 'yen khoai'], [740, 360, 'dong buc']]) {
    await page.setViewportSize({ width, height });
    await page.goto('./?year=2019');
    const { box, x, y } = await tapCommune(page, typed);
    const callout = page.locator('.map-callout');
    await expect(callout).toBeVisible();
    const c = await callout.boundingBox();
    const stage = await page.locator('.map-stage').boundingBox();
    // Inside the map (it ran out of a 300 px map held sideways, hiding the button).
    expect(c.y).toBeGreaterThanOrEqual(stage.y);
    expect(c.y + c.height).toBeLessThanOrEqual(stage.y + stage.height + 1);
    // Not over the tapped point (it covered four fifths of the map upright).
    const [px, py] = [box.x + x, box.y + y];
    expect(px >= c.x && px <= c.x + c.width && py >= c.y && py <= c.y + c.height).toBe(false);
    // Its button to the card is there, if need be by scrolling the callout.
    const more = callout.getByRole('button', { name: 'Xem chi tiết' });
    await more.scrollIntoViewIfNeeded();
    await expect(more).toBeInViewport();
    // × closes the callout; the commune stays selected.
    await callout.getByRole('button', { name: 'Đóng' }).tap();
    await expect(callout).toHaveCount(0);
    await expect(page).toHaveURL(/unit=/);
  }
});

test("a shared commune link on a phone points at the commune on the map, with the way to its card", async ({ page }, info) => {
  await page.goto('./?year=2019');
  await expect(page.locator('.map-stage')).toHaveAttribute('data-zoom', /[1-9]/);
  const whole = Number(await page.locator('.map-stage').getAttribute('data-zoom'));
  await page.goto('./?year=2019&unit=07519');
  const heading = page.getByRole('heading', { name: 'Xã Cẩm Lý, huyện Lục Nam' });
  await expect(heading).toBeAttached();
  await expect(page.locator('.map-stage')).toHaveAttribute('data-zoom', /[1-9]/);
  const callout = page.locator('.map-callout');
  if (info.project.name !== 'phone') {
    // The card is beside the map: no callout over it.
    await expect(heading).toBeInViewport();
    await expect(callout).toHaveCount(0);
    return;
  }
  await expect(callout).toContainText('Xã Cẩm Lý, huyện Lục Nam');
  await expect(callout).toContainText('đạt chuẩn NTM năm 2019');
  // Zoomed in on it, as a search pick is: on the whole map it is a few pixels wide.
  await expect.poll(async () => Number(await page.locator('.map-stage').getAttribute('data-zoom'))).toBeGreaterThan(whole * 2);
  // It points at the outlined commune (its offsets put it 14 px beside the point).
  const [ox, oy] = (await page.locator('.map-stage').getAttribute('data-outlined-at')).split(',').map(Number);
  const anchor = await calloutAnchor(callout);
  expect(Math.abs(anchor[0] - ox)).toBeLessThan(2);
  expect(Math.abs(anchor[1] - oy)).toBeLessThan(2);
  await callout.getByRole('button', { name: 'Xem chi tiết' }).tap();
  await expect(heading).toBeInViewport();
  // A later pick in the search box points the callout at that commune instead.
  await page.getByRole('combobox', { name: 'Tìm xã, huyện, tỉnh' }).fill('tu mich');
  await page.getByRole('option', { name: /Tú Mịch/ }).first().click();
  await expect(page.getByRole('heading', { name: /Xã Tú Mịch/ })).toBeAttached();
  await expect(callout).toHaveCount(1);
  await expect(callout).toContainText('Xã Tú Mịch');
  await expect(callout).not.toContainText('Cẩm Lý');
});

test('touch: the callout offers the other communes under the fingertip, and picks one', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'touch is the phone interaction');
  // Cẩm Lý is a few pixels wide on the whole map: a finger there may mean a neighbour.
  await page.goto('./?year=2019');
  const { box, x, y } = await tapCommune(page, 'cam ly');
  await expect(page).toHaveURL(/unit=07519/);
  const callout = page.locator('.map-callout');
  // Spanning the phone's map, it stands at the far edge from the commune, clear of it and of
  // the zoom buttons (it covered Cẩm Lý, in the lower half, from the bottom edge).
  const c = await callout.boundingBox();
  const [px, py] = [box.x + x, box.y + y];
  expect(px >= c.x && px <= c.x + c.width && py >= c.y && py <= c.y + c.height).toBe(false);
  const zoomIn = await page.getByRole('button', { name: 'Phóng to' }).boundingBox();
  expect(c.x + c.width).toBeLessThanOrEqual(zoomIn.x);
  const others = callout.getByRole('group', { name: 'Xã sát bên:' });
  const other = others.getByRole('button').first();
  await expect(other).toBeVisible();
  const name = (await other.textContent()).trim();
  expect(name).toMatch(/^(Xã|Thị trấn|Phường) /);
  expect(name).not.toBe('Xã Cẩm Lý');
  // At least 40 px tall, for a thumb.
  expect((await other.boundingBox()).height).toBeGreaterThanOrEqual(40);
  await other.tap();
  await expect(page).not.toHaveURL(/unit=07519/);
  await expect(callout.locator('.tooltip-name')).toContainText(name);
  await expect(page.locator('.map-stage')).not.toHaveAttribute('data-outlined', '07519');
  // And back: Cẩm Lý is among the others now.
  await others.getByRole('button', { name: 'Xã Cẩm Lý' }).tap();
  await expect(page).toHaveURL(/unit=07519/);
});

test("touch: a tapped commune's callout follows it when the map zooms", async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'touch is the phone interaction');
  await page.goto('./?year=2019');
  const { x, y } = await tapCommune(page, 'cam ly');
  const callout = page.locator('.map-callout');
  await expect(callout).toContainText('Xã Cẩm Lý');
  const anchor = () => calloutAnchor(callout);
  const before = await anchor();
  expect(Math.abs(before[0] - x)).toBeLessThan(2);
  // Two fingers spread about the middle of the stage (the zoom buttons zoom on the selected
  // commune, which then stays put): the commune moves, and so does its callout.
  const stageLocator = page.locator('.map-stage');
  const zoomOf = async () => Number(await stageLocator.getAttribute('data-zoom'));
  const zoomBefore = await zoomOf();
  const stage = await stageLocator.boundingBox();
  // On the map, not on the callout (which stands at one edge).
  const box = await callout.boundingBox();
  const low = box.y + box.height / 2 > stage.y + stage.height / 2;
  const [cx, cy] = [stage.width / 2, stage.height * (low ? 0.3 : 0.7)];
  const [mx, my] = [stage.x + cx, stage.y + cy];
  await touchGesture(page, [[mx - 30, my], [mx + 30, my]], [[mx - 60, my], [mx + 60, my]]);
  await expect.poll(zoomOf).toBeGreaterThan(zoomBefore * 1.2);
  const f = (await zoomOf()) / zoomBefore;
  const expected = [cx + f * (x - cx), cy + f * (y - cy)];
  // Away from the middle, so a callout left where it was would be far from there.
  expect(Math.hypot(x - cx, y - cy)).toBeGreaterThan(20);
  await expect.poll(async () => {
    const [ax, ay] = await anchor();
    return Math.hypot(ax - expected[0], ay - expected[1]);
  }).toBeLessThan(3);
  await expect(callout).toContainText('Xã Cẩm Lý');
});

/** A touch gesture through DevTools: fingers (one or two) from `from` to `to` points. */
async function touchGesture(page, from, to, steps = 10) {
  const cdp = await page.context().newCDPSession(page);
  const at = (k) => from.map((p, i) => ({ x: p[0] + (to[i][0] - p[0]) * k / steps, y: p[1] + (to[i][1] - p[1]) * k / steps, id: i }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let k = 1; k <= steps; k++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(k) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('touch: one finger scrolls the page past the map and says to use two; two fingers zoom the map', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'touch is the phone interaction');
  await page.goto('./');
  const stage = page.locator('.map-stage');
  await expect(stage).toHaveAttribute('data-zoom', /[1-9]/);
  const zoom = Number(await stage.getAttribute('data-zoom'));
  const box = await stage.boundingBox();
  const cx = box.x + box.width / 2;
  // A swipe up on the map scrolls the page (a map filling the screen is no trap).
  await touchGesture(page, [[cx, box.y + box.height * 0.8]], [[cx, box.y + box.height * 0.3]]);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  await expect(page.getByText('Dùng hai ngón tay để di chuyển hoặc phóng to bản đồ')).toBeVisible();
  expect(Number(await stage.getAttribute('data-zoom'))).toBeCloseTo(zoom, 3);
  await expect(page.getByText('Dùng hai ngón tay để di chuyển hoặc phóng to bản đồ')).toHaveCount(0, { timeout: 4000 });
  // Two fingers spreading apart zoom the map, not the page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  const b = await stage.boundingBox();
  const [x, y] = [b.x + b.width / 2, b.y + b.height / 2];
  await touchGesture(page, [[x - 30, y], [x + 30, y]], [[x - 90, y], [x + 90, y]]);
  await expect.poll(async () => Number(await stage.getAttribute('data-zoom'))).toBeGreaterThan(zoom * 1.5);
  expect(await page.evaluate(() => [window.scrollY, window.visualViewport.scale])).toEqual([0, 1]);
  await expect(page.getByText('Dùng hai ngón tay để di chuyển hoặc phóng to bản đồ')).toHaveCount(0);
});

test('crossing 1/7/2025 shows the new communes and explains the reform', async ({ page }, info) => {
  await page.goto('./?year=2025-06');
  await expect(page.getByText('Sau sắp xếp đơn vị hành chính (từ 1/7/2025)')).toHaveCount(0);
  await expect(page.locator('.legend-list .legend-name', { hasText: /^Phường/ })).toHaveText('Phường, thị trấn (không xét)');
  await expect(page.locator('.map-reform-badge')).toHaveCount(0);
  let option = await activate(page, 'cam ly');
  await expect(option).toHaveAccessibleName(/^Xã Cẩm Lý, huyện Lục Nam/);
  const next = page.getByRole('button', { name: 'Năm sau' });
  // Where the button is on the page (a click may scroll it into view first).
  const top = () => next.evaluate((b) => b.getBoundingClientRect().top + window.scrollY);
  const before = await top();
  await next.click();
  await expect(page.locator('.map-stage')).toHaveAttribute('data-era', 'post2025');
  await expect(page.getByText('Sau sắp xếp đơn vị hành chính (từ 1/7/2025)')).toBeVisible();
  // The notice comes under the year control: the button stays under the pointer.
  const notice = page.locator('.reform-notice');
  expect((await notice.boundingBox()).y).toBeGreaterThan((await next.boundingBox()).y);
  // The year is written above the buttons across the control, so the long label of 30/6/2025
  // stays on one line on a phone too, and the buttons do not move.
  expect(await top()).toBeCloseTo(before, 0);
  await expect(page.getByRole('status').filter({ hasText: 'Bản đồ chuyển sang các xã mới' })).toHaveCount(1);
  // Townships are gone: the legend's not-assessed entry names wards only.
  await expect(page.locator('.legend-list .legend-name', { hasText: /^Phường/ })).toHaveText('Phường (không xét)');
  // The new Cẩm Lý belongs to the province of Bắc Ninh, without a district, and has no tier
  // it was not recognised at.
  option = await activate(page, 'cam ly');
  await expect(option).toHaveAccessibleName(/^Xã Cẩm Lý, tỉnh Bắc Ninh — chưa xét lại sau sắp xếp$/);
  await page.keyboard.press('Enter');
  const card = page.locator('.detail');
  await expect(card.getByRole('heading', { name: 'Hình thành từ các xã cũ' })).toBeVisible();
  await expect(card).toContainText('Xã Đan Hội');
  // On the map, a badge says why the new communes show no tier. The notice is below the first
  // screen on a phone: the badge opens it and brings it into view.
  const badge = page.getByRole('button', { name: /^Xã mới sau sắp xếp được xét lại từ đầu\. Vì sao\?$/ });
  await expect(badge).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await badge.click();
  await expect(notice).toHaveJSProperty('open', true);
  await expect(notice).toBeInViewport();
  await expect(notice).toContainText('phải được đánh giá lại');
});

test('keyboard: the cursor on the map is drawn in the focus colour, unlike any border', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./?year=2022');
  await activate(page, 'tu mich');
  const focusBlue = [11, 87, 208];
  const count = () => page.evaluate((c) => {
    const marks = document.querySelectorAll('canvas.map-layer')[1];
    const d = marks.getContext('2d').getImageData(0, 0, marks.width, marks.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] > 200 && Math.abs(d[i] - c[0]) <= 3 && Math.abs(d[i + 1] - c[1]) <= 3 && Math.abs(d[i + 2] - c[2]) <= 3) n += 1;
    }
    return n;
  }, focusBlue);
  await expect.poll(count).toBeGreaterThan(50);
});

test('keyboard: a year step across the reform leaves the focused slider where it was on screen', async ({ page }) => {
  // A laptop at 200 % zoom: the year control stacked under the map, the options below it.
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto('./?year=2024');
  const slider = page.getByRole('slider', { name: /Năm/ });
  await slider.focus();
  await slider.evaluate((s) => s.scrollIntoView({ block: 'center' }));
  const top = () => slider.evaluate((s) => Math.round(s.getBoundingClientRect().top));
  const before = await top();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.map-stage')).toHaveAttribute('data-era', 'post2025');
  await expect(page.locator('.reform-notice')).toBeVisible();
  // Scroll anchoring used to hold the options (then first in the DOM, last on screen) and
  // move the page up by the notice's height: the slider went out of sight.
  expect(Math.abs((await top()) - before)).toBeLessThanOrEqual(2);
  await expect(slider).toBeInViewport();
});

test('keyboard: Tab goes from the map to the year control, then to the options, in the order they are on screen', async ({ page }) => {
  // Both layouts: a phone-width page (a laptop at 200 % zoom) and a laptop's.
  for (const size of [{ width: 640, height: 400 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(size);
    await page.goto('./?year=2022');
    await page.locator('.map-focus').focus();
    const groups = [];
    const tops = {};
    for (let i = 0; i < 14; i += 1) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const el = document.activeElement;
        const group = el?.closest('.map-frame, .timeline, .map-options');
        if (!group) return null;
        const name = ['map-frame', 'timeline', 'map-options'].find((c) => group.classList.contains(c));
        return { name, top: Math.round(group.getBoundingClientRect().top + window.scrollY) };
      });
      if (!at) break;
      if (groups[groups.length - 1] !== at.name) groups.push(at.name);
      tops[at.name] = at.top;
    }
    // The options were first in the page but shown last on a phone: Tab went down to them
    // and back up to the map.
    expect(groups, JSON.stringify(size)).toEqual(['map-frame', 'timeline', 'map-options']);
    expect(tops['timeline']).toBeGreaterThan(tops['map-frame']);
    expect(tops['map-options']).toBeGreaterThan(tops['timeline']);
  }
  // On a laptop the options stay above the fold.
  await expect(page.getByRole('combobox', { name: 'Tô màu theo' })).toBeInViewport();
});

test('keyboard: the year buttons keep the focus at the last year; closing the card returns it to the map', async ({ page }) => {
  await page.goto('./?year=2025');
  const next = page.getByRole('button', { name: 'Năm sau' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('slider', { name: /Năm/ })).toHaveAttribute('aria-valuetext', /^30\/6\/2026/);
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await expect(next).toBeFocused();
  await page.goto('./?year=2019&unit=07519');
  const close = page.getByRole('button', { name: 'Đóng thẻ xã' });
  await close.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.detail')).toHaveCount(0);
  await expect(mapBox(page)).toBeFocused();
});

test('labels: districts before the reform; after it the provinces, not one stray commune', async ({ page }) => {
  await page.goto('./?year=2025-06');
  const stage = page.locator('.map-stage');
  await expect(stage).toHaveAttribute('data-labels', /Lộc Bình/);
  await page.goto('./?year=2026');
  await expect(stage).toHaveAttribute('data-era', 'post2025');
  await expect(stage).toHaveAttribute('data-labels', /Tỉnh Lạng Sơn/);
  const names = (await stage.getAttribute('data-labels')).split('|');
  expect(names.every((n) => n.startsWith('Tỉnh '))).toBe(true);
  // An area shown names only its own communes, not the faded neighbours around it (new Bắc
  // Ninh's map named Lạng Sơn's communes along its top).
  await page.goto('./?year=2026&scope=24-2025');
  await expect(stage).toHaveAttribute('data-labels', /Lục Nam|Tỉnh Bắc Ninh/);
  const inBacNinh = (await stage.getAttribute('data-labels')).split('|');
  for (const name of ['Đình Lập', 'Kiên Mộc', 'Châu Sơn', 'Tỉnh Lạng Sơn']) expect(inBacNinh).not.toContain(name);
});

test('under the year slider, a mark per step and the reform between 30/6/2025 and 1/7/2025', async ({ page }) => {
  await page.goto('./?year=2025-06');
  const slider = page.getByRole('slider', { name: /Năm/ });
  await expect(slider).toHaveAttribute('aria-valuetext', /^30\/6\/2025/);
  const steps = Number(await slider.getAttribute('max')) + 1;
  const ticks = page.locator('.timeline-ticks');
  await expect(ticks.locator('.tick')).toHaveCount(steps);
  // The thumb's centre at a position, from the marks (the same formula places both).
  const markX = (i) => ticks.locator('.tick').nth(i).evaluate((e) => e.getBoundingClientRect().x);
  const reformX = await ticks.locator('.tick-reform').evaluate((e) => e.getBoundingClientRect().x);
  const pos = Number(await slider.inputValue());
  expect(reformX).toBeGreaterThan(await markX(pos));
  expect(reformX).toBeLessThan(await markX(pos + 1));
});

test("an old commune's card dates its successor's tier; the successor, selected before it existed, says so", async ({ page }) => {
  await page.goto('./?year=2025-06&unit=06547');
  const card = page.locator('.detail');
  await expect(card.getByRole('heading', { level: 2, name: 'Xã Tú Mịch, huyện Lộc Bình' })).toBeVisible();
  // The new commune's tier is that of the last date of the data, said with its date, not
  // read as its tier on 30/6/2025 (it did not exist then).
  const became = card.getByRole('listitem').filter({ hasText: 'Xã Mẫu Sơn' });
  await expect(became).toContainText(/— ngày 30\/6\/2026: /);
  await expect(became.getByRole('link', { name: /^Xã Mẫu Sơn/ })).toHaveAttribute('href', /unit=06541-2025/);
  // Followed, it is shown on a date it exists (not on the old communes' map).
  await became.getByRole('link', { name: /^Xã Mẫu Sơn/ }).click();
  await expect(card.getByRole('heading', { level: 2, name: /^Xã Mẫu Sơn/ })).toBeVisible();
  await expect(page.locator('.map-stage')).toHaveAttribute('data-era', 'post2025');
  await expect(card.locator('.detail-status')).toContainText(/đạt 5\/10 tiêu chí/);
  // Selected on a date before it existed (a link), it says so.
  await page.goto('./?year=2025-06&unit=06541-2025');
  await expect(card.locator('.detail-status')).toContainText(/^\s*Xã mới, thành lập ngày 1\/7\/2025; ngày 30\/6\/2026: /);
  await expect(card.locator('.detail-status')).not.toContainText('chưa xét lại');
});

test('an old commune seen after the reform: its card says until when, and the map outlines the commune it went into', async ({ page }) => {
  await page.goto('./?year=2026&unit=06547');
  const card = page.locator('.detail');
  await expect(card.getByRole('heading', { level: 2, name: 'Xã Tú Mịch, huyện Lộc Bình (cũ)' })).toBeVisible();
  await expect(card.locator('.detail-status')).toContainText(/^\s*Đến 30\/6\/2025: /);
  await expect(card.getByRole('listitem').filter({ hasText: 'Xã Mẫu Sơn' })).toBeVisible();
  // Whom it merged with, and that its tier is not lost (a farmer read "chưa đạt chuẩn" of
  // the new commune as "we lost the standard").
  await expect(card.locator('.merger-note')).toHaveText(/^Ngày 1\/7\/2025, xã Tú Mịch cùng .+ hợp thành xã Mẫu Sơn\. Mức “Đạt chuẩn NTM” của xã Tú Mịch vẫn được ghi nhận; xã mới được đánh giá lại từ đầu/);
  await expect(page.locator('.map-stage')).toHaveAttribute('data-outlined', '06541-2025');
  // At a date after the reform, the commune it went into is said at that date, the one the
  // year control shows, not at the data's last date.
  await page.goto('./?year=2025&unit=06547');
  await expect(card.getByRole('listitem').filter({ hasText: 'Xã Mẫu Sơn' })).toContainText(/— ngày 31\/12\/2025: /);
  // Before the reform it is outlined itself.
  await page.goto('./?year=2025-06&unit=06547');
  await expect(page.locator('.map-stage')).toHaveAttribute('data-outlined', '06547');
  await expect(card.getByRole('heading', { level: 2, name: 'Xã Tú Mịch, huyện Lộc Bình' })).toBeVisible();
  // The numbers after the reform say why they start from zero, and what came before.
  await page.goto('./?year=2026&scope=20');
  await expect(page.locator('.summary-reform')).toContainText('Trước sắp xếp (30/6/2025), các xã cũ ở đây: 106/175 đạt chuẩn NTM (60,6');
  // None recognised again is not a finding of "0/61 · 0,0 %" (an audit read it as one): a
  // dash and what it means, on the cards, in the live region and in the chart's summary.
  const standard = page.locator('.figure[data-tier="standard"]');
  await expect(standard.locator('.figure-value')).toHaveText('–');
  await expect(standard.locator('.figure-share')).toHaveText('chưa có xã nào được công nhận lại');
  await expect(page.locator('.figures')).not.toContainText('0,0');
  await expect(page.getByTestId('live-summary')).toHaveText(/^30\/6\/2026: 12 trên 61 xã chưa xét lại sau sắp xếp; 0 xã đạt chuẩn NTM/);
  await expect(page.locator('.summary-moved')).toHaveCount(0);
  // A district asked for after the reform goes on in the new communes its communes went
  // into: the numbers, the table and the area selector are those 8 communes', as the progress
  // chart's bars are, not the whole new province's (66), and they say so.
  await page.goto('./?year=2026&scope=218');
  await expect(page.locator('.summary-moved')).toHaveText('Từ 1/7/2025 không còn huyện Lục Nam; số liệu dưới đây là của 8 xã, phường mới hình thành (toàn bộ hoặc một phần) từ các xã, thị trấn của huyện này.');
  await expect(page.locator('.summary-total')).toContainText('8 xã');
  await page.goto('./?year=2026&scope=218&view=table');
  await expect(page.getByRole('combobox', { name: 'Phạm vi' })).toHaveValue('218');
  await expect(page.getByRole('combobox', { name: 'Phạm vi' }).locator('option:checked')).toHaveText('Huyện Lục Nam (cũ)');
  await expect(page.locator('table caption').first()).toContainText('Các xã, phường mới hình thành (toàn bộ hoặc một phần) từ huyện Lục Nam cũ');
  await expect(page.locator('table tbody tr')).toHaveCount(8);
  await page.goto('./?year=2025&scope=20&view=charts');
  await expect(page.locator('.chart-summary').first()).toContainText('Tính đến 30/6/2026: chưa có xã nào được công nhận lại; 12 trên 61 xã chưa xét lại sau sắp xếp.');
});

test('a ward is not assessed: its card has no recognition history to wait for', async ({ page }) => {
  await page.goto('./?year=2022&unit=05983');
  const card = page.locator('.detail');
  await expect(card.getByRole('heading', { level: 2, name: /^Phường Chi Lăng/ })).toBeVisible();
  await expect(card.locator('.detail-status')).toContainText('không xét NTM');
  await expect(card.getByRole('heading', { name: 'Quá trình đạt chuẩn' })).toHaveCount(0);
  await expect(card).not.toContainText('Chưa có quyết định công nhận');
  // A commune with none yet still says so.
  await page.goto('./?year=2016&unit=06547');
  await expect(card.getByRole('heading', { name: 'Quá trình đạt chuẩn' })).toBeVisible();
});

test('a commune picked in the search box is brought into view on a zoomed-in map', async ({ page }) => {
  await page.goto('./?year=2022');
  const stage = page.locator('.map-stage');
  await expect(stage).toHaveAttribute('data-zoom', /[1-9]/);
  for (let k = 0; k < 5; k += 1) await page.getByRole('button', { name: 'Phóng to' }).click();
  const box = page.getByRole('combobox', { name: 'Tìm xã, huyện, tỉnh' });
  await box.fill('tu mich');
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(stage).toHaveAttribute('data-outlined', '06547');
  const size = await stage.boundingBox();
  await expect.poll(async () => {
    const [x, y] = (await stage.getAttribute('data-outlined-at')).split(',').map(Number);
    return x > 0 && y > 0 && x < size.width && y < size.height;
  }).toBe(true);
});

test('on a short map (200 % zoom) the locator inset leaves the map buttons clear', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto('./?year=2022');
  const inset = page.locator('.inset');
  await expect(inset).toBeVisible();
  const a = await inset.boundingBox();
  for (const name of ['Phóng to', 'Thu nhỏ', 'Về toàn cảnh']) {
    const b = await page.getByRole('button', { name }).boundingBox();
    const apart = a.x >= b.x + b.width || b.x >= a.x + a.width || a.y >= b.y + b.height || b.y >= a.y + a.height;
    expect(apart, name).toBe(true);
  }
});

test('embedded, the wheel scrolls the article and Ctrl with the wheel zooms the map', async ({ page }, info) => {
  test.skip(info.project.name === 'phone', 'a wheel is a desktop thing');
  await page.goto('./?embed=1');
  const stage = page.locator('.map-stage');
  await expect(stage).toHaveAttribute('data-zoom', /[1-9]/);
  const initial = Number(await stage.getAttribute('data-zoom'));
  const box = await page.locator('canvas.map-canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -240);
  await expect(page.locator('.map-hint').filter({ hasText: 'Giữ Ctrl' })).toHaveText('Giữ Ctrl và cuộn để phóng to bản đồ');
  await page.waitForTimeout(400);
  expect(Number(await stage.getAttribute('data-zoom'))).toBeCloseTo(initial, 3);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -240);
  await page.keyboard.up('Control');
  await expect.poll(async () => Number(await stage.getAttribute('data-zoom'))).toBeGreaterThan(initial * 1.1);
  // The full app zooms with the wheel alone.
  await page.goto('./');
  await expect(stage).toHaveAttribute('data-zoom', /[1-9]/);
  const full = Number(await stage.getAttribute('data-zoom'));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -240);
  await expect.poll(async () => Number(await stage.getAttribute('data-zoom'))).toBeGreaterThan(full * 1.1);
});

test('a link to a date or a commune the data does not have says so, and what it shows instead', async ({ page }) => {
  await page.goto('./?year=2031&unit=99999');
  await expect(page.locator('.map-stage')).toHaveAttribute('data-zoom', /[1-9]/);
  const notice = page.locator('.link-notice');
  await expect(notice).toContainText('Liên kết hỏi ngày “2031”, dữ liệu không có ngày này; đang xem 30/6/2025 (trước sắp xếp).');
  await expect(notice).toContainText('Liên kết hỏi đơn vị mã “99999”, dữ liệu không có đơn vị này.');
  await page.goto('./?year=2025-12&lang=en');
  await expect(page.locator('.map-stage')).toHaveAttribute('data-zoom', /[1-9]/);
  await expect(page.locator('#year-slider')).toHaveAttribute('aria-valuetext', /^31 December 2025/);
  await expect(notice).toHaveCount(0);
});

test('zoom buttons, keys and reset', async ({ page }) => {
  await page.goto('./');
  const stage = page.locator('.map-stage');
  await expect(stage).toHaveAttribute('data-zoom', /[1-9]/);
  const initial = Number(await stage.getAttribute('data-zoom'));
  await page.getByRole('button', { name: 'Phóng to' }).click();
  await expect.poll(async () => Number(await stage.getAttribute('data-zoom'))).toBeCloseTo(initial * 1.6, 2);
  await page.getByRole('button', { name: 'Phóng to' }).click();
  await page.getByRole('button', { name: 'Thu nhỏ' }).click();
  await expect.poll(async () => Number(await stage.getAttribute('data-zoom'))).toBeCloseTo(initial * 1.6, 2);
  await page.getByRole('button', { name: 'Về toàn cảnh' }).click();
  await expect.poll(async () => Number(await stage.getAttribute('data-zoom'))).toBeCloseTo(initial, 3);
  await mapBox(page).focus();
  await page.keyboard.press('+');
  await expect.poll(async () => Number(await stage.getAttribute('data-zoom'))).toBeGreaterThan(initial * 1.4);
  await page.keyboard.press('0');
  await expect.poll(async () => Number(await stage.getAttribute('data-zoom'))).toBeCloseTo(initial, 3);
  // Zoom stops where a typical commune is about half the map across (ten presses filled the
  // map with two flat colours and no label), and the button says so.
  const zoomIn = page.getByRole('button', { name: 'Phóng to' });
  const zoomOut = page.getByRole('button', { name: 'Thu nhỏ' });
  await expect(zoomIn).not.toHaveAttribute('aria-disabled', 'true');
  for (let k = 0; k < 20 && (await zoomIn.getAttribute('aria-disabled')) !== 'true'; k += 1) {
    await zoomIn.click();
    await page.waitForTimeout(50);
  }
  await expect(zoomIn).toHaveAttribute('aria-disabled', 'true');
  const most = Number(await stage.getAttribute('data-zoom'));
  expect(most).toBeGreaterThan(initial * 4);
  expect(most).toBeLessThan(initial * 40);
  await zoomIn.click({ force: true });
  await page.waitForTimeout(200);
  expect(Number(await stage.getAttribute('data-zoom'))).toBeCloseTo(most, 3);
  await expect(zoomOut).not.toHaveAttribute('aria-disabled', 'true');
  // Labels still name the communes there.
  await expect(stage).toHaveAttribute('data-labels', /\p{L}/u);
});

test('play steps through the years, pauses where the reform is crossed, and stops at the last', async ({ page }) => {
  await page.goto('./?year=2024');
  await expect(page.locator('.map-stage')).toHaveAttribute('data-zoom', /[1-9]/);
  // One button, named for what it does: "Phát qua các năm", then "Tạm dừng" while playing.
  const play = page.getByRole('button', { name: /^(Phát qua các năm|Tạm dừng)$/ });
  const slider = page.getByRole('slider', { name: /Năm/ });
  await expect(play).toHaveAccessibleName('Phát qua các năm');
  await play.click();
  await expect(play).toHaveAccessibleName('Tạm dừng');
  // Its name says its state: no "pressed" besides ("Tạm dừng, đã nhấn").
  await expect(play).not.toHaveAttribute('aria-pressed', /./);
  // 2024 → 30/6/2025 → the first date after the reform, where it pauses with the notice.
  await expect(slider).toHaveAttribute('aria-valuetext', /^31\/12\/2025 \(sau sắp xếp\)$/, { timeout: 10_000 });
  await expect(play).toHaveAccessibleName('Phát qua các năm');
  await expect(page.locator('#reform-notice')).toBeAttached();
  // It says why it stopped there, and how to go on (it looked like the end of the data).
  const paused = page.getByRole('status').filter({ hasText: 'Đã dừng ở mốc đầu tiên sau ngày sắp xếp 1/7/2025' });
  await expect(paused).toBeVisible();
  await page.waitForTimeout(2000);
  await expect(slider).toHaveAttribute('aria-valuetext', /^31\/12\/2025 \(sau sắp xếp\)$/);
  // Play again: on to the last date, and stops there, with nothing to say.
  await play.click();
  await expect(paused).toHaveCount(0);
  await expect(slider).toHaveAttribute('aria-valuetext', /^30\/6\/2026/, { timeout: 10_000 });
  await expect(play).toHaveAccessibleName('Phát qua các năm');
  await expect(page.locator('.timeline-paused')).toBeEmpty();
});

test('the legend counts communes and highlights a tier', async ({ page }) => {
  await page.goto('./?scope=20');
  const legend = page.getByRole('region', { name: 'Chú giải' });
  const standard = legend.getByRole('button', { name: /Đạt chuẩn NTM/ });
  await expect(standard).toHaveAttribute('aria-pressed', 'false');
  await standard.click();
  await expect(standard).toHaveAttribute('aria-pressed', 'true');
  // Lạng Sơn on 30/6/2025: 106 at the standard or above, of which 28 advanced, 10 model.
  await expect(legend.getByRole('button', { name: /NTM kiểu mẫu/ })).toContainText('10');
  await expect(legend.getByRole('button', { name: /NTM nâng cao/ })).toContainText('18');
  await expect(legend.getByRole('button', { name: /Đạt chuẩn NTM/ })).toContainText('78');
  // Each entry's name says what its number counts.
  await expect(legend.getByRole('button', { name: 'NTM kiểu mẫu 10 xã', exact: true })).toBeVisible();
  // Wards and townships are not communes: counted as units.
  await expect(legend.getByRole('button', { name: /^Phường, thị trấn \(không xét\) \d+ đơn vị$/ })).toBeVisible();
  // Over the map, where the reader looks (on a phone the map comes into view): what is
  // highlighted, and the way to end it.
  const badge = page.locator('.map-highlight-badge');
  await expect(badge).toHaveText(/Đang làm nổi: Đạt chuẩn NTM 78 xã/);
  await expect(page.locator('.map-stage')).toBeInViewport({ ratio: 0.5 });
  await badge.getByRole('button', { name: 'Bỏ làm nổi' }).click();
  await expect(standard).toHaveAttribute('aria-pressed', 'false');
  await expect(badge).toHaveCount(0);
  // A tier no commune in view is at says so (the whole map faded, with nothing said).
  await page.goto('./?scope=20&year=2026');
  await legend.getByRole('button', { name: /NTM kiểu mẫu/ }).click();
  await expect(badge).toHaveText(/Không có xã nào ở mức “NTM kiểu mẫu” trong vùng đang xem/);
});

test('the geometry is decoded while the statistics are still downloading', async ({ page }) => {
  // The statistics take 3 s to come; the boundaries, which need no statistics to decode, do
  // not wait for them (the start-up script preloads them, the app decodes them on arrival).
  await page.route('**/data/ntm.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await route.continue();
  });
  await page.goto('./');
  await expect(page.locator('.map-stage')).toHaveAttribute('data-era', 'pre2025');
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  expect(marks['geometry-decoded']).toBeLessThan(marks['data-ready']);
  expect(marks['data-ready']).toBeLessThan(marks['map-ready']);
});

test('the map downloads as a picture that says what it shows: title, place, key, sources', async ({ page }) => {
  // Lạng Sơn after the reform: no commune there is at a tier yet, so the tiers' colours in the
  // picture can only be its key's swatches (always shown, as in the legend).
  await page.goto('./?year=2026&scope=20');
  await expect(page.locator('.map-stage')).toHaveAttribute('data-zoom', /[1-9]/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải ảnh bản đồ (PNG)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ntm-map-tinh-lang-son-2026\.png$/);
  const png = await readFile(await download.path());
  const fills = { model: [0x25, 0x34, 0x94], advanced: [0x41, 0xb6, 0xc4], standard: [0xa1, 0xda, 0xb4], notYet: [0xff, 0xff, 0xcc] };
  const found = { ...(await colourCounts(page, png, fills)), head: await colourCounts(page, png, fills, 0, 30) };
  found.all = found;
  expect(found.width).toBeGreaterThanOrEqual(560);
  // The title's dark letters over the map.
  expect(found.head.ink).toBeGreaterThan(100);
  for (const tier of ['model', 'advanced', 'standard']) {
    expect(found.all[tier], `the key's ${tier} swatch`).toBeGreaterThan(40);
  }
  // The map itself: its communes not yet at the standard.
  expect(found.all.notYet).toBeGreaterThan(5000);
  // Cropped to the province (a phone's stage is much taller), with its title, key and lines.
  const stage = await page.locator('.map-stage').boundingBox();
  const dpr = await page.evaluate(() => window.devicePixelRatio);
  expect(found.height).toBeLessThan((stage.height + 450) * dpr);
  // The share dialog offers the same picture, on the map's page.
  await page.getByRole('button', { name: 'Chia sẻ' }).click();
  const dialog = page.getByRole('dialog', { name: /Chia sẻ/ });
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Tải ảnh bản đồ (PNG)' }).click(),
  ]);
  expect(again.suggestedFilename()).toBe(download.suggestedFilename());
});

test('a year change writes only what shows the year: nothing is rebuilt', async ({ page }) => {
  // A rebuilt element sets its class and id again; the footer and the side panel were rebuilt
  // whole on every year step (a frame's layout and paint for nothing the reader sees change).
  await page.goto('./?year=2021');
  const legendCount = page.locator('.legend-count').first();
  await expect(legendCount).toBeVisible();
  await page.evaluate(() => {
    window.__mutations = [];
    new MutationObserver((list) => {
      for (const m of list) {
        const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        window.__mutations.push({
          type: m.type,
          attribute: m.attributeName,
          inFooter: !!el?.closest('footer'),
          inLegend: !!el?.closest('section.legend'),
        });
      }
    }).observe(document.body, { subtree: true, attributes: true, characterData: true, childList: true });
  });
  const before = await legendCount.textContent();
  await page.getByRole('button', { name: 'Năm trước' }).click();
  await expect(page.locator('#year-slider')).toHaveAttribute('aria-valuetext', '2020');
  await expect(legendCount).not.toHaveText(before);
  // The panels that follow a frame later have had their frame.
  await page.waitForTimeout(300);
  const m = await page.evaluate(() => window.__mutations);
  expect(m.length).toBeGreaterThan(0);
  expect(m.filter((x) => x.attribute === 'class' || x.attribute === 'id')).toEqual([]);
  expect(m.filter((x) => x.type === 'childList' && (x.inFooter || x.inLegend))).toEqual([]);
});

test('the map is painted first; the summary and legend come in the next task', async ({ page }) => {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.side-panel > *')) {
        performance.mark('panels-shown');
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('./');
  await expect(page.getByRole('button', { name: /Đạt chuẩn/ }).first()).toBeVisible();
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  expect(marks['map-ready']).toBeGreaterThan(0);
  expect(marks['panels-shown']).toBeGreaterThan(marks['map-ready']);
});

// Never a blank page: a real local server misbehaves on purpose (scripts/serve.mjs --faults),
// and each case must give a specific message in the reader's language while whatever still
// works keeps working.
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fault, watchErrors } from './helpers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const demo = () => JSON.parse(readFileSync(join(root, 'public/data/ntm.json'), 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'ntm-e2e-'));
function writeTmp(name, content) {
  const path = join(tmp, `${process.pid}-${name}`);
  writeFileSync(path, content);
  return path;
}

const alert = (page) => page.getByRole('alert');
const summary = (page) => page.getByRole('region', { name: 'Tóm tắt số liệu' });

test('404: says the file is missing; retry recovers once it is back', async ({ page }) => {
  const clear = await fault(page, 'data/ntm.json', 'status', '404');
  await page.goto('./');
  await expect(alert(page)).toContainText('Không tìm thấy tệp dữ liệu data/ntm.json (lỗi 404)');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await clear();
  await alert(page).getByRole('button', { name: 'Thử lại' }).click();
  await expect(summary(page)).toBeVisible();
});

test('500: says the server failed and retries by itself with backoff', async ({ page }) => {
  const clear = await fault(page, 'data/ntm.json', 'status', '500');
  await page.goto('./?lang=en');
  await expect(alert(page)).toContainText('The server answered 500 for data/ntm.json.');
  await expect(alert(page)).toContainText(/Retrying in [12] s/);
  await clear();
  await expect(page.getByRole('region', { name: 'Summary figures' })).toBeVisible({ timeout: 8000 });
});

test('a server that never answers times out with a message', async ({ page }) => {
  await fault(page, 'data/ntm.json', 'hang');
  await page.clock.install();
  await page.goto('./');
  // The first paint (headline numbers written at build time) says the map is loading.
  await expect(page.getByRole('status').filter({ hasText: /Đang tải (dữ liệu|bản đồ)/ })).toBeVisible();
  // The first paint is there before the app's code runs: run the clock only once the app has
  // asked for the data and set its timer (it builds its page in the task after that), or a
  // slow start would set the 45 s timer after the clock had already moved on.
  await page.locator('.app').waitFor({ state: 'attached' });
  await page.clock.runFor(46_000);
  await expect(alert(page)).toContainText('Máy chủ không trả lời sau 45 giây (data/ntm.json).');
});

test.describe('with no service worker cache', () => {
  test.use({ serviceWorkers: 'block' });
  test('offline: says there is no connection', async ({ page, context }) => {
    // The app's code has loaded; then the connection drops before the data arrives.
    let codeLoaded;
    const loaded = new Promise((ok) => { codeLoaded = ok; });
    page.on('requestfinished', (r) => { if (/_bg\.wasm$/.test(r.url())) codeLoaded(); });
    await page.route('**/data/ntm.json', async (route) => {
      await loaded;
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    });
    await page.goto('./');
    await expect(alert(page)).toContainText('Không có kết nối mạng');
    await context.setOffline(false);
  });

  test("the app's code fails to load: the first paint says so and offers a reload", async ({ page }) => {
    let broken = true;
    await page.route(/_bg\.wasm$/, (route) => (broken ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
    await page.goto('./');
    // The headline numbers written at build time stay readable.
    await expect(summary(page)).toContainText('xã đạt chuẩn NTM');
    await expect(alert(page)).toContainText('Không tải được ứng dụng');
    // So does the map preview drawn at build time: the default view's communes by tier, in
    // the live map's colours and textures, inside the screen's width.
    const preview = page.getByRole('img', { name: /^Ảnh xem trước bản đồ các xã theo mức đạt nông thôn mới, 30\/6\/2025/ });
    await expect(preview).toBeVisible();
    expect(await preview.locator('use[fill^="url(#pm"]').count()).toBeGreaterThanOrEqual(3);
    expect((await preview.boundingBox()).width).toBeLessThanOrEqual(page.viewportSize().width);
    await expect(page.locator('.prerender-figure figcaption')).toHaveText(/Ranh giới xã là gần đúng/);
    broken = false;
    await alert(page).getByRole('button', { name: 'Tải lại trang' }).click();
    await expect(page.locator('.map-stage')).toBeVisible();
    await expect(alert(page)).toHaveCount(0);
    // The live map replaces it.
    await expect(preview).toHaveCount(0);
  });

  test('what is typed in the search box before the app has started carries on in the app', async ({ page }) => {
    // A slow network: the app's code is held back while the reader types in the first paint.
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto('./', { waitUntil: 'commit' });
    await expect(page.locator('.loading')).toContainText('ảnh xem trước');
    const early = page.locator('#prerender').getByRole('searchbox', { name: 'Tìm xã, huyện, tỉnh' });
    await early.fill('tu mich');
    release();
    const box = page.getByRole('combobox', { name: 'Tìm xã, huyện, tỉnh' });
    await expect(box).toHaveValue('tu mich');
    await expect(box).toBeFocused();
    await expect(page.getByRole('option', { name: /^Xã Tú Mịch, huyện Lộc Bình/ })).toBeVisible();
    await expect(page.locator('#prerender')).toHaveCount(0);
  });

  test('a link in English gets its first paint in English, before the app arrives', async ({ page }) => {
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto('./?lang=en', { waitUntil: 'commit' });
    const first = page.locator('#prerender');
    await expect(first.getByRole('heading', { level: 1 })).toHaveText('New Rural Development Atlas');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('New Rural Development Atlas');
    await expect(first.locator('.summary')).toContainText('73.9%');
    await expect(first.locator('.summary')).not.toContainText('xã');
    await expect(first.getByRole('img', { name: /^Preview of the map of communes by New Rural Development tier, 30 June 2025/ })).toBeVisible();
    await expect(first.locator('.prerender-figure figcaption')).toHaveText(/^Commune boundaries are approximate/);
    release();
    await expect(page.locator('#prerender')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('New Rural Development Atlas');
  });

  test('a link to a commune names it, with its tier and a pin on the preview, before the app arrives', async ({ page }) => {
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto('./?unit=06547', { waitUntil: 'commit' });
    const place = page.locator('#prerender .prerender-place');
    await expect(place).toHaveText('Xã Tú Mịch, huyện Lộc Bình đạt chuẩn NTM năm 2020');
    await expect(place.locator('.swatch')).toHaveAttribute('data-status', 'standard');
    // The pin is on the map preview, where Tú Mịch is drawn (Lộc Bình, the province's east),
    // and the card over the map does not hide it.
    const pin = await page.locator('.prerender-pin').boundingBox();
    const map = await page.locator('.prerender-map').boundingBox();
    const card = await place.boundingBox();
    expect(pin.x - map.x).toBeGreaterThan(map.width * 0.6);
    expect(pin.y + pin.height < card.y || pin.y > card.y + card.height).toBe(true);
    release();
    await expect(page.locator('#prerender')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Xã Tú Mịch, huyện Lộc Bình' })).toBeAttached();
  });

  test('a link to a commune in English, or to another year, says only what holds for it', async ({ page }) => {
    await page.route(/_bg\.wasm$/, () => {}); // never answered
    await page.goto('./?unit=07519&lang=en', { waitUntil: 'commit' });
    await expect(page.locator('#prerender .prerender-place')).toHaveText('Cẩm Lý Commune, Lục Nam District NTM standard since 2019');
    // The tier is the preview's (30/6/2025): a link to 2017 gets the name and the pin only.
    await page.goto('./?unit=07519&year=2017', { waitUntil: 'commit' });
    await expect(page.locator('#prerender .prerender-place')).toHaveText('Xã Cẩm Lý, huyện Lục Nam');
    await expect(page.locator('.prerender-pin')).toHaveCount(1);
    // A commune the data does not know: no card, the first paint as for any link, and no
    // request for a file that is not there.
    const asked = [];
    page.on('request', (r) => { if (r.url().includes('/places/')) asked.push(r.url()); });
    await page.goto('./?unit=99999', { waitUntil: 'commit' });
    await expect(page.locator('#prerender .summary')).toBeVisible();
    await page.waitForTimeout(300);
    await expect(page.locator('.prerender-place')).toHaveCount(0);
    expect(asked).toEqual([]);
  });

  test('the map does not jump when the app replaces the first paint', async ({ page }) => {
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto('./', { waitUntil: 'commit' });
    const top = (sel) => page.locator(sel).evaluate((e) => e.getBoundingClientRect().top);
    await expect(page.locator('.prerender-map')).toBeVisible();
    const before = await top('.prerender-map');
    release();
    await expect(page.locator('#prerender')).toHaveCount(0);
    const after = await top('.map-stage');
    // It was 292 px lower on a phone: the introduction and a reserved hint line were above
    // it; then 68 px, with the loading line and the date above it where the app has its tabs.
    expect(Math.abs(after - before)).toBeLessThan(16);
  });

  test('nothing but the page arrives: after a while the first paint offers a reload', async ({ page }) => {
    await page.route(/\.(js|wasm)$/, () => {}); // never answered
    await page.goto('./', { waitUntil: 'commit' });
    const hint = page.locator('.slow-hint');
    await expect(summary(page)).toBeVisible();
    await expect(hint).toBeHidden();
    // CSS shows it after 20 s; move its animation on rather than wait.
    await page.evaluate(() => document.getAnimations().forEach((a) => { a.currentTime = 21_000; }));
    await expect(hint).toBeVisible();
    await expect(hint.getByRole('link', { name: 'Tải lại trang' })).toHaveAttribute('href', '');
  });
});

test('an HTML page served with status 200 instead of the data', async ({ page }) => {
  await fault(page, 'data/ntm.json', 'html200');
  await page.goto('./');
  await expect(alert(page)).toContainText('Máy chủ trả về một trang web thay vì tệp dữ liệu (data/ntm.json)');
});

test('truncated JSON is reported with its line and column', async ({ page }) => {
  await fault(page, 'data/ntm.json', 'truncate');
  await page.goto('./');
  await expect(alert(page)).toContainText(/Tệp dữ liệu bị hỏng hoặc không đầy đủ ở dòng \d+, cột \d+/);
});

test('a dataset saved in another encoding is located, not shown with broken names', async ({ page }) => {
  // Pretty-printed, "Lạng Sơn" on some line has its "ạ" replaced by a Windows-1258 byte.
  const text = JSON.stringify(demo(), null, 1);
  const at = text.indexOf('Lạng Sơn');
  const line = text.slice(0, at).split('\n').length;
  const bytes = Buffer.concat([Buffer.from(text.slice(0, at + 1)), Buffer.from([0xb9]), Buffer.from(text.slice(at + 2))]);
  await fault(page, 'data/ntm.json', 'file', writeTmp('cp1258.json', bytes));
  await page.goto('./');
  await expect(alert(page)).toContainText(`ở dòng ${line}, cột`);
  await expect(alert(page)).toContainText('tệp không phải văn bản UTF-8');
  await page.goto('./?lang=en');
  await expect(alert(page)).toContainText(`line ${line}`);
  await expect(alert(page)).toContainText('the file is not UTF-8 text');
});

test('a wrong content type is named', async ({ page }) => {
  await fault(page, 'data/ntm.json', 'type', 'image/png');
  await page.goto('./');
  await expect(alert(page)).toContainText('Tệp dữ liệu có kiểu nội dung không đúng: image/png');
});

test('a dataset from a newer tool asks for a newer app', async ({ page }) => {
  const data = demo();
  data.schema = 99;
  await fault(page, 'data/ntm.json', 'file', writeTmp('newer.json', JSON.stringify(data)));
  await page.goto('./');
  await expect(alert(page)).toContainText('cần phiên bản ứng dụng mới hơn');
});

test('a 50 MB file is refused before parsing, without freezing the tab', async ({ page }) => {
  const path = writeTmp('huge.json', `{"schema":1,"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`);
  await fault(page, 'data/ntm.json', 'file', path);
  await page.goto('./');
  await expect(alert(page)).toContainText(/Tệp dữ liệu quá lớn \(52,4\s?MB\); giới hạn là/);
});

test('geometry fails while statistics load: the map says why, table and summary still work', async ({ page }) => {
  await fault(page, 'data/geo-pre2025.json', 'status', '500');
  await page.goto('./?lite=0');
  await expect(summary(page)).toBeVisible();
  await expect(alert(page)).toContainText('Không hiển thị được bản đồ: Máy chủ trả lời lỗi 500 khi tải data/geo-pre2025.json. Bảng và biểu đồ vẫn dùng được.');
  await page.getByRole('link', { name: 'Bảng' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).not.toHaveCount(0);
});

test('a dataset with errors still shows what is sound, and lists the problems', async ({ page }) => {
  const data = demo();
  // A duplicate unit and a recognition of an unknown commune.
  data.units.push({ ...data.units[5] });
  data.recognitions.push({ unit: '99999', tier: 'standard', year: 2019, illustrative: true });
  await fault(page, 'data/ntm.json', 'file', writeTmp('errors.json', JSON.stringify(data)));
  await page.goto('./');
  await expect(summary(page)).toBeVisible();
  const notice = page.getByText(/Bộ dữ liệu có \d+ lỗi/);
  await expect(notice).toBeVisible();
  await notice.click();
  await expect(page.locator('.problems')).toContainText('không có đơn vị hành chính mã “99999”');
  await expect(page.locator('.problems')).toContainText('bị trùng');
});

test('hostile names are shown as text and the layout holds', async ({ page }) => {
  const errors = watchErrors(page);
  const data = demo();
  const tuMich = data.units.find((u) => u.code === '06463');
  tuMich.name = `<img src=x onerror="window.__pwned=1">Tú Mịch${'\u202e'}ngược${'\u202c'} ${'rất dài '.repeat(38)}`;
  await fault(page, 'data/ntm.json', 'file', writeTmp('hostile.json', JSON.stringify(data)));
  await page.goto('./?unit=06463&year=2020');
  await expect(summary(page)).toBeVisible();
  const heading = page.locator('.detail h2');
  await expect(heading).toContainText('<img src=x onerror=');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  // No horizontal overflow of the page.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  // Validation flags the direction-override characters.
  await expect(page.getByText(/Bộ dữ liệu có 1 lỗi/)).toBeVisible();
  expect(errors()).toEqual([]);
});

test('junk in every URL parameter falls back to defaults', async ({ page }) => {
  const errors = watchErrors(page);
  const junk = [
    'lang=%3Cscript%3E', 'view=-1', 'year=99999999999999999999', 'scope=%E2%80%AE%F0%9F%98%80',
    'unit=../../etc/passwd', 'colour=%00', 'embed=yes%20please', 'lite=-5', `zzz=${'a'.repeat(5000)}`, '%ZZ=%',
  ].join('&');
  await page.goto(`./?${junk}`);
  await expect(summary(page)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('link', { name: 'Bản đồ' })).toHaveAttribute('aria-current', 'page');
  expect(errors()).toEqual([]);
});

test('copy error details gives a maintainer what they need', async ({ page, context }, info) => {
  test.skip(info.project.name === 'phone', 'clipboard permissions are tested once');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await fault(page, 'data/ntm.json', 'status', '404');
  await page.goto('./');
  await alert(page).getByRole('button', { name: 'Sao chép chi tiết lỗi' }).click();
  await expect(alert(page)).toContainText('Đã sao chép');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^NTM Atlas \d+\.\d+\.\d+/);
  expect(text).toContain('file: data/ntm.json');
  expect(text).toContain('lỗi 404');
});

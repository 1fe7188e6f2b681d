// Offline use and updates: once visited, the app and its data work with no network, and
// stepping through the years costs no request; a new dataset deployed on the server is picked
// up on the next online visit.
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fault, trackRequests } from './helpers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const summary = (page) => page.getByRole('region', { name: 'Tóm tắt số liệu' });

async function waitForOfflineCache(page) {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
    return reg.active.state;
  });
  await expect.poll(() => page.evaluate(async () => {
    const names = await caches.keys();
    const cache = names.length ? await caches.open(names[0]) : null;
    return cache ? (await cache.keys()).length : 0;
  })).toBeGreaterThan(5);
}

test('an offline reload shows the cached app and data, and says it is offline', async ({ page, context }) => {
  await page.goto('./?year=2019');
  await expect(summary(page)).toBeVisible();
  await waitForOfflineCache(page);
  await expect(page.getByText(/Ngoại tuyến/)).toHaveCount(0);

  await context.setOffline(true);
  await page.reload();
  await expect(summary(page)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Ngoại tuyến — đang dùng số liệu đã lưu, số liệu đến' })).toBeVisible();
  // The map still draws from cached geometry.
  await expect(page.locator('.map-stage')).toHaveAttribute('data-era', 'pre2025');
  // Back online: the banner says so and offers the newest data, which a reload brings.
  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: 'Đã có mạng trở lại — đang xem số liệu đã lưu' })).toBeVisible();
  await page.getByRole('button', { name: 'Tải số liệu mới nhất' }).click();
  await expect(summary(page)).toBeVisible();
  await expect(page.locator('.offline-indicator')).toHaveCount(0);
});

test('the first visit downloads the app once: the offline copy reuses what the page fetched', async ({ page }) => {
  const requests = await trackRequests(page);
  await page.goto('./');
  await expect(summary(page)).toBeVisible();
  await waitForOfflineCache(page);
  const asked = await requests();
  const count = (re) => asked.filter((p) => re.test(p)).length;
  // The app's code and its start-up script: one request each, the page's.
  expect(count(/_bg\.wasm$/)).toBe(1);
  expect(count(/^ntm-atlas-[0-9a-f]+\.js$/)).toBe(1);
  expect(count(/^boot-[0-9a-f]+\.js$/)).toBe(1);
  // The page and the data are revalidated for the offline copy: asked again, with the
  // validator the first answer gave, and answered "not modified", with no body.
  expect(asked.filter((p) => /^data\/ntm\.json( 304)?$/.test(p))).toEqual(['data/ntm.json', 'data/ntm.json 304']);
  expect(asked.filter((p) => /^( 304)?$/.test(p))).toEqual(['', ' 304']);
  // And the offline copy holds the app's code all the same.
  const cached = await page.evaluate(async () => {
    const cache = await caches.open((await caches.keys())[0]);
    return (await cache.keys()).map((r) => new URL(r.url).pathname.split('/').pop());
  });
  expect(cached.some((n) => n.endsWith('_bg.wasm'))).toBe(true);
  expect(cached).toContain('ntm.json');
});

test('a saved copy shown because the network is too slow says so, not "back online"', async ({ page }) => {
  await page.goto('./?year=2019');
  await expect(summary(page)).toBeVisible();
  await waitForOfflineCache(page);
  // The browser says it is online, but the data does not come (a weak signal): the service
  // worker serves the saved copy.
  await fault(page, 'data/ntm.json', 'slow', '20000');
  await page.reload();
  await expect(summary(page)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Không tải được số liệu mới (mạng yếu hoặc mất kết nối) — đang xem số liệu đã lưu' })).toBeVisible();
  await expect(page.getByText(/Đã có mạng trở lại/)).toHaveCount(0);
});

/** Visits once (the service worker caches the app and the data), checks the footer's version,
 *  then deploys a dataset with another version and reloads: the footer must show it. */
async function newDatasetOnReload(page, version) {
  await page.goto('./');
  await expect(summary(page)).toBeVisible();
  await waitForOfflineCache(page);
  const footer = page.locator('footer');
  const data = JSON.parse(readFileSync(join(root, 'public/data/ntm.json'), 'utf8'));
  await expect(footer).toContainText(`phiên bản ${data.version}`);
  await page.reload();
  await expect(footer).toContainText(`phiên bản ${data.version}`);
  data.version = version;
  const path = join(mkdtempSync(join(tmpdir(), 'ntm-e2e-')), 'newer.json');
  writeFileSync(path, JSON.stringify(data));
  await fault(page, 'data/ntm.json', 'file', path);
  await page.reload();
  await expect(footer).toContainText(`phiên bản ${version}`);
}

test('a newly deployed dataset is picked up on the next online visit', async ({ page }) => {
  await newDatasetOnReload(page, '2099.01.01');
});

test('a new dataset is picked up even where the host lets the browser cache the old one for a day', async ({ page }) => {
  // A host with no cache rules: the browser may keep data/ntm.json "fresh" for days. The
  // service worker revalidates with the server all the same (a deployer found the old data
  // shown after an update behind the README's Apache block).
  await fault(page, 'data/ntm.json', 'cached');
  await newDatasetOnReload(page, '2099.02.02');
});

test('once the app is cached, stepping through the years asks the server for nothing', async ({ page }) => {
  await page.goto('./?year=2019');
  await expect(summary(page)).toBeVisible();
  await waitForOfflineCache(page);
  const requests = await trackRequests(page);
  const next = page.getByRole('button', { name: 'Năm sau' });
  for (const year of [2020, 2021, 2022]) {
    await next.click();
    await expect(page).toHaveURL(new RegExp(`year=${year}`));
  }
  await page.waitForTimeout(500);
  // Chromium fetches the page's icon again on every change of the address: the service worker
  // answers it from the cache, like everything else a year step needs.
  expect(await requests()).toEqual([]);
});

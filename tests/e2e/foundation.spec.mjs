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

  await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New Rural Development Atlas');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/lang=en/);
  await expect(page.getByRole('region', { name: 'Summary figures' })).toBeVisible();
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

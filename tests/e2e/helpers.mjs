// Shared helpers of the end-to-end tests.
import { expect } from '@playwright/test';

let counter = 0;

/** Makes the real test server misbehave for this page's requests to `path` (relative to the
 *  app), e.g. fault(page, 'data/ntm.json', 'status', 500). Other tests are not affected. */
export async function fault(page, path, mode, arg = '') {
  const scope = `s${process.pid}-${Date.now()}-${counter++}`;
  const base = new URL(page.context()._options?.baseURL || 'http://127.0.0.1:4173/');
  await page.context().addCookies([{ name: 'fault_scope', value: scope, url: base.origin }]);
  const q = new URLSearchParams({ scope, path, mode, arg });
  const r = await page.request.get(`/__faults?${q}`);
  expect(r.status()).toBe(204);
  return async () => { await page.request.get(`/__faults?${new URLSearchParams({ scope, path, mode: 'none' })}`); };
}

/** Records the paths this page's browser context asks the server for (the service worker's
 *  requests included); call the returned function to get and clear them. */
export async function trackRequests(page) {
  const scope = `r${process.pid}-${Date.now()}-${counter++}`;
  const base = new URL(page.context()._options?.baseURL || 'http://127.0.0.1:4173/');
  await page.context().addCookies([{ name: 'fault_scope', value: scope, url: base.origin }]);
  return async () => (await page.request.get(`/__requests?${new URLSearchParams({ scope })}`)).json();
}

/** Collects console errors and page errors; call the returned function to get them. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return () => errors;
}

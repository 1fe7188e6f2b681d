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

// Reads a PNG (a download or a screenshot) in the page's browser, in the rows
// `top`..`top + height` (all rows by default), and measures it there (what the page's
// security policy allows: no code built from strings): `brightness` gives every pixel's
// (r + g + b) / 3, `colours` how many pixels have each of `colours` ({ name: [r, g, b] })
// exactly and how many are dark ink (r + g + b < 150), with the picture's width and height.
async function measurePng(page, png, kind, top, height, colours = {}) {
  return page.evaluate(async ([b64, kind, top, height, colours]) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, top, img.width, Math.min(height ?? img.height, img.height - top)).data;
    if (kind === 'brightness') {
      const out = [];
      for (let i = 0; i < d.length; i += 4) out.push((d[i] + d[i + 1] + d[i + 2]) / 3);
      return out;
    }
    const out = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) {
      for (const [k, [r, g, b]] of Object.entries(colours)) if (d[i] === r && d[i + 1] === g && d[i + 2] === b) out[k]++;
      if (d[i] + d[i + 1] + d[i + 2] < 150) ink++;
    }
    return { ...out, ink, width: img.width, height: img.height };
  }, [png.toString('base64'), kind, top, Number.isFinite(height) ? height : null, colours]);
}

// The brightness ((r + g + b) / 3, 0–255) of every pixel of a PNG in the rows
// `top`..`top + height` (all rows by default).
export async function brightness(page, png, top = 0, height = Infinity) {
  return measurePng(page, png, 'brightness', top, height);
}

// How many pixels of a PNG have each of `colours` exactly, and how many are dark ink, in the
// rows `top`..`top + height`; with the picture's width and height.
export async function colourCounts(page, png, colours, top = 0, height = Infinity) {
  return measurePng(page, png, 'colours', top, height, colours);
}

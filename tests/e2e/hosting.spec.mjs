// Static hosting: the built app under a sub-path, under the strict CSP, and embedded in a
// host page that resizes the iframe with embed.js. Each test starts its own server.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { watchErrors } from './helpers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = resolve(root, process.env.NTM_DIST || 'dist');

async function startServer(port, extra) {
  const child = spawn('node', [`${root}/scripts/serve.mjs`, '--root', dist, '--port', String(port), '--quiet', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok, fail) => {
    child.stdout.on('data', (d) => { if (String(d).includes('served at')) ok(); });
    child.on('exit', (code) => fail(new Error(`server exited ${code}`)));
  });
  return child;
}

// Ports per project so phone and desktop runs do not collide.
const portFor = (info, n) => 4300 + (info.project.name === 'phone' ? 0 : 10) + n;

test('works from a sub-path with relative URLs', async ({ page }, info) => {
  const port = portFor(info, 1);
  const server = await startServer(port, ['--base', '/ntm/']);
  try {
    const errors = watchErrors(page);
    const failed = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await page.goto(`http://127.0.0.1:${port}/ntm/?year=2019`);
    await expect(page.getByRole('region', { name: 'Tóm tắt số liệu' })).toBeVisible();
    expect(failed).toEqual([]);
    expect(errors()).toEqual([]);
  } finally {
    server.kill();
  }
});

test('runs under the strict Content-Security-Policy with no violation', async ({ page }, info) => {
  const port = portFor(info, 2);
  const server = await startServer(port, ['--csp']);
  try {
    const violations = [];
    await page.exposeFunction('__cspViolation', (v) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    const response = await page.goto(`http://127.0.0.1:${port}/`);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    await expect(page.getByRole('region', { name: 'Tóm tắt số liệu' })).toBeVisible();
    // Exercise the parts that set styles and draw: the map, a tooltip, the embed dialog.
    await page.getByRole('button', { name: 'Chia sẻ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chia sẻ' });
    await expect(dialog).toBeVisible();
    await dialog.getByText(/^Nhúng vào trang web khác/).click();
    await expect(dialog.locator('iframe.embed-preview')).toBeVisible();
    await page.waitForTimeout(500);
    expect(violations).toEqual([]);
    const reports = await (await page.request.get(`http://127.0.0.1:${port}/__csp-reports`)).json();
    expect(reports).toEqual([]);
    // The styles are inline (no round trip before the first paint), allowed by their hash in
    // the page's own policy: any other inline style is refused, even though the header allows
    // inline styles.
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]{43}='/);
    expect(await page.locator('link[rel="stylesheet"]').count()).toBe(0);
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 5px solid red }';
      document.head.append(style);
    });
    await expect.poll(() => violations.length).toBe(1);
    expect(violations[0]).toMatch(/^style-src/);
    expect(await page.evaluate(() => getComputedStyle(document.body).outlineStyle)).toBe('none');
  } finally {
    server.kill();
  }
});

test('embedded in a host page, the iframe is resized to its content', async ({ page }, info) => {
  const appPort = portFor(info, 3);
  const hostPort = portFor(info, 4);
  const server = await startServer(appPort, ['--csp']);
  const app = `http://127.0.0.1:${appPort}/`;
  // A provincial portal on another origin, with a fixed-height iframe and the host script.
  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="vi"><body><h1>Cổng thông tin tỉnh</h1>
      <iframe id="atlas" src="${app}?embed=1&year=2019" title="Bản đồ Nông thôn mới" width="100%" height="200" style="border:0" data-ntm-atlas></iframe>
      <script src="${app}embed.js" async></script></body></html>`);
  });
  await new Promise((ok) => host.listen(hostPort, '127.0.0.1', ok));
  try {
    await page.goto(`http://127.0.0.1:${hostPort}/`);
    const frame = page.frameLocator('#atlas');
    await expect(frame.getByRole('region', { name: 'Tóm tắt số liệu' })).toBeVisible();
    await expect(frame.getByRole('link', { name: /Mở bản đầy đủ/ })).toHaveAttribute('target', '_blank');
    await expect.poll(async () => (await page.locator('#atlas').boundingBox()).height, { timeout: 10_000 }).toBeGreaterThan(400);
    // The page inside fills the frame's width: no strip is kept for a scroll bar it never has.
    const inner = await frame.locator('html').evaluate((html) => [html.clientWidth, window.innerWidth]);
    expect(inner[0]).toBe(inner[1]);
    // A message of another shape from the host page is ignored by embed.js.
    const before = (await page.locator('#atlas').boundingBox()).height;
    await page.evaluate(() => window.postMessage({ 'ntm-atlas-height': 150, extra: 1 }, '*'));
    await page.evaluate(() => window.postMessage({ 'ntm-atlas-height': 150 }, '*'));
    await page.waitForTimeout(300);
    expect((await page.locator('#atlas').boundingBox()).height).toBe(before);
    // Another page opened from the bottom of the tall frame: the host page brings the
    // frame's top into view, so the reader starts the new page at its top.
    // (The table with every row: a tall page, its footer far below the frame's top.)
    await frame.getByRole('link', { name: 'Bảng', exact: true }).click();
    // Embedded, the table starts with 20 rows, not 50: the frame grows with its page.
    await expect(frame.getByRole('button', { name: /^Hiện thêm 20 dòng/ })).toBeVisible();
    await frame.getByRole('button', { name: /^Hiện tất cả/ }).click();
    // Every row is taller than embed.js allows (20,000 px): the frame takes that much and
    // scrolls inside, rather than staying at its last height.
    await expect.poll(async () => Math.round((await page.locator('#atlas').boundingBox()).height)).toBe(20000);
    const footerLink = frame.getByRole('link', { name: /Giới thiệu, nguồn số liệu/ });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await page.evaluate(() => document.getElementById('atlas').getBoundingClientRect().top)).toBeLessThan(-500);
    await footerLink.click();
    await expect(frame.getByRole('heading', { level: 2, name: /Giới thiệu/ })).toBeVisible();
    await expect.poll(() => page.evaluate(() => Math.round(document.getElementById('atlas').getBoundingClientRect().top))).toBeGreaterThanOrEqual(0);
  } finally {
    server.kill();
    host.close();
  }
});

test('a shared link gets a title and a description in a chat, from the page as served', async ({ request }) => {
  // What Zalo, Messenger and Facebook read (they run no script): Open Graph tags in the HTML.
  const html = await (await request.get('./?unit=06547')).text();
  const tag = (p) => html.match(new RegExp(`<meta property="${p}" content="([^"]*)"`))?.[1];
  expect(tag('og:title')).toBe('Bản đồ Nông thôn mới — xã nào đã đạt chuẩn, từ năm nào');
  expect(tag('og:description')).toMatch(/^Tiến độ xây dựng nông thôn mới của từng xã/);
  expect(tag('og:locale')).toBe('vi_VN');
});

// Checks a deployed copy of dist/ the way a reader's browser meets it: types, encodings,
// cache headers, the security policy, and that the page starts and draws its map.
//
//   node scripts/check-hosting.mjs --url http://127.0.0.1:4640/ntm/ --dist dist
//
// Used by scripts/check-hosting.sh with the nginx and Apache files of docs/hosting/, so the
// README's configurations are the ones tested. Exits 1 with a line per problem.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const base = opt('url');
const dist = opt('dist', 'dist');
const problems = [];
const problem = (text) => problems.push(text);

const TYPES = {
  '.html': /^text\/html/, '.js': /^(text|application)\/javascript/, '.wasm': /^application\/wasm$/,
  '.json': /^application\/json/, '.webmanifest': /^application\/manifest\+json/, '.png': /^image\/png$/,
  '.svg': /^image\/svg\+xml/, '.csv': /^text\/csv/, '.geojson': /^application\/geo\+json/,
};
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

/** GET with the encodings a browser accepts; the raw body and the headers. */
function get(url) {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

async function files(dir, prefix = '') {
  const out = [];
  for (const e of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...await files(dir, rel));
    else if (!/\.(br|gz)$/.test(e.name)) out.push(rel);
  }
  return out;
}

for (const rel of await files(dist)) {
  const ext = rel.slice(rel.lastIndexOf('.'));
  const res = await get(new URL(rel, base));
  if (res.status !== 200) { problem(`${rel}: status ${res.status}`); continue; }
  const type = res.headers['content-type'] || '';
  if (TYPES[ext] && !TYPES[ext].test(type)) problem(`${rel}: Content-Type "${type}"`);
  const enc = res.headers['content-encoding'];
  let body = res.body;
  try {
    if (enc === 'br') body = brotliDecompressSync(body);
    else if (enc === 'gzip') body = gunzipSync(body);
  } catch { problem(`${rel}: Content-Encoding ${enc}, but the body does not decode`); continue; }
  if (!body.equals(await readFile(join(dist, rel)))) problem(`${rel}: the body is not the file (Content-Encoding "${enc ?? ''}")`);
  const cache = res.headers['cache-control'] || '';
  if (HASHED.test(rel) ? !/max-age=31536000/.test(cache) : !/no-cache/.test(cache)) problem(`${rel}: Cache-Control "${cache}"`);
  if (ext === '.html' && !/frame-ancestors/.test(res.headers['content-security-policy'] || '')) problem(`${rel}: no Content-Security-Policy header with frame-ancestors`);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
page.on('console', (m) => { if (m.type() === 'error') problem(`console: ${m.text()}`); });
page.on('pageerror', (e) => problem(`page error: ${e.message}`));
await page.goto(base);
try {
  await page.waitForSelector('.map-stage[data-zoom]', { timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker?.controller || navigator.serviceWorker?.ready, null, { timeout: 10_000 });
} catch (e) { problem(`the page did not start: ${e.message.split('\n')[0]}`); }
await browser.close();

if (problems.length) {
  for (const p of problems) console.log(`  ${p}`);
  process.exit(1);
}
console.log(`  ${base}: every file's type, encoding and cache header as expected; the page starts`);

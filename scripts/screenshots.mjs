// Screenshots of the built app at phone and desktop sizes, in Vietnamese and English, to look
// at after every visible change. Prints every console error and failed request.
//
//   node scripts/screenshots.mjs [--url http://127.0.0.1:8080/] [--out screenshots]
//                                [--query "view=table&year=2019"] [--name table]
//                                [--dark] [--print] [--full] [--pdf] [--element CSS]
//
// --element CSS takes only the first element the selector finds (a chart, a dialog).
// --pdf prints the page on A4 as Chromium would (print stylesheet, black-and-white check by eye)
// and writes the PDF plus a PNG of its first page (rendered by Chromium's own PDF viewer).
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const has = (name) => args.includes(`--${name}`);
const url = opt('url', 'http://127.0.0.1:8080/');
const out = opt('out', 'tests/e2e/screenshots');
const query = opt('query', '');
const name = opt('name', 'home');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
let problems = 0;
for (const [w, h, dpr, mobile] of [[360, 740, 2, true], [1280, 800, 1, false]]) {
  for (const lang of ['vi', 'en']) {
    const context = await browser.newContext({
      viewport: { width: w, height: h }, deviceScaleFactor: dpr, isMobile: mobile, hasTouch: mobile,
      colorScheme: has('dark') ? 'dark' : 'light',
    });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') { problems++; console.log(`  console error (${w} ${lang}): ${m.text()}`); } });
    page.on('pageerror', (e) => { problems++; console.log(`  page error (${w} ${lang}): ${e.message}`); });
    page.on('requestfailed', (r) => { problems++; console.log(`  request failed (${w} ${lang}): ${r.url()} ${r.failure()?.errorText}`); });
    const q = [lang === 'en' ? 'lang=en' : '', query].filter(Boolean).join('&');
    await page.goto(url + (q ? `?${q}` : ''), { waitUntil: 'networkidle' });
    if (has('print')) await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(Number(opt('wait', '500')));
    const file = `${out}/${name}-${w}x${h}-${lang}${has('dark') ? '-dark' : ''}${has('print') ? '-print' : ''}.png`;
    if (has('pdf')) {
      const pdf = file.replace(/\.png$/, '.pdf');
      await page.pdf({ path: pdf, format: 'A4', printBackground: false, margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
      console.log(`wrote ${pdf}`);
      await context.close();
      break;
    }
    if (opt('element', '')) await page.locator(opt('element', '')).first().screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: has('full') });
    console.log(`wrote ${file}`);
    await context.close();
  }
}
await browser.close();
console.log(problems ? `${problems} problem(s) seen` : 'no console errors, page errors or failed requests');

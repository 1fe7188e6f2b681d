// NTM Atlas benchmark: prints figures, fails nothing. Run by `./x bench`, which builds the
// release app, generates the national dataset and installs Lighthouse 12.8.2 first.
//
//   node scripts/bench.mjs --demo DIR --national DIR [--runs 5] [--lighthouse PATH] [--quick]
//
// DIR are built dist folders (the national one has the national dataset in data/). Measured
// in the system Chromium through playwright-core with DevTools throttling:
// - bytes (brotli) on the critical path;
// - map-ready (performance mark after the first map frame) on Slow 4G + 4× CPU and Regular
//   3G + 4× CPU; first full map after the data is ready (data-ready → map-ready);
// - year change to the paint that shows it (Event Timing, p50, p95 over 40 steps), demo and
//   national, 4× CPU, beside the same visible change made with no code of the app;
// - pan/zoom frame times (p95) on the demo, 4× CPU;
// - memory after 50 year steps (JS heap, wasm memory, DOM nodes) and growth over them;
// - Lighthouse (mobile defaults: Slow 4G, 4× CPU): FCP, LCP, TBT, CLS, performance score,
//   and its CPU benchmark index; median of the runs.
import { chromium } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import os from 'node:os';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const has = (n) => args.includes(`--${n}`);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = resolve(opt('demo', 'dist'));
const nationalDir = opt('national') ? resolve(opt('national')) : null;
const RUNS = Number(opt('runs', has('quick') ? '2' : '5'));
const lighthouse = opt('lighthouse');
// --only a,b runs some sections: bytes, ready, firstmap, year, panzoom, memory, lighthouse.
const only = opt('only') ? new Set(opt('only').split(',')) : null;
const run = (name) => !only || only.has(name);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

// DevTools network profiles (Lighthouse's Slow 4G; Chrome's Regular 3G).
const NETWORKS = {
  'Slow 4G': { latency: 150 * 3.75, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 },
  'Regular 3G': { latency: 100 * 3, downloadThroughput: (750 * 1024) / 8, uploadThroughput: (250 * 1024) / 8 },
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN; };
const ms = (x) => `${Math.round(x)} ms`;
const kb = (x) => `${(x / 1000).toFixed(1)} KB`;
const lines = [];
const say = (s = '') => { lines.push(s); console.log(s); };

function serve(dir, port) {
  const child = spawn('node', [join(root, 'scripts/serve.mjs'), '--root', dir, '--port', String(port), '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    child.stdout.on('data', (d) => { if (String(d).includes('served at')) ok(child); });
    child.on('exit', (c) => fail(new Error(`server exited ${c}`)));
  });
}

function brotliSize(file) {
  return brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

function criticalPath(dir) {
  const top = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile() && !/\.(br|gz)$/.test(f));
  const pick = (re) => top.filter((f) => re.test(f));
  const groups = {
    'page (index.html, prerendered numbers)': ['index.html'],
    'app code (boot + glue js + wasm)': [...pick(/^boot-.*\.js$/), ...pick(/^ntm-atlas-.*\.js$/), ...pick(/\.wasm$/)],
    'styles': pick(/\.css$/),
    'first data (data/ntm.json)': ['data/ntm.json'],
  };
  const out = {};
  for (const [k, files] of Object.entries(groups)) out[k] = files.reduce((n, f) => n + brotliSize(join(dir, f)), 0);
  const geo = {};
  for (const f of ['data/geo-pre2025.json', 'data/geo-post2025.json']) geo[f] = brotliSize(join(dir, f));
  let lite = {};
  try {
    for (const f of readdirSync(join(dir, 'data/lite')).filter((f) => f.endsWith('.json'))) lite[`data/lite/${f}`] = brotliSize(join(dir, 'data/lite', f));
  } catch { lite = {}; }
  return { out, geo, lite };
}

async function newPage(browser, { cpu = 4, network = null, viewport = { width: 360, height: 740 }, mobile = true } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: mobile ? 2 : 1, isMobile: mobile, hasTouch: mobile, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  return { context, page, cdp };
}

async function marks(page) {
  await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 120_000 });
  return page.evaluate(() => {
    const get = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
    return { data: get('data-ready'), map: get('map-ready'), fcp: get('first-contentful-paint') };
  });
}

/** Lighthouse's "benchmark index": string-building iterations per second in a page. */
async function cpuIndex(browser) {
  const page = await browser.newPage();
  const runs = [];
  for (let i = 0; i < 3; i++) {
    runs.push(await page.evaluate(() => {
      const start = Date.now();
      let iterations = 0;
      while (Date.now() - start < 500) {
        let s = '';
        for (let j = 0; j < 100000; j++) s += 'a';
        if (s.length === 1) return 0;
        iterations++;
      }
      return Math.round(iterations / ((Date.now() - start) / 1000));
    }));
  }
  await page.close();
  return median(runs);
}

/** Map-ready and the first contentful paint (the prerendered page), as the throttled page saw them. */
async function timeToMapReady(browser, url, network) {
  const times = [];
  const paints = [];
  const lcps = [];
  const blocking = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser, { cpu: 4, network: NETWORKS[network] });
    // What the page itself observes under this throttling (Lighthouse simulates instead):
    // its largest contentful paint, and its long tasks after the first paint.
    await page.addInitScript(() => {
      window.__bench = { lcp: [], tasks: [] };
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.lcp.push(e.startTime); })
        .observe({ type: 'largest-contentful-paint', buffered: true });
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.tasks.push([e.startTime, e.duration]); })
        .observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url, { waitUntil: 'commit' });
    const m = await marks(page);
    times.push(m.map);
    paints.push(m.fcp);
    // The tasks that finish the page (panels, labels) come in the second after the map.
    await page.waitForTimeout(1000);
    const o = await page.evaluate(() => window.__bench);
    lcps.push(o.lcp.length ? o.lcp[o.lcp.length - 1] : NaN);
    blocking.push(o.tasks.filter(([t]) => t >= m.fcp).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0));
    await context.close();
  }
  return { times, paints, lcps, blocking };
}

async function firstMap(browser, url) {
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser, { cpu: 4, viewport: { width: 1280, height: 800 }, mobile: false });
    await page.goto(url);
    const m = await marks(page);
    out.push(m.map - m.data);
    await context.close();
  }
  return out;
}

/** Clicks next/previous year `steps` times; returns the time from each click to the next frame. */
async function yearSteps(page, steps) {
  return page.evaluate(async (steps) => {
    const next = [...document.querySelectorAll('button')].find((b) => /Năm sau|Next year/.test(b.getAttribute('aria-label') || ''));
    const prev = [...document.querySelectorAll('button')].find((b) => /Năm trước|Previous year/.test(b.getAttribute('aria-label') || ''));
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const out = [];
    let forward = false;
    for (let i = 0; i < steps; i++) {
      if (next.disabled) forward = false;
      if (prev.disabled) forward = true;
      const button = forward ? next : prev;
      const t0 = performance.now();
      button.click();
      await frame();
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 30));
    }
    return out;
  }, steps);
}

/** Year changes by real clicks, measured with Event Timing (what INP uses): from the input
 *  to the paint that shows the change (input delay + processing + rendering + presentation).
 *  The durations come from a trace, unrounded (the Performance API rounds them to 8 ms).
 *  Steps back and forth within the era of `url` (crossing the reform swaps the whole map,
 *  which is not a year change).
 *
 *  Between the year clicks, the floor: a button added to the page whose click makes the same
 *  visible change by hand, with no code of the app and at its smallest: a 10×10 patch of the
 *  map canvas put back (one pixel changed; a year step puts the rectangle of the communes
 *  that changed colour), new text in the legend's counts, the year label, the slider and the
 *  live region. No code of the app can present a year change sooner than the browser presents
 *  that. */
async function yearChange(browser, url, steps = 40) {
  const { context, page, cdp } = await newPage(browser, { cpu: 4, viewport: { width: 1280, height: 800 }, mobile: false });
  await page.goto(url);
  await marks(page);
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const canvas = document.querySelector('canvas.map-canvas');
    const ctx = canvas.getContext('2d');
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const probe = document.createElement('button');
    probe.id = 'bench-floor';
    probe.textContent = 'floor';
    probe.style.cssText = 'position:fixed;left:4px;bottom:4px;z-index:99';
    let k = 0;
    probe.addEventListener('click', () => {
      k++;
      pixels.data[(k % 10) * 4] ^= 255;
      ctx.putImageData(pixels, 0, 0, 0, 0, 10, 10);
      for (const c of document.querySelectorAll('.legend-count')) c.textContent = String((k % 7) * 13);
      document.querySelector('.timeline-value span').textContent = String(2000 + (k % 20));
      document.querySelector('#year-slider').value = String(k % 10);
      document.querySelector('[data-testid="live-summary"]').textContent = `floor ${k}`;
    });
    document.body.append(probe);
  });
  await page.waitForTimeout(300);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  const prev = page.getByRole('button', { name: /Năm trước|Previous year/ });
  const next = page.getByRole('button', { name: /Năm sau|Next year/ });
  const floorButton = page.locator('#bench-floor');
  for (let i = 0; i < steps; i++) {
    await (i % 2 === 0 ? prev : next).click();
    await page.waitForTimeout(250);
    await floorButton.click();
    await page.waitForTimeout(250);
  }
  await page.waitForTimeout(1000);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  const clicks = events
    .filter((e) => e.name === 'EventTiming' && e.ph === 'b' && e.args?.data?.type === 'click')
    .map((e) => e.args.data)
    .sort((a, b) => a.timeStamp - b.timeStamp);
  // The floor button is clicked last.
  const floorNode = clicks.at(-1)?.nodeId;
  return {
    durations: clicks.filter((c) => c.nodeId !== floorNode).map((c) => c.duration),
    floor: clicks.filter((c) => c.nodeId === floorNode).map((c) => c.duration),
  };
}

async function panZoom(browser, url) {
  const { context, page } = await newPage(browser, { cpu: 4, viewport: { width: 1280, height: 800 }, mobile: false });
  await page.goto(url);
  await marks(page);
  const box = await page.locator('canvas.map-canvas').boundingBox();
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__frames.length < 100000) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const cx = box.x + box.width / 2; const cy = box.y + box.height / 2;
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 30; i++) await page.mouse.move(cx + i * 6, cy + i * 3);
    await page.mouse.up();
    for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(20); }
    await page.waitForTimeout(400);
    for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, 120); await page.waitForTimeout(20); }
    await page.waitForTimeout(400);
  }
  const frames = await page.evaluate(() => window.__frames.slice(2));
  await context.close();
  return frames;
}

async function memory(browser, url) {
  const { context, page, cdp } = await newPage(browser, { cpu: 1, viewport: { width: 1280, height: 800 }, mobile: false });
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  await cdp.send('HeapProfiler.enable');
  await page.goto(url);
  await marks(page);
  await page.waitForTimeout(1000);
  const sample = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? NaN);
    return { heap: heap.usedSize, wasm, nodes: dom.nodes };
  };
  const loaded = await sample();
  // One sweep through every year first: the other era's geometry and map are loaded once
  // and kept (a cache, not a leak). What grows after that, over 50 more steps, would be a leak.
  await yearSteps(page, 2 * (await page.evaluate(() => Number(document.querySelector('#year-slider')?.max ?? 20))) + 2);
  await page.waitForTimeout(500);
  const before = await sample();
  await yearSteps(page, 50);
  await page.waitForTimeout(500);
  const after = await sample();
  await context.close();
  return { loaded, before, after };
}

function runLighthouse(url) {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const out = join(os.tmpdir(), `ntm-lh-${process.pid}-${i}.json`);
    execFileSync(lighthouse, [url, '--quiet', '--output=json', `--output-path=${out}`, '--only-categories=performance',
      `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] });
    const lhr = JSON.parse(readFileSync(out, 'utf8'));
    const a = lhr.audits;
    results.push({
      score: lhr.categories.performance.score * 100,
      fcp: a['first-contentful-paint'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      index: lhr.environment.benchmarkIndex,
      lcpElement: a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? '',
    });
  }
  return results;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const demo = await serve(demoDir, 4501);
const national = nationalDir ? await serve(nationalDir, 4502) : null;
const DEMO = 'http://127.0.0.1:4501/';
const NATIONAL = 'http://127.0.0.1:4502/';
try {
  say(`NTM Atlas benchmark, ${new Date().toISOString().slice(0, 10)}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${RUNS} runs, medians`);
  // Shared machines vary from hour to hour: this line says how fast this one was during the run.
  say(`CPU benchmark index (Lighthouse's method, 1× CPU, median of 3): ${await cpuIndex(browser)}`);
  say('');
  if (run('bytes')) {
  const cp = criticalPath(demoDir);
  say('Critical path (brotli, quality 11)');
  let total = 0;
  for (const [k, v] of Object.entries(cp.out)) { say(`  ${k.padEnd(44)} ${kb(v).padStart(9)}`); total += v; }
  say(`  ${'total (budget 150 KB, stretch 120 KB)'.padEnd(44)} ${kb(total).padStart(9)}`);
  for (const [k, v] of Object.entries(cp.geo)) say(`  then ${k.padEnd(39)} ${kb(v).padStart(9)}`);
  for (const [k, v] of Object.entries(cp.lite)) say(`  data-saver ${k.padEnd(33)} ${kb(v).padStart(9)}`);
  say('');
  }
  if (run('ready')) {
  say('Time to map-ready (4× CPU, phone 360×740)');
  for (const net of ['Slow 4G', 'Regular 3G']) {
    const { times: t, paints, lcps, blocking } = await timeToMapReady(browser, DEMO, net);
    const runs = (xs) => xs.map((x) => Math.round(x)).join(', ');
    say(`  demo, ${net.padEnd(11)} ${ms(median(t)).padStart(8)}   (runs: ${runs(t)}; budget ${net === 'Slow 4G' ? '2500' : '4000'} ms)`);
    say(`  ${''.padEnd(17)} first contentful paint, observed: ${ms(median(paints))} (runs: ${runs(paints)})`);
    say(`  ${''.padEnd(17)} largest contentful paint, observed: ${ms(median(lcps))} (runs: ${runs(lcps)})`);
    say(`  ${''.padEnd(17)} blocking time after the first paint, observed: ${ms(median(blocking))} (runs: ${runs(blocking)})`);
  }
  say('');
  }
  if (run('firstmap')) {
  say('First full map after the data is ready (data-ready → map-ready, 4× CPU, 1280×800)');
  say(`  demo (pre-2025 default view)               ${ms(median(await firstMap(browser, DEMO))).padStart(8)}`);
  if (national) {
    say(`  national post-reform, 3,321 communes       ${ms(median(await firstMap(browser, `${NATIONAL}?year=2026`))).padStart(8)}   (budget 300 ms)`);
    say(`  national pre-reform, ~10,000 communes      ${ms(median(await firstMap(browser, `${NATIONAL}?year=2024`))).padStart(8)}   (budget 1000 ms)`);
  }
  say('');
  }
  if (run('year')) {
  const ms1 = (x) => `${x.toFixed(1)} ms`;
  const row = (name, y, budget) => say(`  ${name.padEnd(38)} p50 ${ms1(pct(y.durations, 50)).padStart(8)}  p95 ${ms1(pct(y.durations, 95)).padStart(8)}   (budget ${budget}; ${y.durations.length} clicks)`);
  const floor = (y) => say(`    floor, the same change with no app code   p50 ${ms1(pct(y.floor, 50)).padStart(8)}  p95 ${ms1(pct(y.floor, 95)).padStart(8)}`);
  say('Year change, click to the paint that shows it (Event Timing from a trace, unrounded; 4× CPU, 1280×800, 40 steps within an era)');
  const y = await yearChange(browser, `${DEMO}?year=2021`);
  row('demo', y, 'p95 16 ms');
  floor(y);
  if (national) {
    const yn = await yearChange(browser, `${NATIONAL}?year=2026`);
    row('national post-reform, 3,321 communes', yn, 'p95 100 ms');
    floor(yn);
    const yp = await yearChange(browser, `${NATIONAL}?year=2020`);
    row('national pre-reform, ~10,000 communes', yp, 'p95 50 ms');
    floor(yp);
  }
  say('');
  }
  if (run('panzoom')) {
  const f = await panZoom(browser, DEMO);
  say(`Pan and zoom frame times, demo (4× CPU): p50 ${ms(pct(f, 50))}, p95 ${ms(pct(f, 95))} over ${f.length} frames (budget p95 33 ms)`);
  say('');
  }
  if (run('memory')) {
  say('Memory over 50 year steps after one sweep through every year (1× CPU, after a forced GC)');
  for (const [name, url] of [['demo', DEMO], ...(national ? [['national', `${NATIONAL}?year=2026`]] : [])]) {
    const m = await memory(browser, url);
    const g = (a, b) => `${(((b - a) / a) * 100).toFixed(1)} %`;
    say(`  ${name.padEnd(9)} JS heap ${(m.after.heap / 1e6).toFixed(1)} MB (growth ${g(m.before.heap, m.after.heap)}), wasm ${(m.after.wasm / 1e6).toFixed(1)} MB (growth ${g(m.before.wasm, m.after.wasm)}), DOM nodes ${m.after.nodes} (growth ${g(m.before.nodes, m.after.nodes)})`);
    say(`  ${''.padEnd(9)} since the first frame, with both eras loaded by the sweep: JS heap ${g(m.loaded.heap, m.after.heap)}, wasm ${g(m.loaded.wasm, m.after.wasm)}, DOM nodes ${g(m.loaded.nodes, m.after.nodes)}`);
  }
  say('  budgets: JS heap ≤ 20 MB, wasm ≤ 32 MB, growth over the 50 steps ≤ 10 %');
  }
  if (lighthouse && run('lighthouse')) {
    say('');
    const lh = runLighthouse(DEMO);
    const m = (k) => median(lh.map((r) => r[k]));
    say(`Lighthouse 12.8.2, mobile (Slow 4G, 4× CPU), demo, median of ${lh.length}; CPU benchmark index ${Math.round(m('index'))}`);
    say(`  performance ${Math.round(m('score'))} (budget ≥ 95); FCP ${ms(m('fcp'))} (≤ 1200); LCP ${ms(m('lcp'))} (≤ 2000); TBT ${ms(m('tbt'))} (≤ 100); CLS ${m('cls').toFixed(3)} (≤ 0.05)`);
    say(`  LCP element: ${lh[0].lcpElement.slice(0, 120)}`);
  }
} finally {
  demo.kill();
  national?.kill();
  await browser.close();
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results/latest.txt'), `${lines.join('\n')}\n`);
}

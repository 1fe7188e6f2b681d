// NTM Atlas profiler: where the main thread's time goes, by function of the app. Run by
// `./x profile`, which builds a copy of the release app whose wasm keeps its function names.
//
//   node scripts/profile.mjs --dir DIR [--url '?year=2026'] [--phone] [--steps 10] [--top 8]
//
// Prints, at 4× CPU:
// - the long tasks (≥ 40 ms) of the page load up to the map's first frame, each with the
//   functions of the app it spent most time in (inclusive) and its own heaviest frames;
// - the year change: time inside the click handlers over `--steps` clicks of the year buttons,
//   by function (inclusive, then self).
// Figures are sampled (100 µs), for finding work, not for budgets: `./x bench` measures those.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(opt('dir', 'target/profile/dist'));
const url = opt('url', '');
const phone = args.includes('--phone');
const steps = Number(opt('steps', '10'));
const port = Number(opt('port', '8097'));

const server = spawn('node', [join(root, 'scripts/serve.mjs'), '--root', dir, '--port', String(port), '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
process.on('exit', () => server.kill());
await new Promise((ok, fail) => {
  server.stdout.on('data', (d) => { if (String(d).includes('served at')) ok(); });
  server.on('exit', (c) => fail(new Error(`server exited ${c}`)));
});

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext(phone
  ? { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: 'block' }
  : { viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });

const clean = (name) => name.replace(/::h[0-9a-f]{16}$/, '').replace(/ntm_atlas::components::|ntm_atlas::|ntm_core::/g, '');
const ours = (name) => /ntm_atlas|ntm_core/.test(name);

/** Profile samples as [time, node id, weight], with lookups for the call tree. */
function samples(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const out = [];
  let t = profile.startTime;
  profile.samples.forEach((id, i) => { t += profile.timeDeltas[i]; out.push([t, id, profile.timeDeltas[i + 1] || 0]); });
  const stack = (id) => { const s = []; for (let c = id; c !== undefined; c = parent.get(c)) s.push(byId.get(c).callFrame); return s; };
  return { out, stack };
}

/** Inclusive time of our functions and self time of every frame, within time windows. */
function attribute(profile, windows, n = 8) {
  const { out, stack } = samples(profile);
  const incl = new Map(); const self = new Map();
  for (const [t, id, d] of out) {
    if (!windows.some(([a, b]) => t >= a && t <= b)) continue;
    const frames = stack(id);
    const top = frames[0];
    const selfName = top.functionName ? clean(top.functionName) : `${top.url.split('/').pop()}:${top.lineNumber}`;
    self.set(selfName, (self.get(selfName) || 0) + d);
    const seen = new Set();
    for (const f of frames) {
      if (!ours(f.functionName) || seen.has(f.functionName)) continue;
      seen.add(f.functionName);
      const k = clean(f.functionName);
      incl.set(k, (incl.get(k) || 0) + d);
    }
  }
  const top = (m, n) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k.slice(0, 80)} ${Math.round(v / 1000)}`);
  return { incl: top(incl, n), self: top(self, Math.min(n, 12)) };
}

// The load.
await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'blink.user_timing'] });
await cdp.send('Profiler.start');
await page.goto(`http://127.0.0.1:${port}/${url}`);
await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 120_000 });
await page.waitForTimeout(300);
let { profile } = await cdp.send('Profiler.stop');
const trace = JSON.parse((await browser.stopTracing()).toString());
const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, Math.round(e.startTime)])));
console.log(`Load at 4× CPU (${phone ? 'phone 360×740' : '1280×800'}${url ? `, ${url}` : ''}): ${Object.entries(marks).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
const mains = new Set(trace.traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
const nav = trace.traceEvents.find((e) => e.name === 'navigationStart')?.ts ?? trace.traceEvents[0].ts;
const tasks = trace.traceEvents.filter((e) => e.ph === 'X' && /RunTask$/.test(e.name) && mains.has(`${e.pid}:${e.tid}`) && e.dur >= 40_000);
for (const task of tasks) {
  const { incl, self } = attribute(profile, [[task.ts, task.ts + task.dur]]);
  console.log(`  task at ${Math.round((task.ts - nav) / 1000)} ms, ${Math.round(task.dur / 1000)} ms`);
  if (incl.length) console.log(`    app: ${incl.join(' | ')}`);
  console.log(`    self: ${self.join(' | ')}`);
}

// From the data to the map's first frame, all tasks together: where the budget of the first
// map goes (script by function, and the browser's own work by kind).
if (marks['data-ready'] !== undefined && marks['map-ready'] !== undefined) {
  const win = [nav + marks['data-ready'] * 1000, nav + marks['map-ready'] * 1000];
  const { incl, self } = attribute(profile, [win], 24);
  const kinds = new Map();
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`) || e.ts < win[0] || e.ts > win[1]) continue;
    if (!/^(Layout|UpdateLayoutTree|Paint|PrePaint|Layerize|Commit|ParseHTML|MinorGC|MajorGC|V8.GC_SCAVENGER|DecodeImage)$/.test(e.name)) continue;
    kinds.set(e.name, (kinds.get(e.name) || 0) + e.dur);
  }
  console.log(`From data-ready to map-ready: ${marks['map-ready'] - marks['data-ready']} ms`);
  console.log(`  browser: ${[...kinds.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${Math.round(v / 1000)}`).join(' | ')}`);
  console.log(`  app:\n    ${incl.join('\n    ')}`);
  console.log(`  self: ${self.join(' | ')}`);
}

// The year change.
await page.waitForTimeout(500);
await browser.startTracing(page, { categories: ['devtools.timeline'] });
await cdp.send('Profiler.start');
const prev = page.getByRole('button', { name: /Năm trước|Previous year/ });
const next = page.getByRole('button', { name: /Năm sau|Next year/ });
for (let i = 0; i < steps; i++) {
  await (i % 2 === 0 ? prev : next).click();
  await page.waitForTimeout(300);
}
({ profile } = await cdp.send('Profiler.stop'));
const clicks = JSON.parse((await browser.stopTracing()).toString()).traceEvents
  .filter((e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'click')
  .map((e) => [e.ts, e.ts + e.dur]);
const handled = clicks.reduce((n, [a, b]) => n + b - a, 0) / 1000;
const { incl, self } = attribute(profile, clicks, Number(opt('top', '8')));
console.log(`Year change at 4× CPU: ${clicks.length} clicks, ${Math.round(handled / Math.max(clicks.length, 1))} ms each in the handlers`);
console.log(`  app: ${incl.join(' | ')}`);
console.log(`  self: ${self.join(' | ')}`);
await browser.close();
server.kill();

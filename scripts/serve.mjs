// A small static file server for the built app (dist/), used by `./x serve`, the end-to-end
// tests and the benchmark. No dependencies beyond Node.
//
//   node scripts/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--base /ntm/]
//                          [--csp] [--quiet]
//
// --base serves the app under a sub-path (as a provincial portal would); --csp adds the strict
// Content-Security-Policy the app must run under. Precompressed .br/.gz files are served when
// the browser accepts them. Tests can make the server misbehave on purpose through
// /__faults?path=...&mode=... (see FAULTS below) and /__requests?scope=... (the paths a test's
// browser requested, "path 304" where it was answered "not modified"); only when started
// with --faults. Files carry a validator (ETag), as nginx and Apache send one.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length && !args[i + 1].startsWith('--') ? args[i + 1] : fallback;
};
const has = (name) => args.includes(`--${name}`);

const root = resolve(opt('root', 'dist'));
const port = Number(opt('port', '8080'));
const host = opt('host', '127.0.0.1');
let base = opt('base', '/');
if (!base.startsWith('/')) base = `/${base}`;
if (!base.endsWith('/')) base = `${base}/`;
const quiet = has('quiet');
const faultsEnabled = has('faults');

// The page carries the same policy in a <meta> (written by `xtask finalize`) whose style-src
// allows only its one inline <style>, by hash; this header adds what a <meta> cannot
// (frame-ancestors, reporting) and lets that style through ('unsafe-inline'), so the <meta>
// decides. A header cannot name the hash: it changes with every change of the styles.
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors *; report-uri /__csp-report";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.txt': 'text/plain; charset=utf-8',
};

// Faults a test can switch on for a path: a real server that misbehaves. Faults are scoped
// by the `fault_scope` cookie of the requesting browser, so tests running in parallel do not
// disturb each other.
const faults = new Map();
const scopeOf = (req) => /(?:^|;\s*)fault_scope=([^;]+)/.exec(req.headers.cookie || '')?.[1] || '';
const cspReports = [];
// Paths requested by each fault scope (`/__requests?scope=`), for tests that count requests.
const requestLog = new Map();

function send(res, status, headers, body) {
  res.writeHead(status, headers);
  res.end(body);
}

async function fileFor(urlPath) {
  let rel = decodeURIComponent(urlPath.slice(base.length));
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const full = normalize(join(root, rel));
  if (!full.startsWith(root)) return null;
  try {
    const s = await stat(full);
    if (s.isFile()) return full;
  } catch { /* not found */ }
  return null;
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const path = url.pathname;
  if (!quiet) console.log(`${req.method} ${req.url}`);

  if (path === '/__csp-report') {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => { cspReports.push(body); send(res, 204, {}, ''); });
    return;
  }
  if (path === '/__csp-reports') {
    return send(res, 200, { 'content-type': 'application/json' }, JSON.stringify(cspReports));
  }
  if (faultsEnabled && path === '/__faults') {
    const key = `${url.searchParams.get('scope') || ''}|${url.searchParams.get('path')}`;
    const mode = url.searchParams.get('mode');
    if (mode === 'none' || !mode) faults.delete(key); else faults.set(key, { mode, arg: url.searchParams.get('arg') });
    return send(res, 204, {}, '');
  }
  if (faultsEnabled && path === '/__requests') {
    // The paths this scope's browser asked the server for since the last call.
    const scope = url.searchParams.get('scope') || '';
    const list = requestLog.get(scope) || [];
    requestLog.delete(scope);
    return send(res, 200, { 'content-type': 'application/json' }, JSON.stringify(list));
  }
  if (faultsEnabled && path === '/__faults/clear') {
    faults.clear();
    return send(res, 204, {}, '');
  }

  if (path === base.slice(0, -1)) {
    return send(res, 301, { location: base + url.search }, '');
  }
  if (!path.startsWith(base)) {
    return send(res, 404, { 'content-type': 'text/plain' }, 'not under base path');
  }

  // Logged as the path, or "path 304" when it is answered "not modified" (below).
  let logged = null;
  if (faultsEnabled && scopeOf(req)) {
    const list = requestLog.get(scopeOf(req)) || [];
    logged = { list, at: list.push(path.slice(base.length)) - 1 };
    requestLog.set(scopeOf(req), list);
  }
  const fault = faults.get(`${scopeOf(req)}|${path.slice(base.length)}`);
  if (fault) {
    switch (fault.mode) {
      case 'status': return send(res, Number(fault.arg || 500), { 'content-type': 'text/plain' }, 'fault');
      case 'html200': return send(res, 200, { 'content-type': 'text/html' }, '<!doctype html><html><body><h1>Trang không tồn tại</h1></body></html>');
      case 'hang': return; // never answers: the client's timeout must fire
      case 'slow': {
        await new Promise((r) => setTimeout(r, Number(fault.arg || 3000)));
        break;
      }
      case 'body': {
        return send(res, 200, { 'content-type': 'application/json' }, fault.arg ?? '');
      }
      case 'truncate': {
        const file = await fileFor(path);
        const data = file ? await readFile(file) : Buffer.from('');
        return send(res, 200, { 'content-type': 'application/json' }, data.subarray(0, Math.floor(data.length / 2)));
      }
      case 'type': {
        const file = await fileFor(path);
        const data = file ? await readFile(file) : Buffer.from('');
        return send(res, 200, { 'content-type': fault.arg || 'image/png' }, data);
      }
      case 'file': {
        const data = await readFile(fault.arg);
        return send(res, 200, { 'content-type': 'application/json' }, data);
      }
      // The file itself, fresh for a day in the browser's cache: what a host without cache
      // rules does (Apache gives a file with Last-Modified a heuristic freshness).
      case 'cached': break;
      default: break;
    }
  }

  const file = await fileFor(path);
  if (!file) {
    return send(res, 404, { 'content-type': 'text/html; charset=utf-8' }, '<!doctype html><title>404</title><h1>404</h1>');
  }
  const type = TYPES[extname(file)] || 'application/octet-stream';
  const headers = { 'content-type': type, 'x-content-type-options': 'nosniff' };
  // Hashed assets never change; everything else must be revalidated.
  headers['cache-control'] = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
  if (fault?.mode === 'cached') headers['cache-control'] = 'max-age=86400';
  if (has('csp')) headers['content-security-policy'] = CSP;
  const accept = req.headers['accept-encoding'] || '';
  let body;
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (accept.includes(enc)) {
      try {
        body = await readFile(file + ext);
        headers['content-encoding'] = enc;
        headers.vary = 'accept-encoding';
        break;
      } catch { /* no precompressed variant */ }
    }
  }
  // A validator, as nginx and Apache send one: a revalidation of an unchanged file (the
  // service worker's, the browser's for a `no-cache` file) is a 304 with no body.
  const st = await stat(file);
  const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}-${headers['content-encoding'] || 'id'}"`;
  headers.etag = etag;
  if ((req.headers['if-none-match'] || '').split(/\s*,\s*/).includes(etag)) {
    if (logged) logged.list[logged.at] += ' 304';
    const { 'content-length': _, ...rest } = headers;
    return send(res, 304, rest, undefined);
  }
  body ??= await readFile(file);
  headers['content-length'] = body.length;
  send(res, 200, headers, req.method === 'HEAD' ? undefined : body);
});

server.listen(port, host, () => {
  console.log(`NTM Atlas served at http://${host}:${port}${base} (from ${root})`);
});

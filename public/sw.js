/* NTM Atlas service worker: the app keeps working offline once visited.
 *
 * - The app shell (page, script, wasm, styles, icons) and the dataset are cached when the
 *   service worker installs. BUILD and SHELL below are filled in at build time
 *   (`xtask finalize`); every build gets its own cache, and older caches are deleted when the
 *   new one takes over, so an app is never served with another build's files.
 * - Pages and data files: network first, revalidated with the server whatever the host's
 *   cache headers (so a new deployment is picked up on the next online visit), falling back to
 *   the cache when the network fails or is too slow. A response from
 *   the cache carries the header `x-ntm-from-cache: 1`, which the app shows as "offline — data
 *   as of …".
 * - Hashed files (name-<hash>.js/.wasm/.css) never change: cache first. So do the icons of
 *   this build: Chromium fetches the page's icon again on every change of the address (each
 *   year step), which must not cost a request on a weak signal.
 * - Embed mode does not register this worker (see README).
 */
'use strict';

const BUILD = '__NTM_BUILD__';
const SHELL = __NTM_SHELL__;
const CACHE = `ntm-atlas-${BUILD}`;
const SLOW_MS = 4000;
// Files whose name carries a hash of their content (Trunk's `filehash`): they never change.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // The page has just downloaded most of these (the worker is registered by the app once
    // it runs): a hashed file is taken from the browser's HTTP cache whatever its age (its
    // name changes with its content), the others are revalidated with the server (a 304 with
    // no body when unchanged). The 'reload' this asked for before would fetch the 370 KB of
    // app code a second time in a browser that honours it (Chromium's addAll does not: it
    // revalidates), on the weak signal that the offline copy is for.
    await cache.addAll(SHELL.map((path) => new Request(path, { cache: HASHED.test(path) ? 'force-cache' : 'no-cache' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith('ntm-atlas-') && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

function markFromCache(response) {
  const headers = new Headers(response.headers);
  headers.set('x-ntm-from-cache', '1');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function networkFirst(request, cacheKey) {
  const cache = await caches.open(CACHE);
  // Past the browser's HTTP cache, to the server (a conditional request: a 304 costs a round
  // trip, no body): a host that sends no Cache-Control lets the browser keep a file "fresh"
  // for days, and a new dataset would wait for that copy to expire. A navigation's request
  // cannot be copied with options, so its address is fetched.
  const fresh = request.mode === 'navigate'
    ? fetch(request.url, { cache: 'no-cache', credentials: 'same-origin' })
    : fetch(request, { cache: 'no-cache' });
  const network = fresh.then(async (response) => {
    if (response.ok) await cache.put(cacheKey, response.clone());
    return response;
  });
  const cached = cache.match(cacheKey, { ignoreSearch: true });
  // A very slow network with a cached copy at hand: serve the copy (marked), let the network
  // response refresh the cache for next time.
  const slow = new Promise((resolve) => setTimeout(resolve, SLOW_MS, 'slow'));
  try {
    const first = await Promise.race([network, slow]);
    if (first !== 'slow') return first;
    const copy = await cached;
    if (copy) {
      network.catch(() => {});
      return markFromCache(copy);
    }
    return await network;
  } catch (error) {
    const copy = await cached;
    if (copy) return markFromCache(copy);
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  if (!url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  if (request.mode === 'navigate') {
    // Every navigation is the same page; its query string is the view.
    event.respondWith(networkFirst(request, new Request('./', { cache: 'reload' }).url));
  } else if (HASHED.test(path) || /^icon[-\w]*\.(png|svg)$/.test(path)) {
    event.respondWith(caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request);
      if (hit) return hit;
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    }));
  } else if (path.startsWith('data/') || path === 'manifest.webmanifest') {
    event.respondWith(networkFirst(request, url.origin + url.pathname));
  }
});

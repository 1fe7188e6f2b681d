// The start of the app's start-up module, written by `xtask finalize` before Trunk's code.

// When the app's code fails to load or start (no network, a broken file, no WebAssembly), the
// first paint's loading line becomes a message with a reload button, in the page's language
// (the messages are data attributes of the prerendered page). Never "loading" for ever.
const ntmBootFailed = (() => {
  const fail = () => {
    if (window.wasmBindings || document.querySelector('.crash-panel')) return;
    const status = document.querySelector('#prerender .loading');
    if (!status || status.dataset.shown) return;
    status.dataset.shown = '1';
    status.setAttribute('role', 'alert');
    status.classList.add('boot-failed');
    const text = typeof WebAssembly !== 'object' ? status.dataset.unsupported
      : navigator.onLine === false ? status.dataset.offline
        : status.dataset.failed;
    status.textContent = `${text} `;
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.className = 'button primary';
    reload.textContent = status.dataset.reload;
    reload.addEventListener('click', () => location.reload());
    status.append(reload);
  };
  addEventListener('error', fail);
  addEventListener('unhandledrejection', fail);
  if (typeof WebAssembly !== 'object') fail();
  return fail;
})();

// Starts the download of the geometry the default view draws first, beside the wasm's, from
// the plan `prerender::geometry_plan` writes. It chooses as the app does (`AppState::lite`):
// the data-saver's per-province files with Save-Data or on a narrow screen, the full file
// otherwise; nothing for a link to another page, area or year, or with an explicit data-saver
// choice (the app loads what those need).
{
  const plan = document.querySelector('meta[name="ntm-preload"]');
  const query = new URLSearchParams(location.search);
  if (plan && !['view', 'scope', 'year', 'lite'].some((k) => query.has(k))) {
    const connection = navigator.connection;
    const lite = !!(connection && connection.saveData)
      || matchMedia('(prefers-reduced-data: reduce)').matches
      || matchMedia('(max-width: 599px)').matches;
    for (const href of (plan.getAttribute(lite ? 'data-lite' : 'data-full') || '').split(' ').filter(Boolean)) {
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous';
      link.href = href;
      document.head.append(link);
    }
  }
}

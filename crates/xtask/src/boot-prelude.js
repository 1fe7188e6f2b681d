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

// A link in English (?lang=en) gets its first paint in English: the page carries it as a data
// block (`prerender::english_block`), put in place of the Vietnamese one here, before the app
// starts; the map preview is kept, with its English name and caption. Embedded pages too.
{
  const block = document.getElementById('prerender-en');
  const first = document.getElementById('prerender');
  if (block && first && new URLSearchParams(location.search).get('lang') === 'en') {
    try {
      const en = JSON.parse(block.textContent);
      const template = document.createElement('template');
      template.innerHTML = en.html;
      const fresh = template.content.firstElementChild;
      const figure = first.querySelector('.prerender-figure');
      const slot = fresh.querySelector('[data-prerender-map]');
      if (figure && slot) {
        figure.querySelector('svg')?.setAttribute('aria-label', en.map);
        const caption = figure.querySelector('figcaption');
        if (caption) caption.textContent = en.caption;
        slot.replaceWith(figure);
      } else slot?.remove();
      first.replaceWith(fresh);
      document.documentElement.lang = 'en';
      document.title = en.title;
    } catch (e) {
      // The Vietnamese first paint stays; the app comes in English.
    }
  }
}

// A link to a commune (`?unit=`): its name, its tier on the preview's date and a pin on the
// map preview, from the small file `prerender::places` writes, while the app's code is still
// on its way (seconds on a weak signal). The app's first render replaces all of it.
{
  const id = new URLSearchParams(location.search).get('unit');
  const key = (id || '').slice(0, 3).toLowerCase().replace(/[^a-z0-9]/g, '_');
  const files = document.querySelector('meta[name="ntm-preload"]')?.dataset.places?.split(' ') || [];
  if (id && files.includes(key) && document.getElementById('prerender')) {
    fetch(`data/places/${key}.json`).then((r) => (r.ok ? r.json() : null)).then((all) => {
      const place = all && all[id];
      const first = document.getElementById('prerender');
      const figure = first && first.querySelector('.prerender-figure');
      if (!place || !first) return;
      const text = place[document.documentElement.lang === 'en' ? 'en' : 'vi'];
      const card = document.createElement('p');
      card.className = 'prerender-place';
      const name = document.createElement('strong');
      name.textContent = text.name;
      card.append(name);
      // The tier as of the preview's date: not for a link to another year.
      if (text.status && !new URLSearchParams(location.search).has('year')) {
        const line = document.createElement('span');
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.dataset.status = place.tier;
        swatch.setAttribute('aria-hidden', 'true');
        line.append(swatch, ` ${text.status}`);
        card.append(line);
      }
      const svg = figure && figure.querySelector('svg');
      if (svg && place.at) {
        const ns = 'http://www.w3.org/2000/svg';
        for (const [r, cls] of [[9, 'prerender-pin-halo'], [6, 'prerender-pin']]) {
          const dot = document.createElementNS(ns, 'circle');
          dot.setAttribute('cx', place.at[0]);
          dot.setAttribute('cy', place.at[1]);
          dot.setAttribute('r', r);
          dot.setAttribute('class', cls);
          svg.append(dot);
        }
        // Over the map, as the app's callout: at its top, or at its bottom (above the
        // caption) when the commune is in the top half.
        svg.after(card);
        const box = svg.viewBox.baseVal;
        if (box && place.at[1] < box.height / 2) {
          card.style.top = 'auto';
          card.style.bottom = `${figure.offsetHeight - svg.getBoundingClientRect().height + 8}px`;
        }
      } else {
        first.querySelector('.prerender-intro')?.before(card);
      }
    }).catch(() => {});
  }
}

// Starts the download of the geometry the first view draws, beside the wasm's, from the plan
// `prerender::geometry_plan` writes. It chooses as the app does (`AppState::lite`): the
// data-saver's per-province files with Save-Data or on a narrow screen, the full file
// otherwise; the era of the link's `year` (`Step::key`: "2025-06" and earlier years are before
// the reform), or the default view's. Nothing for a link to another page or area, or with an
// explicit data-saver choice (the app loads what those need).
{
  const plan = document.querySelector('meta[name="ntm-preload"]');
  const query = new URLSearchParams(location.search);
  const year = query.get('year');
  const known = year === null || /^\d{4}(-06)?$/.test(year);
  if (plan && known && !['view', 'scope', 'lite'].some((k) => query.has(k))) {
    const era = year === null ? plan.dataset.era
      : (year === '2025-06' || Number(year) < 2025 ? 'pre2025' : 'post2025');
    const connection = navigator.connection;
    const lite = !!(connection && connection.saveData)
      || matchMedia('(prefers-reduced-data: reduce)').matches
      || matchMedia('(max-width: 599px)').matches;
    for (const href of (plan.getAttribute(`data-${lite ? 'lite' : 'full'}-${era}`) || '').split(' ').filter(Boolean)) {
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous';
      link.href = href;
      document.head.append(link);
    }
  }
}

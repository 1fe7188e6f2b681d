/* NTM Atlas host script: resizes NTM Atlas iframes to their content.
 *
 * Add it once to a page that embeds the atlas:
 *   <iframe src="https://example.gov.vn/ntm/?embed=1" data-ntm-atlas ...></iframe>
 *   <script src="https://example.gov.vn/ntm/embed.js" async></script>
 *
 * The embedded page posts {"ntm-atlas-height": <pixels>} to its parent whenever its height
 * changes, and {"ntm-atlas-top": true} when another of its pages opens (the frame's top is
 * then brought into view, if it was scrolled past). This script accepts only messages of
 * exactly those shapes, only from the origin it was loaded from, and only for iframes marked
 * data-ntm-atlas; it sends nothing back.
 * No cookies, no storage, no third-party code. A page without this script keeps the iframe's
 * fixed height, which also works.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var origin;
  try {
    origin = new URL(script && script.src ? script.src : '', window.location.href).origin;
  } catch (e) {
    return;
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || Object.keys(data).length !== 1) return;
    var height = data['ntm-atlas-height'];
    var top = data['ntm-atlas-top'] === true;
    if (!top && (typeof height !== 'number' || !isFinite(height) || height < 100)) return;
    // A taller page (a table with every row) gets a frame of 20,000 px that scrolls inside,
    // not a frame left at its last height.
    if (!top) height = Math.min(height, 20000);
    var frames = document.querySelectorAll('iframe[data-ntm-atlas]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) continue;
      if (top) {
        if (frames[i].getBoundingClientRect().top < 0) frames[i].scrollIntoView({ block: 'start' });
      } else {
        frames[i].style.height = Math.ceil(height) + 'px';
      }
    }
  });
})();

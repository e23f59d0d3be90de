// What the pages of Codeboom's web views share. Project text goes into a page only through textContent.
(function () {
  'use strict';
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  /** A small square in a code's colour (only #rrggbb gets in). */
  function swatch(color) {
    const img = el('img', { alt: '' });
    if (/^#[0-9a-f]{6}$/.test(color)) {
      img.src = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" rx="2" fill="' + color + '"/></svg>');
    }
    return img;
  }

  /** The heat-map class of a count: h1 (light) to h9 (strong) against the largest count. */
  function heat(value, max) {
    if (value <= 0 || max <= 0) return '';
    return 'h' + Math.max(1, Math.min(9, Math.ceil((value / max) * 9)));
  }

  /** The largest of `values` and `atLeast`, by a loop: Math.max(...values) overflows the stack on long lists. */
  function maxOf(values, atLeast) {
    let max = atLeast;
    for (const v of values) if (v > max) max = v;
    return max;
  }

  window.codeboomPage = { el, swatch, heat, maxOf };
})();

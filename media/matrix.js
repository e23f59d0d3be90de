// The code matrix page. Every piece of project text is put into the page with textContent, never as HTML.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const { el, swatch, heat, maxOf } = window.codeboomPage;
  const data = window.CODEBOOM;
  const s = data.strings;
  let matrix = data.matrix;
  let includeSubcodes = data.includeSubcodes;
  const app = document.getElementById('app');
  /** A count with the thousands separator of VS Code's display language (the extension gives it). */
  const fmt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, s.thousands);

  function render() {
    app.textContent = '';
    const bar = el('div', { class: 'toolbar' });
    const label = el('label');
    const box = el('input', { type: 'checkbox', id: 'subcodes' });
    box.checked = includeSubcodes;
    box.addEventListener('change', () => vscode.postMessage({ type: 'subcodes', value: box.checked }));
    label.append(box, document.createTextNode(' ' + s.withSubcodes));
    const csv = el('button', { id: 'export-csv' }, s.exportCsv);
    csv.addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));
    const png = el('button', { id: 'export-image' }, s.exportImage);
    png.addEventListener('click', () => vscode.postMessage({ type: 'image', dataUrl: drawImage() }));
    bar.append(label, csv, png, el('span', { class: 'hint' }, s.hint));
    app.append(bar);
    if (!matrix || matrix.rows.every((r) => r.segments === 0)) {
      app.append(el('p', {}, s.empty));
    }
    if (!matrix) return;
    const max = maxOf(matrix.rows.map((r) => maxOf(r.cells, 0)), 0);
    const table = el('table', { id: 'matrix' });
    const head = el('tr');
    head.append(el('th', { class: 'code' }, s.code));
    for (const p of matrix.participants) head.append(el('th', { scope: 'col' }, p));
    head.append(el('th', { title: s.segments }, 'Σ'), el('th', { title: s.participants }, '#'));
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    for (const row of matrix.rows) {
      const tr = el('tr', { class: row.codable ? 'code-row' : 'group' });
      const name = el('td', { class: 'code clickable', 'data-code': row.path });
      name.style.paddingLeft = 8 + row.depth * 16 + 'px';
      name.append(swatch(row.color), document.createTextNode(row.label));
      name.title = row.path;
      name.addEventListener('click', () => vscode.postMessage({ type: 'cell', code: row.path }));
      tr.append(name);
      row.cells.forEach((n, i) => {
        const td = el('td', { class: n > 0 ? 'cell ' + heat(n, max) : 'zero', 'data-code': row.path, 'data-participant': matrix.participants[i] }, n > 0 ? fmt(n) : '·');
        if (n > 0) td.addEventListener('click', () => vscode.postMessage({ type: 'cell', code: row.path, participant: matrix.participants[i] }));
        tr.append(td);
      });
      tr.append(el('td', { class: 'total' }, fmt(row.segments)), el('td', { class: 'total' }, fmt(row.participantCount)));
      body.append(tr);
    }
    const totals = el('tr');
    totals.append(el('td', { class: 'code total' }, s.total));
    for (const n of matrix.columnTotals) totals.append(el('td', { class: 'total' }, fmt(n)));
    totals.append(el('td', { class: 'total' }, fmt(matrix.columnTotals.reduce((a, b) => a + b, 0))), el('td'));
    body.append(totals);
    table.append(thead, body);
    const scroll = el('div', { class: 'scroll' });
    scroll.append(table);
    app.append(scroll, el('div', { id: 'quotes' }));
  }

  function showQuotes(title, quotes) {
    const box = document.getElementById('quotes');
    box.textContent = '';
    box.append(el('h2', {}, title));
    if (quotes.length === 0) {
      box.append(el('p', {}, s.noQuotes));
      return;
    }
    const list = el('ol');
    for (const q of quotes) {
      const li = el('li', { tabindex: '0' });
      li.append(el('span', { class: 'text' }, '“' + q.text + '” [' + q.participant + ']'), el('span', { class: 'where' }, q.file));
      const open = () => vscode.postMessage({ type: 'open', uri: q.uri, range: q.range });
      li.addEventListener('click', open);
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') open();
      });
      list.append(li);
    }
    box.append(list);
  }

  /** The matrix drawn on a canvas, in the page's colours, as a PNG data URL. */
  function drawImage() {
    const css = getComputedStyle(document.body);
    const fg = css.getPropertyValue('--vscode-foreground') || '#333';
    const bg = css.getPropertyValue('--vscode-editor-background') || '#fff';
    const blue = css.getPropertyValue('--vscode-charts-blue') || '#1f77b4';
    const font = '13px ' + (css.getPropertyValue('--vscode-font-family') || 'sans-serif');
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    ctx.font = font;
    const rowH = 22;
    const labelW = Math.ceil(maxOf(matrix.rows.map((r) => ctx.measureText(r.label).width + r.depth * 16), ctx.measureText(s.code).width)) + 40;
    const colW = Math.ceil(maxOf(matrix.participants.map((p) => ctx.measureText(p).width), 32)) + 16;
    const cols = matrix.participants.length + 2;
    const scale = 2;
    canvas.width = (labelW + cols * colW) * scale;
    canvas.height = (matrix.rows.length + 2) * rowH * scale;
    ctx.scale(scale, scale);
    ctx.fillStyle = bg.trim();
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.font = font;
    ctx.textBaseline = 'middle';
    const max = maxOf(matrix.rows.map((r) => maxOf(r.cells, 0)), 1);
    const text = (t, x, y, align) => {
      ctx.fillStyle = fg.trim();
      ctx.textAlign = align;
      ctx.fillText(String(t), x, y);
    };
    text(s.code, 8, rowH / 2, 'left');
    matrix.participants.forEach((p, i) => text(p, labelW + i * colW + colW - 8, rowH / 2, 'right'));
    text('Σ', labelW + matrix.participants.length * colW + colW - 8, rowH / 2, 'right');
    text('#', labelW + (matrix.participants.length + 1) * colW + colW - 8, rowH / 2, 'right');
    matrix.rows.forEach((row, r) => {
      const y = (r + 1) * rowH;
      if (/^#[0-9a-f]{6}$/.test(row.color)) {
        ctx.fillStyle = row.color;
        ctx.fillRect(8 + row.depth * 16, y + 6, 10, 10);
      }
      ctx.font = (row.codable ? '' : 'bold ') + font;
      text(row.label, 24 + row.depth * 16, y + rowH / 2, 'left');
      ctx.font = font;
      row.cells.forEach((n, i) => {
        const x = labelW + i * colW;
        if (n > 0) {
          ctx.globalAlpha = 0.12 + 0.8 * (n / max);
          ctx.fillStyle = blue.trim();
          ctx.fillRect(x + 1, y + 1, colW - 2, rowH - 2);
          ctx.globalAlpha = 1;
        }
        text(n > 0 ? fmt(n) : '·', x + colW - 8, y + rowH / 2, 'right');
      });
      text(fmt(row.segments), labelW + matrix.participants.length * colW + colW - 8, y + rowH / 2, 'right');
      text(fmt(row.participantCount), labelW + (matrix.participants.length + 1) * colW + colW - 8, y + rowH / 2, 'right');
    });
    return canvas.toDataURL('image/png');
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'data') {
      matrix = m.matrix;
      includeSubcodes = m.includeSubcodes;
      render();
    } else if (m.type === 'quotes') {
      showQuotes(m.title, m.quotes);
    }
  });

  render();
})();

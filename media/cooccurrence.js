// The co-occurrence page. Every piece of project text is put into the page with textContent, never as HTML.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const { el, swatch, heat } = window.codeboomPage;
  const init = window.CODEBOOM;
  const s = init.strings;
  let data = init.data;
  let unit = init.unit;
  const app = document.getElementById('app');




  function render() {
    app.textContent = '';
    const bar = el('div', { class: 'toolbar' });
    const select = el('select', { id: 'unit' });
    const kind = unit.startsWith('window:') ? 'window' : unit;
    for (const k of ['overlap', 'paragraph', 'turn', 'window']) {
      const o = el('option', { value: k }, s[k]);
      if (k === kind) o.selected = true;
      select.append(o);
    }
    const n = el('input', { type: 'number', min: '1', max: '50', id: 'window', value: kind === 'window' ? unit.slice(7) : '2' });
    n.hidden = kind !== 'window';
    const send = () => {
      const k = select.value;
      n.hidden = k !== 'window';
      vscode.postMessage({ type: 'unit', unit: k === 'window' ? 'window:' + Math.max(1, Number(n.value) || 1) : k });
    };
    select.addEventListener('change', send);
    n.addEventListener('change', send);
    bar.append(el('label', { for: 'unit' }, s.unit), select, n, el('span', { class: 'hint' }, s.hint));
    app.append(bar);
    if (!data || data.maxCell === 0) {
      app.append(el('p', {}, s.empty));
      if (!data) return;
    }
    const table = el('table', { id: 'cooccurrence' });
    const head = el('tr');
    head.append(el('th', { class: 'code' }));
    data.codes.forEach((c, j) => {
      const th = el('th', { title: c.label }, String(j + 1));
      head.append(th);
    });
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    data.codes.forEach((c, i) => {
      const tr = el('tr');
      const name = el('td', { class: 'code' });
      name.append(swatch(c.color), document.createTextNode(i + 1 + '. ' + c.label));
      name.title = c.path;
      tr.append(name);
      data.cells[i].forEach((v, j) => {
        const td = el('td', { class: i === j ? 'zero' : v > 0 ? 'cell ' + heat(v, data.maxCell) : 'zero' }, i === j ? '' : v > 0 ? v : '·');
        if (i !== j && v > 0) {
          const people = data.participantCells[i][j];
          td.title = (v === 1 ? s.pair : s.pairs.replace('{0}', v)) + ' ' + (people === 1 ? s.inParticipant : s.inParticipants.replace('{0}', people));
          td.addEventListener('click', () => vscode.postMessage({ type: 'cell', first: c.path, second: data.codes[j].path }));
        }
        tr.append(td);
      });
      body.append(tr);
    });
    table.append(thead, body);
    const scroll = el('div', { class: 'scroll' });
    scroll.append(table);
    app.append(scroll, el('div', { id: 'quotes' }));
  }

  function showPairs(m) {
    const box = document.getElementById('quotes');
    box.textContent = '';
    const label = (path) => (data.codes.find((c) => c.path === path) || { label: path }).label;
    box.append(el('h2', {}, label(m.first) + ' × ' + label(m.second) + ' (' + m.pairs.length + ')'));
    if (m.pairs.length === 0) {
      box.append(el('p', {}, s.noPairs));
      return;
    }
    const list = el('ol');
    for (const p of m.pairs) {
      const li = el('li');
      for (const side of [p.first, p.second]) {
        const part = el('div', { tabindex: '0' });
        part.append(el('span', { class: 'text' }, '“' + side.text + '” [' + side.participant + ']'), el('span', { class: 'where' }, side.where));
        part.addEventListener('click', () => vscode.postMessage({ type: 'open', side: side }));
        li.append(part);
      }
      list.append(li);
    }
    box.append(list);
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'data') {
      data = m.data;
      unit = m.unit;
      render();
    } else if (m.type === 'pairs') {
      showPairs(m);
    }
  });

  render();
})();

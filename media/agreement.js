// The agreement page. Every piece of project text is put into the page with textContent, never as HTML.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const { el, swatch, heat } = window.codeboomPage;
  const { data, strings: s } = window.CODEBOOM;
  const app = document.getElementById('app');

  const num = (v, digits) => (v === null || v === undefined ? '—' : Number(v).toFixed(digits));

  app.append(el('h2', {}, data.coders.join(' · ')));
  const overlap = Math.round(data.minOverlap * 100);
  const summary = data.documents.compared === 1 ? s.summaryOne.replace('{0}', overlap) : s.summary.replace('{0}', data.documents.compared).replace('{1}', overlap);
  app.append(el('p', { class: 'hint' }, summary));

  // One table per level, as the command line shows them: first whether each transcript has the code at
  // all, then whether the coders coded the same passages.
  for (const level of ['document', 'segment']) {
    const rows = data.rows.filter((r) => r.level === level);
    if (rows.length === 0) continue;
    app.append(el('h3', {}, level === 'document' ? s.documentLevel : s.segmentLevel));
    const table = el('table', { id: 'agreement-' + level, class: 'agreement' });
    const head = el('tr');
    head.append(el('th', { class: 'code' }, s.code));
    for (const h of [s.units, s.percent, s.kappa, s.alpha]) head.append(el('th', {}, h));
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    for (const r of rows) {
      const tr = el('tr', { class: r.code === null ? 'group' : '' });
      tr.append(
        el('td', { class: 'code' }, r.code === null ? s.allCodes : r.label),
        el('td', {}, r.units),
        el('td', {}, num(r.percent_agreement, 1)),
        el('td', {}, num(r.cohen_kappa, 3)),
        el('td', {}, num(r.krippendorff_alpha, 3)),
      );
      body.append(tr);
    }
    table.append(thead, body);
    const scroll = el('div', { class: 'scroll fit' });
    scroll.append(table);
    app.append(scroll);
  }

  if (data.textDifferences.length > 0) {
    app.append(el('h2', {}, s.textDifferences));
    const list = el('ul');
    for (const t of data.textDifferences) list.append(el('li', {}, t.file + ' (' + t.coders.join(' / ') + (t.lines ? ', ' + t.lines.join(' / ') : '') + ')'));
    app.append(list);
  }

  const box = el('div', { id: 'quotes' });
  box.append(el('h2', {}, s.disagreements.replace('{0}', data.disagreements.length)));
  if (data.disagreements.length === 0) box.append(el('p', {}, s.none));
  const list = el('ol');
  for (const d of data.disagreements) {
    const li = el('li', { tabindex: '0' });
    li.append(el('strong', {}, d.codeLabel), el('span', { class: 'where' }, d.file));
    const inner = el('ul');
    for (const c of d.coders) {
      const item = el('li');
      item.append(
        el('span', { class: 'where' }, c.coder + ' (' + (c.hasCode ? s.has : s.hasNot) + ', ' + c.startLine + (c.endLine !== c.startLine ? '–' + c.endLine : '') + '): '),
        el('span', { class: 'text' }, '“' + c.text + '”'),
      );
      if (c.codes.length) item.append(el('span', { class: 'where' }, ' [' + c.codes.join(', ') + ']'));
      inner.append(item);
    }
    li.append(inner);
    const first = d.coders[0];
    li.addEventListener('click', () => vscode.postMessage({ type: 'open', uri: d.uri, line: first.startLine, endLine: first.endLine }));
    list.append(li);
  }
  box.append(list);
  app.append(box);
})();

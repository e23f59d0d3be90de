// The retrieved segments page. Every piece of project text is put into the page with textContent, never as HTML.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const { el, swatch } = window.codeboomPage;
  const data = window.CODEBOOM;
  const s = data.strings;
  let codes = data.codes;
  let query = data.query;
  let result = data.result;
  let filter = '';
  const app = document.getElementById('app');
  const fmt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, s.thousands);

  /** Enter does what a click does, on anything the keyboard can reach. */
  function activate(node, action) {
    node.addEventListener('click', action);
    node.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        action(e);
      }
    });
  }

  function ask(change) {
    query = Object.assign({}, query, change);
    vscode.postMessage({ type: 'query', query });
  }

  function select(id, label, options, value, onChange) {
    const wrap = el('label', { class: 'field', for: id });
    wrap.append(el('span', {}, label));
    const box = el('select', { id });
    for (const [v, text] of options) {
      const option = el('option', { value: v }, text);
      if (v === value) option.selected = true;
      box.append(option);
    }
    box.addEventListener('change', () => onChange(box.value));
    wrap.append(box);
    return wrap;
  }

  function renderControls() {
    const controls = el('div', { class: 'controls' });

    // The codes, each a checkbox in codebook order, with a filter above them.
    const picker = el('fieldset', { class: 'codes' });
    picker.append(el('legend', {}, s.codes));
    const search = el('input', { type: 'search', id: 'code-filter', placeholder: s.filter, 'aria-label': s.filter, value: filter });
    search.addEventListener('input', () => {
      filter = search.value;
      renderCodeList(list);
    });
    const list = el('div', { class: 'code-list', id: 'code-list' });
    picker.append(search, list);
    renderCodeList(list);

    const options = el('div', { class: 'options' });
    options.append(
      select(
        'mode',
        s.mode,
        [
          ['any', s.any],
          ['all', s.all],
        ],
        query.mode,
        (v) => ask({ mode: v }),
      ),
    );
    const sub = el('label', { class: 'check' });
    const subBox = el('input', { type: 'checkbox', id: 'subcodes' });
    subBox.checked = Boolean(query.subcodes);
    subBox.addEventListener('change', () => ask({ subcodes: subBox.checked }));
    subBox.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        subBox.checked = !subBox.checked;
        ask({ subcodes: subBox.checked });
      }
    });
    sub.append(subBox, document.createTextNode(' ' + s.subcodes));
    options.append(sub);
    options.append(
      select('participant', s.participant, [['', s.everyone]].concat(data.participants.map((p) => [p, p])), query.participant || '', (v) => ask({ participant: v || undefined })),
    );
    const pairs = [];
    for (const v of data.variables) for (const value of v.values) pairs.push([JSON.stringify([v.name, value]), v.name + ' = ' + value]);
    const where = query.where && query.where[0] ? JSON.stringify([query.where[0].variable, query.where[0].value]) : '';
    options.append(
      select('variable', s.variable, [['', s.everyone]].concat(pairs), where, (v) => {
        const pair = v ? JSON.parse(v) : undefined;
        ask({ where: pair ? [{ variable: pair[0], value: pair[1] }] : [] });
      }),
    );
    options.append(
      select(
        'context',
        s.context,
        ['none', 'sentence', 'paragraph', 'turn'].map((c) => [c, s.contexts[c]]),
        query.context,
        (v) => ask({ context: v }),
      ),
    );
    const exports = el('div', { class: 'exports', role: 'group', 'aria-label': s.exportAs });
    exports.append(el('span', { class: 'hint' }, s.exportAs + ':'));
    for (const [format, label] of [
      ['docx', 'Word'],
      ['markdown', 'Markdown'],
      ['html', 'HTML'],
      ['csv', 'CSV'],
    ]) {
      const button = el('button', { id: 'export-' + format, type: 'button' }, label);
      button.addEventListener('click', () => vscode.postMessage({ type: 'export', format }));
      exports.append(button);
    }
    options.append(exports);
    controls.append(picker, options);
    return controls;
  }

  function renderCodeList(list) {
    list.textContent = '';
    const wanted = filter.trim().toLowerCase();
    for (const c of codes) {
      if (wanted && !c.label.toLowerCase().includes(wanted) && !c.path.toLowerCase().includes(wanted)) continue;
      const id = 'code-' + c.path;
      const row = el('label', { class: 'code' + (c.codable ? '' : ' group'), for: id, 'data-code': c.path });
      row.style.paddingLeft = 4 + c.depth * 14 + 'px';
      const box = el('input', { type: 'checkbox', id, value: c.path });
      box.checked = query.codes.includes(c.path);
      const toggle = () => {
        const chosen = query.codes.filter((p) => p !== c.path);
        if (box.checked) chosen.push(c.path);
        // Keep the codebook's order, so the headings come in it.
        ask({ codes: codes.map((x) => x.path).filter((p) => chosen.includes(p)) });
      };
      box.addEventListener('change', toggle);
      box.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          box.checked = !box.checked;
          toggle();
        }
      });
      row.append(box, swatch(c.color), el('span', { class: 'label' }, c.label), el('span', { class: 'count' }, fmt(c.segments)));
      row.title = c.path;
      list.append(row);
    }
  }

  function renderResult(box) {
    box.textContent = '';
    if (!result || query.codes.length === 0) {
      box.append(el('p', { class: 'hint' }, s.pickCodes));
      return;
    }
    box.append(el('p', { class: 'summary', id: 'summary' }, result.summary));
    if (result.quotes.length === 0) box.append(el('p', {}, s.none));
    for (const code of result.codes) {
      const quotes = result.quotes.filter((q) => q.group === code.path);
      if (quotes.length === 0) continue;
      const section = el('section', { class: 'group', 'data-code': code.path });
      const heading = el('h2');
      heading.append(swatch(code.color), document.createTextNode(code.label + ' (' + fmt(quotes.length) + ')'));
      section.append(heading);
      const list = el('ol', { class: 'quotes' });
      for (const q of quotes) {
        const item = el('li', { class: 'quote', tabindex: '0', role: 'button', title: s.open });
        if (q.before) item.append(el('div', { class: 'context before' }, '…' + q.before));
        item.append(el('blockquote', { class: 'text' }, q.text));
        if (q.after) item.append(el('div', { class: 'context after' }, q.after + '…'));
        const place = q.file + ':' + q.startLine + (q.endLine !== q.startLine ? '–' + q.endLine : '');
        const meta = el('div', { class: 'where' });
        meta.append(el('span', { class: 'participant' }, q.participant), document.createTextNode(' · '), el('span', { class: 'place' }, place));
        if (q.code !== q.group) meta.append(document.createTextNode(' · ' + q.label));
        item.append(meta);
        for (const memo of q.memos) {
          const m = el('div', { class: 'memo' });
          m.append(el('strong', {}, s.memo + ': '), document.createTextNode(memo));
          item.append(m);
        }
        if (q.alsoCoded.length > 0) item.append(el('div', { class: 'also' }, s.alsoCoded + ': ' + q.alsoCoded.join(', ')));
        activate(item, () => vscode.postMessage({ type: 'open', uri: q.uri, range: q.range }));
        list.append(item);
      }
      section.append(list);
      box.append(section);
    }
  }

  function render() {
    const focused = document.activeElement && document.activeElement.id;
    app.textContent = '';
    const results = el('div', { id: 'results', 'aria-live': 'polite' });
    app.append(renderControls(), results);
    renderResult(results);
    if (focused) {
      const again = document.getElementById(focused);
      if (again) again.focus();
    }
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'data') {
      codes = m.codes;
      query = m.query;
      result = m.result;
      render();
    } else if (m.type === 'result') {
      query = m.query;
      result = m.result;
      renderResult(document.getElementById('results'));
    }
  });

  render();
})();

import { strict as assert } from 'node:assert';
import { strFromU8, unzipSync } from 'fflate';
import { retrieveSegments, type RetrievalQuery } from '../../server/src/engine/analysis/retrievedSegments';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { retrievalDocx } from '../../server/src/engine/report/retrievedSegmentsDocx';
import { RETRIEVAL_COLUMNS, retrievalCsv, retrievalHtml, retrievalMarkdown, retrievalText } from '../../server/src/engine/report/retrievedSegmentsReport';
import { SMALL_CODEBOOK } from '../helpers/tempProject';

const T9 = `---
participant: T9
---
I= Hoe begon het?

T9= Eerst was het stil. {{Ik bleef gewoon komen, week na week}}[[afstemmen/geduld | de kern]]. Toen vroeg hij of ik terugkwam.
`;

// Text that tries to break out of every format: HTML, Markdown, CSV and XML.
const HOSTILE = `---
participant: X1
---
X1= Voor. {{<script>alert("x")</script> & *vet* | "a, b"\n# kop}}[[afstemmen/geduld | <img src=x onerror=alert(1)>]] Na.
`;

function result(query: Partial<RetrievalQuery> = {}, texts: Record<string, string> = { 'T09.txt': T9 }) {
  const index = new ProjectIndex(parseCodebook(SMALL_CODEBOOK));
  for (const [id, text] of Object.entries(texts)) index.set(id, text);
  return retrieveSegments(index, { codes: ['afstemmen/geduld'], context: 'sentence', ...query }, 'en');
}

/** Parses CSV as RFC 4180 defines it (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++;
    else field += c;
  }
  return records;
}

describe('retrieved segments: reports', () => {
  it('CSV: the documented columns, one record per quote, CRLF', () => {
    const csv = retrievalCsv(result());
    assert.ok(csv.endsWith('\r\n'));
    const [header, ...rows] = parseCsv(csv);
    assert.deepEqual(header, [...RETRIEVAL_COLUMNS]);
    assert.equal(rows.length, 1);
    const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    assert.deepEqual(row, {
      code_group: 'afstemmen/geduld',
      code: 'afstemmen/geduld',
      code_label: 'Patience',
      file: 'T09.txt',
      participant: 'T9',
      speaker: 'T9',
      start_line: '6',
      end_line: '6',
      text: 'Ik bleef gewoon komen, week na week',
      context_before: 'Eerst was het stil.',
      context_after: '. Toen vroeg hij of ik terugkwam.',
      memos: 'de kern',
      also_coded: '',
    });
    const hostile = parseCsv(retrievalCsv(result({}, { 'X.txt': HOSTILE })));
    assert.equal(hostile.length, 2, 'quotes, commas and line breaks stay inside their field');
    assert.equal(hostile[1][8], '<script>alert("x")</script> & *vet* | "a, b" # kop');
  });

  it('Markdown: a heading per code, the quote as a blockquote with its attribution, the context in italics', () => {
    const md = retrievalMarkdown(result(), 'en');
    assert.match(md, /^# Retrieved segments\n/);
    assert.match(md, /\n## Patience\n/);
    assert.ok(md.includes('> Ik bleef gewoon komen, week na week\n>\n> — T9, T09.txt:6\n'), md);
    assert.ok(md.includes('*Eerst was het stil.* \\[…\\] *. Toen vroeg hij of ik terugkwam.*'), md);
    assert.ok(md.includes('**Memo:** de kern'));
    // Markup in the quote stays text: no heading, no emphasis, no HTML.
    const hostile = retrievalMarkdown(result({}, { 'X.txt': HOSTILE }), 'en');
    assert.ok(hostile.includes('\\<script\\>'), hostile);
    assert.ok(hostile.includes('\\*vet\\*'));
    assert.ok(hostile.includes('\\# kop'));
  });

  it('HTML: one page without scripts, every piece of project text escaped', () => {
    const html = retrievalHtml(result({}, { 'X.txt': HOSTILE }), 'en');
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!/<img/i.test(html), 'no image from a memo');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *vet*'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    const plain = retrievalHtml(result(), 'nl');
    assert.match(plain, /<html lang="nl">/);
    assert.match(plain, /<h1>Opgehaalde segmenten<\/h1>/);
    assert.ok(plain.includes('<blockquote><p>Ik bleef gewoon komen, week na week</p><p class="cite">— T9, T09.txt:6</p></blockquote>'));
    assert.ok(plain.includes('Eerst was het stil.</p>'));
  });

  it('text: place, quote, context and memo; says so when nothing matches', () => {
    const text = retrievalText(result(), 'en');
    assert.ok(text.includes('T09.txt:6 · T9\n    [before] Eerst was het stil.\n    “Ik bleef gewoon komen, week na week”\n    [after] . Toen vroeg hij of ik terugkwam.\n    Memo: de kern\n'), text);
    assert.match(retrievalText(result({ participant: 'T1' }), 'en'), /No segments match\./);
    assert.match(retrievalText(result({ participant: 'T1' }), 'nl'), /Geen segmenten gevonden\./);
  });

  it('Word: a zip with word/document.xml holding the heading, the quotes, their context and memo', async () => {
    const bytes = await retrievalDocx(result(), 'en');
    assert.ok(bytes instanceof Uint8Array);
    const files = unzipSync(bytes);
    assert.ok(files['[Content_Types].xml'], 'a Word package');
    const xml = strFromU8(files['word/document.xml']);
    const words = xml.replace(/<[^>]+>/g, '');
    for (const expected of ['Patience', '“Ik bleef gewoon komen, week na week”', '…Eerst was het stil.', '. Toen vroeg hij of ik terugkwam.…', '— T9, T09.txt:6', 'de kern']) {
      assert.ok(words.includes(expected), `${expected} in the document`);
    }
    assert.match(xml, /<w:i\/>[^]*Ik bleef gewoon komen/, 'the quote in italics');
    assert.match(xml, /<w:color w:val="6E6E6E"\/>[^]*Eerst was het stil/, 'the context in grey');
    // Hostile text stays text, and characters XML cannot hold are left out.
    const hostile = strFromU8(unzipSync(await retrievalDocx(result({}, { 'X.txt': HOSTILE.replace('Voor.', 'Voor.\u0001') }), 'en'))['word/document.xml']);
    assert.ok(hostile.includes('&lt;script&gt;'));
    assert.ok(!hostile.includes('\u0001'));
  });
});

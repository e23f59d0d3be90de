/**
 * Transcripts made to hurt: a second byte-order mark, and inputs that would make the scanner search to
 * the end of the file for every mark or list a million problems. Results are checked here, never times
 * (scripts/bench/pathological.ts measures those).
 */
import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { DOCUMENT_DIAGNOSTIC_LIMIT } from '../../server/src/engine/diagnosticLimit';
import { diagnosticMessage } from '../../server/src/engine/messages';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { digestBytes, digestParsed } from '../../server/src/engine/transcript/digest';
import { resolveTranscript } from '../../server/src/engine/transcript/resolve';
import { cleanText, parseTranscript } from '../../server/src/engine/transcript/transcript';
import { SMALL_CODEBOOK } from '../helpers/tempProject';

const codebook = parseCodebook(SMALL_CODEBOOK);
const resolve = (text: string) => resolveTranscript(digestParsed(parseTranscript(text, codebook.settings)), codebook, 'T');

describe('a second byte-order mark', () => {
  const text = '\ufeff---\nparticipant: T1\n---\nT1= hallo {{world}}[[effect/band]]\n';

  it('is a character at its place: the passage reads world, and the front matter is not at the start', () => {
    const parsed = parseTranscript(text, codebook.settings);
    const resolved = resolve(text);
    assert.equal(parsed.frontMatter, undefined);
    assert.deepEqual(resolved.segments.map((s) => cleanText(parsed, s.span)), ['world']);
  });

  it('is named, in English and Dutch, on the mark itself, and says to remove it', () => {
    const d = resolve(text).diagnostics.find((x) => x.code === 'file.extra-bom');
    assert.ok(d);
    assert.deepEqual(d.span, { start: 0, end: 1 });
    assert.equal(d.severity, 'warning');
    assert.match(diagnosticMessage(d, 'en'), /second byte-order mark.*remove it/);
    assert.match(diagnosticMessage(d, 'nl'), /tweede byte-order mark.*verwijder het/);
    assert.equal(resolve(text.slice(1)).diagnostics.some((x) => x.code === 'file.extra-bom'), false);
    assert.equal(resolve(`T1= a\ufeff b [[effect/band]]\n`).diagnostics.some((x) => x.code === 'file.extra-bom'), false, 'only at the start');
  });
});

describe('pathological transcripts', () => {
  it('lists the first thousand problems of 5,000 unclosed tags and one more that counts the other 4,000 as errors', () => {
    const text = 'T1= ' + '[[ '.repeat(5000) + '\n';
    const ds = resolve(text).diagnostics;
    assert.equal(ds.length, DOCUMENT_DIAGNOSTIC_LIMIT + 1);
    assert.ok(ds.slice(0, -1).every((d) => d.code === 'tag.unclosed'));
    const last = ds[ds.length - 1];
    assert.equal(last.code, 'diagnostics.truncated');
    assert.equal(last.severity, 'error');
    assert.deepEqual(last.args, { count: 4000, errors: 4000, warnings: 0, others: 0 });
    assert.match(diagnosticMessage(last, 'en'), /^4000 more problems in this transcript \(4000 errors\) are not listed/);
    assert.match(diagnosticMessage(last, 'nl'), /^4000 problemen meer in dit transcript \(4000 fouten\) staan niet in de lijst/);
  });

  it('keeps the first thousand in the order of the text, scanner and codebook problems together', () => {
    // Unknown codes early, unclosed passages (found at the end of the scan) throughout.
    const text = Array.from({ length: 1500 }, (_, i) => `T1= {{ x [[onbekend/c${i}]]\n`).join('');
    const ds = resolve(text).diagnostics;
    assert.equal(ds.length, DOCUMENT_DIAGNOSTIC_LIMIT + 1);
    const shown = ds.slice(0, -1);
    for (let i = 1; i < shown.length; i++) assert.ok(shown[i - 1].span.start <= shown[i].span.start);
    assert.deepEqual(new Set(shown.map((d) => d.code)), new Set(['passage.unclosed', 'code.unknown']));
    assert.equal(ds[ds.length - 1].args.count, 3000 - DOCUMENT_DIAGNOSTIC_LIMIT);
  });

  it('counts left-out problems with their configured severity, and not at all when turned off', () => {
    const quiet = parseCodebook(`${SMALL_CODEBOOK.replace('project:\n', "project:\n  severity:\n    tag.unclosed: warning\n    passage.unopened: 'off'\n")}`);
    const text = 'T1= ' + '[[ '.repeat(1500) + '}} '.repeat(3000) + '\n';
    const ds = resolveTranscript(digestParsed(parseTranscript(text, quiet.settings)), quiet, 'T').diagnostics;
    const last = ds[ds.length - 1];
    assert.equal(last.code, 'diagnostics.truncated');
    assert.equal(last.severity, 'warning');
    assert.deepEqual(last.args, { count: 500, errors: 0, warnings: 500, others: 0 });
  });

  it('gives the same digest from bytes as from text, and each range inside the text, on every kind of pathological input', () => {
    const inputs = [
      'T1= ' + '[['.repeat(3000) + '\n',
      '[[x\n'.repeat(3000),
      'T1= [[ x\n'.repeat(3000) + ']]\n',
      'T1= ' + '{{ '.repeat(3000) + '\n',
      'T1= ' + '{{#a '.repeat(3000) + '\n',
      'T1= ' + '{{'.repeat(3000) + 'x' + '}}[[effect/band]]'.repeat(3000) + '\n',
      'T1= ' + 'x [[effect/band | m]] '.repeat(3000) + '\n',
      '\ufeff' + '\ufeffT1= \ufeff{{\ufeffx}}[[effect/band]]\ufeff\n'.repeat(3000),
    ];
    for (const text of inputs) {
      const fromText = digestParsed(parseTranscript(text, codebook.settings));
      const fromBytes = digestBytes(Buffer.from(text, 'utf8'), codebook.settings);
      assert.deepEqual({ ...fromBytes, lineStarts: [...fromBytes.lineStarts] }, { ...fromText, lineStarts: [...fromText.lineStarts] });
      const index = new ProjectIndex(codebook);
      const doc = index.set('T.txt', text);
      assert.ok(doc.resolved.diagnostics.length <= DOCUMENT_DIAGNOSTIC_LIMIT + 1);
      for (const d of doc.resolved.diagnostics) assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length);
    }
  });

  it('makes one segment per code of a paragraph with many codes, with every memo of a code repeated many times', () => {
    const many = parseCodebook(`codes:\n${Array.from({ length: 100 }, (_, i) => `  c${i}:\n    label: C${i}\n`).join('')}`);
    const text = 'T1= ' + Array.from({ length: 2000 }, (_, i) => `x [[c${i % 100} | m${i}]] `).join('') + '\n';
    const resolved = resolveTranscript(digestParsed(parseTranscript(text, many.settings)), many, 'T');
    assert.equal(resolved.segments.length, 100);
    assert.deepEqual(resolved.segments.find((s) => s.code === 'c7')!.memos, Array.from({ length: 20 }, (_, k) => `m${7 + 100 * k}`));
  });
});

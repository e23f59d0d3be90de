/**
 * What real exports differ in: whether the end position is inclusive, CRLF counted as one character or
 * two, byte-order marks, GUID spellings, and the ways a source's text file is named.
 */
import { strict as assert } from 'node:assert';
import { buildQdpx } from '../../server/src/engine/refi/qdpxExport';
import { importQdpx, type QdpxImportOptions } from '../../server/src/engine/refi/qdpxImport';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { cleanText } from '../../server/src/engine/transcript/transcript';
import { GUID, indexOf, projectXml, qdpx, textSource } from './helpers';

const TEXT = 'Hello wörld 😀 and more\n';

/** The coded texts of an import, as "code: text". */
function coded(bytes: Uint8Array, options: QdpxImportOptions = {}): string[] {
  const plan = importQdpx(bytes, options);
  assert.deepEqual(plan.skipped, []);
  const index = indexOf(plan.files);
  return index.documents().flatMap((d) => {
    const parsed = index.parsed(d.id)!;
    return d.resolved.segments.map((s) => `${index.codebook.codes.get(s.code)!.label['*']}: ${cleanText(parsed, s.span)}`);
  });
}

describe('REFI-QDA position conventions', () => {
  it('reads the end position as exclusive by default, as the standard\'s examples and qc do', () => {
    assert.deepEqual(coded(qdpx(projectXml(textSource('internal://a.txt', 6, 11)), { 'sources/a.txt': TEXT })), ['Alpha: wörld']);
  });

  it('reads an inclusive end position when asked (tools that point at the last character)', () => {
    const bytes = qdpx(projectXml(textSource('internal://a.txt', 6, 10)), { 'sources/a.txt': TEXT });
    assert.deepEqual(coded(bytes, { endPosition: 'inclusive' }), ['Alpha: wörld']);
    assert.deepEqual(coded(bytes), ['Alpha: wörl']);
  });

  it('writes the end position exclusive: end minus start is the length of the coded text in code points', () => {
    const index = new ProjectIndex(parseCodebook('codes:\n  alpha:\n    label: Alpha\n'));
    index.set('t.txt', '---\nparticipant: P\n---\nHello 😀 {{wörld}}[[alpha]] 😀\n');
    const qde = buildQdpx(index).qde;
    // "Hello 😀 " is 8 code points (the emoji is one), "wörld" 5 more.
    assert.match(qde, /startPosition="8" endPosition="13"/);
  });

  it('counts positions in code points, so characters outside the BMP count once', () => {
    const start = [...TEXT].indexOf('a');
    assert.deepEqual(coded(qdpx(projectXml(textSource('internal://a.txt', start, start + 3)), { 'sources/a.txt': TEXT })), ['Alpha: and']);
  });

  it('reads positions that count CRLF as one character when asked', () => {
    const text = 'First line\r\nSecond line\r\nThird\r\n';
    // Counting CRLF as one: "Second" starts at 11 and "Third" at 23.
    const bytes = qdpx(projectXml(textSource('internal://a.txt', 23, 28)), { 'sources/a.txt': text });
    assert.deepEqual(coded(bytes, { crlfAsOne: true }), ['Alpha: Third']);
    assert.deepEqual(coded(qdpx(projectXml(textSource('internal://a.txt', 25, 30)), { 'sources/a.txt': text })), ['Alpha: Third']);
  });

  it('ignores byte-order marks on project.qde and on sources, and accepts GUIDs with braces in capitals', () => {
    const bom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]);
    const xml = projectXml(textSource('internal://a.txt', 0, 5, `{${GUID.beta.toUpperCase()}}`));
    assert.deepEqual(coded(qdpx(bom(xml), { 'sources/a.txt': bom(TEXT) })), ['Beta: Hello']);
  });

  it('finds sources named internal://, relative:// against basePath, by a bare name, or written inline', () => {
    const cases: [string, Record<string, string>, string][] = [
      [textSource('internal://A.TXT', 0, 5), { 'Sources/a.txt': TEXT }, ''],
      [textSource('relative:///interviews/a.txt', 0, 5), { 'sources/a.txt': TEXT }, ' basePath="C:/Project"'],
      [textSource('relative://interviews/a.txt', 0, 5), { 'sources/interviews/a.txt': TEXT }, ' basePath=""'],
      [textSource('a.txt', 0, 5), { 'sources/a.txt': TEXT }, ''],
      [textSource('internal://my%20file.txt', 0, 5), { 'sources/my file.txt': TEXT }, ''],
    ];
    for (const [source, files, base] of cases) assert.deepEqual(coded(qdpx(projectXml(source, base), files)), ['Alpha: Hello'], source);
    const inline = `<TextSource guid="${GUID.source}" name="Inline"><PlainTextContent>${TEXT}</PlainTextContent>
      <PlainTextSelection guid="${GUID.selection}" startPosition="0" endPosition="5"><Coding guid="${GUID.coding}"><CodeRef targetGUID="${GUID.alpha}"/></Coding></PlainTextSelection></TextSource>`;
    assert.deepEqual(coded(qdpx(projectXml(inline))), ['Alpha: Hello']);
  });

  it('skips a relative source that is not in the .qdpx, saying where it was', () => {
    const plan = importQdpx(qdpx(projectXml(textSource('relative:///AR/John.txt', 0, 5), ' basePath="C:/PROJECT/Sources"')));
    assert.equal(plan.skipped.length, 1);
    assert.match(plan.skipped[0].reason, /outside the \.qdpx \(relative:\/\/\/AR\/John\.txt under the base path C:\/PROJECT\/Sources\)/);
  });

  it('skips a source whose own text holds markup, with the reason, and counts none of its codings', () => {
    const plan = importQdpx(qdpx(projectXml(textSource('internal://a.txt', 0, 5)), { 'sources/a.txt': 'Hello {{world}}\n' }));
    assert.deepEqual(plan.skipped, [{ source: 'Interview', reason: 'its text contains "{{" (at character 6), which Codeboom would read as markup' }]);
    assert.deepEqual(plan.summary, { codes: 2, transcripts: 0, selections: 0, codings: 0, cases: 0 });
    assert.deepEqual(plan.files.map((f) => f.path), ['codebook.yaml']);
  });

  it('skips a source that is not UTF-8, as the standard requires it to be', () => {
    const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]);
    const plan = importQdpx(qdpx(projectXml(textSource('internal://a.txt', 0, 3)), { 'sources/a.txt': latin1 }));
    assert.deepEqual(plan.skipped, [{ source: 'Interview', reason: 'its text is not UTF-8, as REFI-QDA requires' }]);
  });
});

/**
 * Interoperability with real exports of other tools, read from shared/refi-qda/samples beside the
 * repository and never copied into the project (`npm run test:samples`): qc 1.3.2, NVivo for Mac 15 and
 * ATLAS.ti 23 for Windows. test/refi/toolConventions.test.ts reproduces their conventions in files of
 * its own, for `npm test`.
 */
import { strict as assert } from 'node:assert';
import { importQdpx } from '../../server/src/engine/refi/qdpxImport';
import { decodeUtf8 } from '../../server/src/engine/refi/refiXml';
import { childNamed, childrenNamed, parseXml, type XmlElement } from '../../server/src/engine/refi/xml';
import { ZipReader } from '../../server/src/engine/refi/zip';
import { cleanText } from '../../server/src/engine/transcript/transcript';
import { indexOf } from '../refi/helpers';
import { sample } from './samples';

function codeElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (e.name === 'Code') out.push(e);
    e.children.forEach(visit);
  };
  visit(root);
  return out;
}

describe('REFI-QDA import of real exports', () => {
  it('imports both qc-demo transcripts with all 158 coded selections and their 205 codings, each at its exact text', () => {
    const bytes = sample('qc-demo.qdpx');
    const plan = importQdpx(bytes);
    assert.deepEqual(plan.skipped, []);
    assert.deepEqual(plan.summary, { codes: 262, transcripts: 2, selections: 158, codings: 205, cases: 0 });
    assert.deepEqual(plan.files.map((f) => f.path), ['codebook.yaml', 'transcripts/board_2017.txt', 'transcripts/admin-1.txt']);

    // What the original says, read straight from the zip: selection positions in the original sources.
    const zip = ZipReader.open(bytes, 'qc-demo.qdpx');
    const root = parseXml(decodeUtf8(zip.read('project.qde'), 'project.qde'), 'project.qde');
    const names = new Map(codeElements(root).map((c) => [c.attrs.guid.toLowerCase(), c.attrs.name]));
    const expected: string[] = [];
    let selections = 0;
    for (const source of childrenNamed(childNamed(root, 'Sources')!, 'TextSource')) {
      const text = [...decodeUtf8(zip.read(`sources/${source.attrs.plainTextPath}`), 'source')];
      for (const sel of childrenNamed(source, 'PlainTextSelection')) {
        selections++;
        const selected = text.slice(Number(sel.attrs.startPosition), Number(sel.attrs.endPosition)).join('');
        for (const c of childrenNamed(sel, 'Coding')) {
          expected.push(`${source.attrs.plainTextPath.replace('.txt', '')} | ${names.get(childNamed(c, 'CodeRef')!.attrs.targetGUID)} | ${selected}`);
        }
      }
    }
    assert.equal(selections, 158);
    assert.equal(expected.length, 205);

    // What the imported project says: every passage's code (by its last slug's label) and text.
    const index = indexOf(plan.files);
    const found: string[] = [];
    const passages = new Set<string>();
    for (const doc of index.documents()) {
      const parsed = index.parsed(doc.id)!;
      assert.deepEqual(parsed.problems, [], `${doc.id} parses without problems`);
      for (const s of doc.resolved.segments) {
        assert.ok(s.passage >= 0, 'every coding is a passage');
        passages.add(`${doc.id}:${s.passage}`);
        const label = index.codebook.codes.get(s.code)!.label['*'];
        found.push(`${doc.id.replace(/^transcripts\/|\.txt$/g, '')} | ${label} | ${cleanText(parsed, s.span)}`);
      }
    }
    assert.equal(passages.size, 158);
    assert.deepEqual(found.sort(), expected.sort());
  });

  it('keeps the text of each qc-demo source byte for byte after its markup is removed', () => {
    const bytes = sample('qc-demo.qdpx');
    const zip = ZipReader.open(bytes, 'qc-demo.qdpx');
    const index = indexOf(importQdpx(bytes).files);
    for (const name of ['board_2017', 'admin-1']) {
      const original = decodeUtf8(zip.read(`sources/${name}.txt`), name);
      const parsed = index.parsed(`transcripts/${name}.txt`)!;
      assert.equal(cleanText(parsed, { start: parsed.bodyStart, end: parsed.text.length }), original);
    }
  });

  it('imports the NVivo codebook with its tree, and lists its .docx sources as skipped with the reason', () => {
    const plan = importQdpx(sample('nvivo-project.qdpx'));
    const index = indexOf(plan.files);
    const qde = parseXml(decodeUtf8(ZipReader.open(sample('nvivo-project.qdpx'), 'nvivo').read('project.qde'), 'qde'), 'qde');
    assert.equal(index.codebook.codes.size, codeElements(qde).length);
    assert.equal(index.codebook.diagnostics.length, 0);
    assert.ok(index.codebook.codes.has('rq1_definition/competencies/programming'));
    assert.ok(index.codebook.codes.has('rq1_definition/framings/cs_as_programming/programming'));
    assert.equal(plan.skipped.length, 2);
    for (const s of plan.skipped) assert.match(s.reason, /\.docx/);
    assert.deepEqual(plan.files.map((f) => f.path), ['codebook.yaml']);
  });

  it('imports the ATLAS.ti codebook with upper-case GUIDs, CRLF XML and names that are timestamps', () => {
    const plan = importQdpx(sample('atlasti-target.qdpx'));
    const index = indexOf(plan.files);
    assert.deepEqual([...index.codebook.codes.keys()], [
      'commits',
      'commits/2022-05-10t02-05-59z-19e4dce',
      'commits/2022-02-11t10-39-25z-cdbfd92',
    ]);
    const commit = index.codebook.codes.get('commits/2022-05-10t02-05-59z-19e4dce')!;
    assert.equal(commit.label['*'], '2022-05-10T02:05:59Z 19e4dce');
    assert.equal(commit.guid, '2d2466f0-d77f-4f8c-bdf9-628966b6b74d');
    assert.match(plan.files[0].content, /^title: target-atlas-project\n/);
  });
});

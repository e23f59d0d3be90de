/**
 * Export: the Stay Tuned example as .qdc and .qdpx, valid against the REFI-QDA schemas, with stable
 * GUIDs, and selections that point at exactly the coded text of each clean source.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import type { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { loadProject } from '../../server/src/node/projectFiles';
import { exportQdc } from '../../server/src/engine/refi/qdcExport';
import { buildQdpx, exportQdpx } from '../../server/src/engine/refi/qdpxExport';
import { derivedCodeGuid } from '../../server/src/engine/refi/refiCodes';
import { childNamed, childrenNamed, parseXml, type XmlElement } from '../../server/src/engine/refi/xml';
import { cleanText } from '../../server/src/engine/transcript/transcript';
import { FIXTURES, STAY_TUNED, validate } from './helpers';

let stayTuned: ProjectIndex;
before(async () => {
  stayTuned = (await loadProject(STAY_TUNED)).index;
});

function all(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(visit);
  };
  visit(root);
  return out;
}

describe('REFI-QDA export', () => {
  it('writes the Stay Tuned codebook as a .qdc that Codebook.xsd accepts', async () => {
    const qdc = exportQdc(stayTuned, { origin: 'Codeboom test' });
    const result = await validate(qdc, 'Codebook');
    assert.deepEqual(result.errors, []);
    assert.equal(result.valid, true);
    const codes = all(parseXml(qdc, 'qdc'), 'Code');
    assert.equal(codes.length, stayTuned.codebook.codes.size);
    const afstemmen = codes.find((c) => c.attrs.name === 'Afstemmen op cliënt')!;
    assert.equal(afstemmen.attrs.isCodable, 'false');
    assert.equal(afstemmen.attrs.color, '#2a9d8f');
    const tegenoverdracht = childrenNamed(afstemmen, 'Code').find((c) => c.attrs.name === 'Tegenoverdracht')!;
    const description = childNamed(tegenoverdracht, 'Description')!.text;
    assert.match(description, /^Definitie: De gevoelens, gedachten/);
    assert.match(description, /\n\nWanneer te gebruiken: Wanneer de therapeut vertelt/);
    assert.match(description, /\n\nWanneer niet te gebruiken: Niet voor vaste/);
    assert.match(description, /\n\nVoorbeelden:\n- Bij hem merk ik/);
  });

  it('writes names and descriptions in the language asked for', () => {
    const qdc = exportQdc(stayTuned, { language: 'en' });
    assert.ok(qdc.includes('name="Attuning to the client"'));
    assert.ok(qdc.includes('When to use: When the therapist talks about their own emotional reactions'));
  });

  it('writes the Stay Tuned project.qde so that Project.xsd accepts it', async () => {
    const content = buildQdpx(stayTuned);
    const result = await validate(content.qde, 'Project');
    assert.deepEqual(result.errors, []);
    assert.equal(result.valid, true);
    // Two pairs of codes share a name, which QualCoder cannot tell apart: named in warnings.
    assert.deepEqual(content.warnings.map((w) => w.split(':')[0]), ['2 codes are named "Geduld" (afstemmen/geduld, kenmerken/therapeut/geduld)', '2 codes are named "Onderzoekend" (kenmerken/therapeut/onderzoekend, kenmerken/client/onderzoekend)']);
    assert.equal(content.summary.transcripts, 12);
    assert.equal(content.summary.cases, 12);
  });

  it('validates with a validator that really rejects files the schemas do not allow', async () => {
    const qde = buildQdpx(stayTuned).qde;
    const withoutCodable = qde.replace(/ isCodable="(true|false)"/, '');
    const badPosition = qde.replace(/startPosition="\d+"/, 'startPosition="early"');
    const misplaced = qde.replace('<Cases>', '<Sources></Sources><Cases>');
    for (const broken of [withoutCodable, badPosition, misplaced]) {
      assert.notEqual(broken, qde);
      const result = await validate(broken, 'Project');
      assert.equal(result.valid, false);
      assert.ok(result.errors.length > 0);
    }
    const qdc = exportQdc(stayTuned).replace(/guid="[^"]+"/, 'guid="not-a-guid"');
    assert.equal((await validate(qdc, 'Codebook')).valid, false);
  });

  it('gives the same GUIDs and the same bytes every time, and keeps GUIDs stored in the codebook', async () => {
    const a = exportQdpx(stayTuned);
    const b = exportQdpx((await loadProject(STAY_TUNED)).index);
    assert.deepEqual(Buffer.from(a), Buffer.from(b));
    const qdc = exportQdc(stayTuned);
    assert.ok(qdc.includes(`guid="${derivedCodeGuid('afstemmen/tegenoverdracht')}" name="Tegenoverdracht"`));
    const stored = (await loadProject(path.join(FIXTURES, 'refi-overlap'))).index;
    const text = stored.codebook.text.replace('  plek:\n', '  plek:\n    guid: "{ABCDEF01-2345-6789-ABCD-EF0123456789}"\n');
    const withGuid = exportQdc({ codebook: parseCodebook(text) });
    assert.ok(withGuid.includes('guid="abcdef01-2345-6789-abcd-ef0123456789" name="Plek — café «Zoë»"'));
  });

  it('points every selection at exactly the coded text of its clean source, in code points with the end exclusive', async () => {
    const index = (await loadProject(path.join(FIXTURES, 'refi-overlap'))).index;
    const content = buildQdpx(index);
    const files = new Map(content.sources.map((s) => [s.name, new TextDecoder().decode(s.data)]));
    const root = parseXml(content.qde, 'project.qde');
    const codeNames = new Map(all(root, 'Code').map((c) => [c.attrs.guid, c.attrs.name]));
    // Each case is also a code that codes its transcripts whole (for QualCoder); those are not codings.
    const caseCodes = new Set(all(root, 'Case').map((c) => c.attrs.guid));
    const exported: string[] = [];
    for (const source of all(root, 'TextSource')) {
      const text = files.get(`sources/${source.attrs.plainTextPath.replace('internal://', '')}`)!;
      assert.ok(!/\[\[|\{\{|\}\}/.test(text), 'the source has no markup');
      const codePoints = [...text];
      for (const sel of childrenNamed(source, 'PlainTextSelection')) {
        const selected = codePoints.slice(Number(sel.attrs.startPosition), Number(sel.attrs.endPosition)).join('');
        for (const coding of childrenNamed(sel, 'Coding')) {
          if (caseCodes.has(childNamed(coding, 'CodeRef')!.attrs.targetGUID)) continue;
          exported.push(`${source.attrs.name} | ${codeNames.get(childNamed(coding, 'CodeRef')!.attrs.targetGUID)} | ${selected}`);
        }
      }
    }
    const expected: string[] = [];
    for (const doc of index.documents()) {
      const parsed = index.parsed(doc.id)!;
      for (const s of doc.resolved.segments) {
        const label = index.codebook.codes.get(s.code)!.label;
        expected.push(`${doc.id.replace(/^transcripts\/|\.txt$/g, '')} | ${label.en ?? label['*']} | ${cleanText(parsed, s.span)}`);
      }
    }
    assert.deepEqual(exported.sort(), expected.sort());
    assert.ok(exported.includes('A | Vreugde 😀 | 東京 en dat was fijn. Tot slot 🎉'));
    assert.ok(exported.includes('B | Fear | Eerst\r\nniets, daarna'));
    // The emoji before the selection counts as one position: the selection starts right after it.
    const a = [...files.values()].find((t) => t.includes('Tot slot'))!;
    const start = [...a].indexOf('東');
    assert.ok(content.qde.includes(`startPosition="${start}"`));
  });

  it('writes participants as cases with their variables, and memos on codings as notes', async () => {
    const content = buildQdpx((await loadProject(path.join(FIXTURES, 'refi-overlap'))).index);
    const root = parseXml(content.qde, 'project.qde');
    const variables = new Map(all(root, 'Variable').map((v) => [v.attrs.guid, v]));
    assert.equal([...variables.values()].find((v) => v.attrs.name === 'leeftijd')!.attrs.typeOfVariable, 'Integer');
    const cases = all(root, 'Case');
    assert.deepEqual(cases.map((c) => c.attrs.name), ['Zoë', 'B']);
    const zoe = cases[0];
    const values = childrenNamed(zoe, 'VariableValue').map((v) => `${variables.get(childNamed(v, 'VariableRef')!.attrs.targetGUID)!.attrs.name}=${v.children[1].text}`);
    assert.deepEqual(values, ['leeftijd=34', 'stad=Den Haag: centrum']);
    assert.equal(childrenNamed(zoe, 'SourceRef').length, 1);
    const notes = new Map(all(root, 'Note').map((n) => [n.attrs.guid, childNamed(n, 'PlainTextContent')!.text]));
    const memoRefs = all(root, 'Coding').flatMap((c) => childrenNamed(c, 'NoteRef')).map((r) => notes.get(r.attrs.targetGUID));
    assert.deepEqual(memoRefs.sort(), ['ik lachte 😀', 'terugblik']);
  });

  it('writes UTF-8 sources without a byte-order mark, named by GUID in sources/', async () => {
    const files = unzipSync(exportQdpx((await loadProject(path.join(FIXTURES, 'refi-overlap'))).index));
    const names = Object.keys(files);
    assert.equal(names[0], 'project.qde');
    for (const name of names.slice(1)) {
      assert.match(name, /^sources\/[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.txt$/);
      assert.notEqual(files[name][0], 0xef);
    }
  });
});

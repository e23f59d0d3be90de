/**
 * QualCoder, both ways. Its REFI-QDA import reads less than the standard offers: a coding's memo only as
 * the Description of its PlainTextSelection, a case's documents only through a code with the case's GUID
 * that codes them (NVivo's way; it ignores a named Case's SourceRefs), one code per name, and it stops
 * at a Note without a creationDateTime. `asQualCoderReadsIt` models exactly that, so the export is
 * checked against what QualCoder keeps. Its export adds a space after every line break of a Windows
 * (CRLF) text: the last tests import a file made the way it makes them.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { unzipSync } from 'fflate';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { buildQdpx } from '../../server/src/engine/refi/qdpxExport';
import { importQdpx } from '../../server/src/engine/refi/qdpxImport';
import { childNamed, childrenNamed, parseXml, type XmlElement } from '../../server/src/engine/refi/xml';
import { cleanText } from '../../server/src/engine/transcript/transcript';
import { runCli } from '../cli/runCli';
import { tempProject } from '../helpers/tempProject';
import { indexOf, qdpx, validate } from './helpers';

interface QualCoderView {
  /** "source | code name | memo | selected text" of each coding it keeps under a code. */
  codings: string[];
  /** Codings whose code it did not register (a second code of the same name): lost. */
  lost: number;
  /** Case name → the sources it links to the case. */
  cases: Map<string, string[]>;
}

/** What QualCoder's import keeps of a project.qde, after its rules (see the file's comment). */
function asQualCoderReadsIt(qde: string, sources: ReadonlyMap<string, string>): QualCoderView {
  const root = parseXml(qde, 'project.qde');
  const codeNames = new Set<string>();
  const categoryNames = new Set<string>();
  const codes = new Map<string, string>(); // registered GUID → name
  const visit = (code: XmlElement) => {
    const name = code.attrs.name;
    if (code.attrs.isCodable === 'false') categoryNames.add(name);
    else if (!codeNames.has(name)) {
      codeNames.add(name);
      codes.set(code.attrs.guid, name);
    }
    childrenNamed(code, 'Code').forEach(visit);
  };
  childrenNamed(childNamed(childNamed(root, 'CodeBook')!, 'Codes')!, 'Code').forEach(visit);
  for (const note of childrenNamed(childNamed(root, 'Notes') ?? root, 'Note')) {
    if (note.attrs.creationDateTime === undefined && note.attrs.modifiedDateTime === undefined) throw new Error('QualCoder stops: a Note without a date');
  }
  const codings: string[] = [];
  const byCode = new Map<string, string[]>(); // code GUID → sources it codes
  let lost = 0;
  for (const source of childrenNamed(childNamed(root, 'Sources')!, 'TextSource')) {
    const text = [...sources.get(source.attrs.plainTextPath.replace('internal://', ''))!];
    for (const sel of childrenNamed(source, 'PlainTextSelection')) {
      const memo = childNamed(sel, 'Description')?.text ?? '';
      const selected = text.slice(Number(sel.attrs.startPosition), Number(sel.attrs.endPosition)).join('');
      for (const coding of childrenNamed(sel, 'Coding')) {
        const target = childNamed(coding, 'CodeRef')!.attrs.targetGUID;
        byCode.set(target, [...(byCode.get(target) ?? []), source.attrs.name]);
        if (!codes.has(target)) lost++;
        else codings.push(`${source.attrs.name} | ${codes.get(target)} | ${memo} | ${selected}`);
      }
    }
  }
  const cases = new Map<string, string[]>();
  for (const c of childrenNamed(childNamed(root, 'Cases') ?? root, 'Case')) {
    if (c.attrs.name === undefined) continue;
    cases.set(c.attrs.name, codes.has(c.attrs.guid) ? (byCode.get(c.attrs.guid) ?? []) : []);
    // The case's code is QualCoder's way to link it; its codings are not codings of a code.
    codings.splice(0, codings.length, ...codings.filter((line) => line.split(' | ')[1] !== codes.get(c.attrs.guid)));
  }
  return { codings: codings.sort(), lost, cases };
}

const CODEBOOK = `project:
  language: nl
codes:
  afstemmen:
    label: Afstemmen op cliënt
    codable: false
    codes:
      geduld:
        label: Geduld
        memo: Vaak samen met structuur.
  kenmerken:
    label: Kenmerken therapeut
    codable: false
    codes:
      geduld:
        label: Geduld
      rust:
        label: Rust
`;

const T1 = '---\nparticipant: T1\nleeftijd: 34\n---\nI= Hoe gaat het?\nT1= Ik {{wacht gewoon}}[[afstemmen/geduld | wachten werkt]][[kenmerken/rust]] tot hij komt.\n';

function project(): ProjectIndex {
  const index = new ProjectIndex(parseCodebook(CODEBOOK));
  index.set('T1.txt', T1);
  index.set('T2.txt', '---\nparticipant: T2\nleeftijd: 41\n---\nT2= Ik blijf {{kalm}}[[kenmerken/geduld]] en rustig.\n');
  return index;
}

function exported(options: Parameters<typeof buildQdpx>[1] = {}) {
  const content = buildQdpx(project(), options);
  const files = new Map(content.sources.map((s) => [s.name.replace('sources/', ''), new TextDecoder().decode(s.data)]));
  return { content, files };
}

describe('REFI-QDA export as QualCoder reads it', () => {
  it('dates every note, so that its import does not stop half-way, and stays valid against Project.xsd', async () => {
    const { content, files } = exported();
    const notes = [...content.qde.matchAll(/<Note [^>]*>/g)].map((m) => m[0]);
    assert.equal(notes.length, 2, 'a code memo and a coding memo');
    for (const n of notes) assert.match(n, / creationDateTime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
    assert.doesNotThrow(() => asQualCoderReadsIt(content.qde, files));
    assert.deepEqual((await validate(content.qde, 'Project')).errors, []);
  });

  it('gives each coding memo as its selection\'s Description, which is where QualCoder reads it', () => {
    const { content, files } = exported({ uniqueNames: true });
    const view = asQualCoderReadsIt(content.qde, files);
    assert.deepEqual(view.codings, [
      'T1 | Geduld (Afstemmen op cliënt) | wachten werkt | wacht gewoon',
      'T1 | Rust |  | wacht gewoon',
      'T2 | Geduld (Kenmerken therapeut) |  | kalm',
    ]);
    assert.equal(view.lost, 0);
  });

  it('links each case to its transcripts through a code with the case\'s GUID, and keeps the SourceRefs of the standard', () => {
    const { content, files } = exported();
    const view = asQualCoderReadsIt(content.qde, files);
    assert.deepEqual([...view.cases], [['T1', ['T1']], ['T2', ['T2']]]);
    const root = parseXml(content.qde, 'qde');
    const cases = childrenNamed(childNamed(root, 'Cases')!, 'Case');
    assert.deepEqual(cases.map((c) => childrenNamed(c, 'SourceRef').length), [1, 1]);
  });

  it('names codes that share a name in a warning, and QualCoder loses the second one\'s codings without --unique-names', () => {
    const { content, files } = exported();
    assert.deepEqual(content.warnings, [
      '2 codes are named "Geduld" (afstemmen/geduld, kenmerken/geduld): QualCoder keeps one code per name and would give all their codings to the first; export with --unique-names to name them apart.',
    ]);
    assert.equal(asQualCoderReadsIt(content.qde, files).lost, 1);
    assert.deepEqual(exported({ uniqueNames: true }).content.warnings, []);
  });

  it('comes back into Codeboom as it was: memos once, participants, and no codes for the cases', () => {
    const { content } = exported();
    const zip = qdpx(content.qde, Object.fromEntries(content.sources.map((s) => [s.name, s.data])));
    const plan = importQdpx(zip);
    const index = indexOf(plan.files);
    assert.deepEqual([...index.codebook.codes.keys()], ['afstemmen-op-client', 'afstemmen-op-client/geduld', 'kenmerken-therapeut', 'kenmerken-therapeut/geduld', 'kenmerken-therapeut/rust']);
    assert.equal(index.codebook.codes.get('afstemmen-op-client/geduld')!.memo, 'Vaak samen met structuur.');
    const t1 = plan.files.find((f) => f.path === 'transcripts/T1.txt')!.content;
    assert.match(t1, /^---\nparticipant: T1\nleeftijd: 34\n---\n/);
    assert.ok(t1.includes('[[afstemmen-op-client/geduld | wachten werkt]]'), t1);
    assert.deepEqual(plan.summary, { codes: 5, transcripts: 2, selections: 2, codings: 3, cases: 2 });
  });

  it('dates the notes on memos with the time their file was last changed, from the command line', async () => {
    const tmp = tempProject({ 'p/codebook.yaml': CODEBOOK, 'p/T1.txt': T1 });
    try {
      fs.utimesSync(tmp.file('p/T1.txt'), new Date('2021-03-04T05:06:07Z'), new Date('2021-03-04T05:06:07Z'));
      fs.utimesSync(tmp.file('p/codebook.yaml'), new Date('2022-01-02T03:04:05Z'), new Date('2022-01-02T03:04:05Z'));
      const run = await runCli(['export', 'p', '--out', 'p.qdpx'], { cwd: tmp.root });
      assert.equal(run.status, 0, run.stderr);
      const qde = new TextDecoder().decode(unzipSync(fs.readFileSync(tmp.file('p.qdpx')))['project.qde']);
      const dates = [...qde.matchAll(/<Note [^>]*name="([^"]+)" creationDateTime="([^"]+)"/g)].map((m) => `${m[1]}: ${m[2]}`);
      assert.deepEqual(dates, ['Geduld (T1): 2021-03-04T05:06:07Z', 'Geduld: 2022-01-02T03:04:05Z']);
    } finally {
      tmp.dispose();
    }
  });
});

/** A project.qde made the way QualCoder's export makes one: users, one selection per coding, memos as Descriptions. */
function qualCoderProject(text: string, selections: { start: number; end: number; code: 'wait' | 'calm'; memo?: string }[], origin = 'QualCoder 3.6'): Uint8Array {
  const user = 'aa6f0a9e-2c1b-4d3e-8f70-1a2b3c4d5e6f';
  const codes = { wait: 'bb6f0a9e-2c1b-4d3e-8f70-1a2b3c4d5e60', calm: 'bb6f0a9e-2c1b-4d3e-8f70-1a2b3c4d5e61' };
  const source = 'cc6f0a9e-2c1b-4d3e-8f70-1a2b3c4d5e62';
  const chars = [...text];
  const sels = selections
    .map(
      (s, i) => `<PlainTextSelection guid="dd6f0a9e-2c1b-4d3e-8f70-1a2b3c4d5e${String(i).padStart(2, '0')}" startPosition="${s.start}" endPosition="${s.end}" name="${chars.slice(s.start, s.end).join('')}" creatingUser="${user}" creationDateTime="2024-05-06T07:08:09Z">
${s.memo ? `<Description>${s.memo}</Description>\n` : ''}<Coding guid="ee6f0a9e-2c1b-4d3e-8f70-1a2b3c4d5e${String(i).padStart(2, '0')}" creatingUser="${user}" >
<CodeRef targetGUID="${codes[s.code]}" />
</Coding>
</PlainTextSelection>`,
    )
    .join('\n');
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="proef" origin="${origin}" creatingUserGUID="${user}" creationDateTime="2024-05-06T07:08:09Z">
<Users>
<User guid="${user}" name="default"/>
</Users>
<CodeBook>
<Codes>
<Code guid="${codes.wait}" name="wait" isCodable="true" color="#F781F3">
</Code>
<Code guid="${codes.calm}" name="calm" isCodable="true" color="#81F7D8">
</Code>
</Codes>
</CodeBook>
<Cases>
<Case guid="ff6f0a9e-2c1b-4d3e-8f70-1a2b3c4d5e63" name="T1">
<Description />
<SourceRef targetGUID="${source}"/>
</Case>
</Cases>
<Sources>
<TextSource plainTextPath="internal://${source}.txt" creatingUser="${user}" creationDateTime="2024-05-06T07:08:09Z" guid="${source}" name="T1.txt">
${sels}
</TextSource>
</Sources>
</Project>
`;
  return qdpx(qde, { [`sources/${source}.txt`]: text });
}

describe('REFI-QDA import of a project that went through QualCoder', () => {
  const original = 'I= How do you start?\r\nT1= I wait until he comes.\r\n\r\nI= And then?\r\nT1= I stay calm.\r\n';
  // QualCoder's text: a space after every line feed, and positions that count it.
  const spaced = original.replace(/\n/g, '\n ');
  const at = (word: string) => [...spaced].join('').indexOf(word);

  it('removes the space QualCoder adds after each line break, so speaker labels start turns again', () => {
    const bytes = qualCoderProject(spaced, [
      { start: at('I wait'), end: at('I wait') + 'I wait until he comes.'.length, code: 'wait', memo: 'the core of it' },
      { start: at('calm'), end: at('calm') + 4, code: 'calm' },
    ]);
    const plan = importQdpx(bytes);
    assert.deepEqual(plan.skipped, []);
    assert.match(plan.warnings.join('\n'), /T1\.txt: the space after each of its 5 line breaks \(what QualCoder adds to a Windows text\) was removed/);
    const index = indexOf(plan.files);
    const doc = index.documents()[0];
    const parsed = index.parsed(doc.id)!;
    assert.equal(cleanText(parsed, { start: parsed.bodyStart, end: parsed.text.length }), original);
    const segments = doc.resolved.segments.map((s) => `${s.speaker} ${s.role} ${index.codebook.codes.get(s.code)!.label['*']}: ${cleanText(parsed, s.span)} (${s.memos.join('; ')})`);
    assert.deepEqual(segments, ['T1 participant wait: I wait until he comes. (the core of it)', 'T1 participant calm: calm ()']);
    assert.match(plan.files[1].content, /^---\r\nparticipant: T1\r\n---\r\n/);
  });

  it('leaves a text alone when not every line after a break starts with a space', () => {
    const indented = 'I= Question?\r\n T1= an answer that starts one space in.\r\nT1= and one that does not.\r\n';
    const plan = importQdpx(qualCoderProject(indented, [{ start: 0, end: 2, code: 'wait' }]));
    assert.deepEqual(plan.warnings, []);
    const index = indexOf(plan.files);
    const parsed = index.parsed(index.documents()[0].id)!;
    assert.equal(cleanText(parsed, { start: parsed.bodyStart, end: parsed.text.length }), indented);
  });

  it('leaves the spaces of a project from another tool where they are, even after every line break', () => {
    const plan = importQdpx(qualCoderProject(spaced, [{ start: at('calm'), end: at('calm') + 4, code: 'calm' }], 'ATLAS.ti 23'));
    assert.deepEqual(plan.warnings, []);
    const index = indexOf(plan.files);
    const parsed = index.parsed(index.documents()[0].id)!;
    assert.equal(cleanText(parsed, { start: parsed.bodyStart, end: parsed.text.length }), spaced);
  });
});

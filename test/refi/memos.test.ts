/**
 * Memos in REFI-QDA: a .qdpx export writes every memo as a Note with its creationDateTime (on codings,
 * codes, documents and the project's free memos), still valid against Project.xsd, with the document's
 * memo also as its source's Description (what QualCoder reads); importing it puts each memo back where it
 * stood.
 */
import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { parseMemoFile } from '../../server/src/engine/project/memoFiles';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { buildQdpx, exportQdpx, importQdpx } from '../../server/src/engine/refi';
import { indexProject } from '../../server/src/engine/service/model';
import { listMemos } from '../../server/src/engine/service/memos';
import { SMALL_CODEBOOK } from '../helpers/tempProject';
import { indexOf, validate } from './helpers';

const CODEBOOK = SMALL_CODEBOOK.replace('        label: {nl: Geduld, en: Patience}\n', '        label: {nl: Geduld, en: Patience}\n        memo: Wachten is werk.\n');

function project() {
  const index = new ProjectIndex(parseCodebook(CODEBOOK));
  index.set('T1.txt', '---\nparticipant: T1\nmemo: |\n  Rustig gesprek.\n\n  Veel "stiltes" & <pauzes>.\n---\nT1= Ik wacht af. [[afstemmen/geduld | keerpunt]]\n');
  index.set('T2.txt', '---\nparticipant: T2\nmemo: Kort.\n---\nT2= Samen. [[effect/band]]\n');
  const freeMemos = [parseMemoFile('memos/aanpak.md', '# Aanpak\n\nEerst alles lezen.\n\nDan coderen.\n')];
  return { index, freeMemos };
}

/** Every memo as kind, title-free place and text, comparable between projects. */
function memosOf(index: ProjectIndex, freeMemos: ReturnType<typeof parseMemoFile>[]) {
  return listMemos({ project: indexProject(index), labelLanguage: 'nl', language: 'nl' }, freeMemos)
    .map((m) => [m.kind, m.kind === 'document' ? m.participant : m.title, m.text].join(' | '))
    .sort();
}

describe('memos in REFI-QDA', () => {
  it('writes every memo as a Note with its date, document memos also as the source\'s Description, valid against Project.xsd', async () => {
    const { index, freeMemos } = project();
    const dates = new Map([['memos/aanpak.md', new Date(Date.UTC(2024, 4, 1, 12))], ['T1.txt', new Date(Date.UTC(2024, 3, 2, 9))]]);
    const content = buildQdpx(index, { freeMemos, fileDates: dates });
    const result = await validate(content.qde, 'Project');
    assert.deepEqual(result.errors, []);
    assert.ok(result.valid);
    const qde = content.qde;
    assert.match(qde, /<TextSource [^>]*name="T1"[^>]*>\s*<Description>Rustig gesprek\.\n\nVeel "stiltes" &amp; &lt;pauzes&gt;\.<\/Description>/);
    assert.match(qde, /<Note [^>]*name="Aanpak" creationDateTime="2024-05-01T12:00:00Z">\s*<PlainTextContent>Eerst alles lezen\.\n\nDan coderen\.<\/PlainTextContent>/);
    assert.match(qde, /<Note [^>]*name="T1" creationDateTime="2024-04-02T09:00:00Z">\s*<PlainTextContent>Rustig gesprek\./);
    const projectRef = /<\/Notes>\s*<NoteRef targetGUID="([^"]+)"\/>\s*<\/Project>/.exec(qde);
    assert.ok(projectRef, 'the free memo is a note of the project');
    assert.match(qde, new RegExp(`<Note guid="${projectRef[1]}" name="Aanpak"`));
    assert.equal(content.summary.notes, 5, 'coding, code, two documents and the free memo');
  });

  it('reads every memo back where it stood', () => {
    const { index, freeMemos } = project();
    const plan = importQdpx(exportQdpx(index, { freeMemos }));
    const memoFiles = plan.files.filter((f) => f.path.startsWith('memos/'));
    assert.deepEqual(memoFiles, [{ path: 'memos/aanpak.md', content: '# Aanpak\n\nEerst alles lezen.\n\nDan coderen.\n' }]);
    const imported = indexOf(plan.files.filter((f) => !f.path.startsWith('memos/')).map((f) => (f.path.startsWith('transcripts/') ? { ...f, path: f.path.slice('transcripts/'.length) } : f)));
    const back = memoFiles.map((f) => parseMemoFile(f.path, f.content));
    assert.deepEqual(memosOf(imported, back), memosOf(index, freeMemos));
    assert.equal(plan.summary.transcripts, 2);
  });
});

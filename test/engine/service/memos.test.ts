/**
 * Memos where they stand: on a coding (`[[code | memo]]`), on a document (front matter `memo:`), on a
 * code (its `memo` in codebook.yaml) and of the project (a Markdown file in memos/). Each edit is checked
 * by reading the edited text back, as the next keystroke would.
 */
import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../server/src/engine/codebook/codebook';
import { MemoryHost } from '../../../server/src/engine/host/memoryHost';
import { newMemoFile, parseMemoFile, readMemoFiles } from '../../../server/src/engine/project/memoFiles';
import { loadProject } from '../../../server/src/engine/project/projectLoader';
import { defaultSettings, transcriptMatcher } from '../../../server/src/engine/project/settings';
import { codingDocument } from '../../../server/src/engine/service/coding';
import { codingMemoAt, listMemos, memoEditsForCode, memoEditsForCoding, memoEditsForDocument, tagMemoText } from '../../../server/src/engine/service/memos';
import { parseTranscript } from '../../../server/src/engine/transcript/transcript';
import type { TextEdit } from '../../../server/src/engine/transcript/codingEdits';
import { SMALL_CODEBOOK } from '../../helpers/tempProject';
import { markedProject } from './serviceProject';

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

function codingAt(source: string) {
  const { model, marks } = markedProject({ 'T1.txt': source });
  const doc = codingDocument(model.project.index, 'T1.txt');
  assert.ok(doc);
  return { doc, text: marks.get('T1.txt')!.text, offset: marks.get('T1.txt')!.cursor };
}

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  assert.ok(r.ok, `refused: ${(r as { message?: string }).message}`);
  return r as Extract<T, { ok: true }>;
}

const settings = defaultSettings();

describe('memos on codings', () => {
  it('adds a memo to the tag of the coding at the cursor, and the scanner reads it back', () => {
    const { doc, text, offset } = codingAt('T1= Ik {{wacht $$CURSOR$$af}}[[afstemmen/geduld]] altijd.\n');
    const edited = apply(text, ok(memoEditsForCoding(doc, offset, 'eerste keer', 'en')).edits);
    assert.equal(edited, 'T1= Ik {{wacht af}}[[afstemmen/geduld | eerste keer]] altijd.\n');
    assert.equal(parseTranscript(edited, settings).tags[0].memo, 'eerste keer');
  });

  it('changes a memo, and removes it when the new one is empty', () => {
    const { doc, text, offset } = codingAt('T1= Ik wacht af$$CURSOR$$. [[afstemmen/geduld |  oud  ]]\n');
    assert.equal(codingMemoAt(doc, offset)?.memo, 'oud');
    assert.equal(apply(text, ok(memoEditsForCoding(doc, offset, 'nieuw', 'en')).edits), 'T1= Ik wacht af. [[afstemmen/geduld | nieuw]]\n');
    assert.equal(apply(text, ok(memoEditsForCoding(doc, offset, '  ', 'en')).edits), 'T1= Ik wacht af. [[afstemmen/geduld]]\n');
  });

  it('escapes what a tag cannot hold: line breaks, brackets that would close it, a bar is kept', () => {
    assert.equal(tagMemoText('twee\nregels'), 'twee regels');
    assert.equal(tagMemoText('zie [[x]] hier'), 'zie [ [x] ] hier');
    const { doc, text, offset } = codingAt('T1= Ik wacht$$CURSOR$$ af. [[afstemmen/geduld]]\n');
    const memo = 'a | b\nzie [[effect/band]] en [noot]';
    const edited = apply(text, ok(memoEditsForCoding(doc, offset, memo, 'en')).edits);
    const tags = parseTranscript(edited, settings).tags;
    assert.equal(tags.length, 1, 'the memo makes no tag of its own');
    assert.equal(tags[0].path, 'afstemmen/geduld');
    assert.equal(tags[0].memo, 'a | b zie [ [effect/band] ] en [noot]');
  });

  it('chooses the coding of the code asked for, and refuses where there is no coding', () => {
    const { doc, text, offset } = codingAt('T1= Zo {{gaat $$CURSOR$$het}}[[effect/band]] goed. [[afstemmen/geduld]]\n');
    const edited = apply(text, ok(memoEditsForCoding(doc, offset, 'alinea', 'en', 'afstemmen/geduld')).edits);
    assert.equal(edited, 'T1= Zo {{gaat het}}[[effect/band]] goed. [[afstemmen/geduld | alinea]]\n');
    const none = codingAt('T1= Niets$$CURSOR$$ gecodeerd.\n');
    const refused = memoEditsForCoding(none.doc, none.offset, 'x', 'nl');
    assert.equal(refused.ok, false);
    assert.match((refused as { message: string }).message, /geen codering/);
  });
});

describe('memos on documents', () => {
  const memoOf = (text: string) => parseTranscript(text, settings).frontMatter;

  it('reads memo: as the document memo, not as a document variable, also as a block', () => {
    const fm = memoOf('---\nparticipant: T1\nmemo: |\n  Eerste regel.\n\n  Tweede.\nsite: Utrecht\n---\nT1= x\n');
    assert.equal(fm?.memo, 'Eerste regel.\n\nTweede.');
    assert.deepEqual(fm?.variables, { site: 'Utrecht' });
  });

  it('creates front matter when there is none, keeping the rest of the file byte for byte', () => {
    const text = 'T1= Hallo.\r\n\r\nI= Dag.\r\n';
    const r = ok(memoEditsForDocument(parseTranscript(text, settings), 'Rustig gesprek.', 'en'));
    const edited = apply(text, r.edits);
    assert.equal(edited, '---\r\nmemo: Rustig gesprek.\r\n---\r\nT1= Hallo.\r\n\r\nI= Dag.\r\n');
    assert.equal(memoOf(edited)?.memo, 'Rustig gesprek.');
  });

  it('adds the memo to existing front matter and keeps its keys and comments', () => {
    const text = '---\nparticipant: T1 # de eerste\ndiscipline: dans\n---\nT1= Hallo.\n';
    const edited = apply(text, ok(memoEditsForDocument(parseTranscript(text, settings), 'Twee\nregels', 'en')).edits);
    assert.equal(edited, '---\nparticipant: T1 # de eerste\ndiscipline: dans\nmemo: |\n  Twee\n  regels\n---\nT1= Hallo.\n');
    const fm = memoOf(edited);
    assert.equal(fm?.memo, 'Twee\nregels');
    assert.equal(fm?.participant, 'T1');
    assert.deepEqual(fm?.variables, { discipline: 'dans' });
  });

  it('replaces a block memo, quotes one YAML would misread, and removes it', () => {
    const text = '---\nparticipant: T1\nmemo: |\n  oud\n  en lang\nsite: x\n---\nT1= Hallo.\n';
    const parsed = parseTranscript(text, settings);
    const replaced = apply(text, ok(memoEditsForDocument(parsed, 'let op: ja', 'en')).edits);
    assert.equal(replaced, '---\nparticipant: T1\nmemo: "let op: ja"\nsite: x\n---\nT1= Hallo.\n');
    assert.equal(memoOf(replaced)?.memo, 'let op: ja');
    const removed = apply(text, ok(memoEditsForDocument(parsed, '', 'en')).edits);
    assert.equal(removed, '---\nparticipant: T1\nsite: x\n---\nT1= Hallo.\n');
  });

  it('refuses front matter that is not YAML rather than guess', () => {
    const parsed = parseTranscript('---\nparticipant: [T1\n---\nT1= x\n', settings);
    assert.equal(memoEditsForDocument(parsed, 'x', 'en').ok, false);
  });
});

describe('memos on codes', () => {
  it('adds a memo after the code\'s fields, before its subcodes, keeping comments', () => {
    const text = 'codes:\n  a:  # eerste\n    label: A\n    codes:\n      b:\n        label: B\n\n# einde\n';
    const cb = parseCodebook(text);
    const onA = apply(text, ok(memoEditsForCode(cb, 'a', 'over A', 'en')).edits);
    assert.equal(onA, 'codes:\n  a:  # eerste\n    label: A\n    memo: over A\n    codes:\n      b:\n        label: B\n\n# einde\n');
    const onB = apply(text, ok(memoEditsForCode(cb, 'a/b', 'regel 1\nregel 2', 'en')).edits);
    assert.equal(onB, 'codes:\n  a:  # eerste\n    label: A\n    codes:\n      b:\n        label: B\n        memo: |\n          regel 1\n          regel 2\n\n# einde\n');
    assert.equal(parseCodebook(onB).codes.get('a/b')?.memo?.trim(), 'regel 1\nregel 2');
  });

  it('changes and removes an existing memo, and refuses a code written on one line', () => {
    const text = 'codes:\n  a:\n    label: A\n    memo: |\n      oud\n      memo\n    color: "#112233"\n  c: {label: C}\n';
    const cb = parseCodebook(text);
    assert.equal(apply(text, ok(memoEditsForCode(cb, 'a', 'nieuw', 'en')).edits), 'codes:\n  a:\n    label: A\n    memo: nieuw\n    color: "#112233"\n  c: {label: C}\n');
    assert.equal(apply(text, ok(memoEditsForCode(cb, 'a', '', 'en')).edits), 'codes:\n  a:\n    label: A\n    color: "#112233"\n  c: {label: C}\n');
    assert.equal(memoEditsForCode(cb, 'c', 'x', 'en').ok, false);
    assert.equal(memoEditsForCode(cb, 'zz', 'x', 'en').ok, false);
  });
});

describe('free memos and the list of all memos', () => {
  it('reads a memo file\'s title from its heading, else from its name', () => {
    const m = parseMemoFile('memos/eerste.md', '\n# Eerste indrukken\n\nDe jongeren testen de grenzen.\n');
    assert.equal(m.title, 'Eerste indrukken');
    assert.equal(m.body, 'De jongeren testen de grenzen.');
    assert.equal('\n# Eerste indrukken'.slice(m.titleSpan.start, m.titleSpan.end), 'Eerste indrukken');
    assert.equal(parseMemoFile('memos/los.md', 'Alleen tekst.').title, 'los');
  });

  it('names a new memo after its title, unlike any other', () => {
    assert.deepEqual(newMemoFile('Eerste indrukken', ['memos/eerste-indrukken.md']), { id: 'memos/eerste-indrukken-2.md', text: '# Eerste indrukken\n\n' });
  });

  it('never takes a file in memos/ for a transcript, and the loader leaves them out', async () => {
    const isTranscript = transcriptMatcher(defaultSettings());
    assert.equal(isTranscript('memos/eerste.md'), false);
    assert.equal(isTranscript('memos/oud/notes.txt'), false);
    assert.equal(isTranscript('interviews/memos/T1.txt'), true);
    const host = new MemoryHost({
      'file:///p/codebook.yaml': SMALL_CODEBOOK.replace('transcripts: ["*.txt", "interviews/**/*.txt"]', 'transcripts: ["**/*.txt", "**/*.md"]'),
      'file:///p/T1.txt': 'T1= Hallo.\n',
      'file:///p/memos/eerste.md': '# Eerste\n\nT1= lijkt op een transcript [[effect/band]]\n',
    });
    const loaded = await loadProject(host, 'file:///p');
    assert.deepEqual(loaded.index.documents().map((d) => d.id), ['T1.txt']);
    const read = await readMemoFiles(host, 'file:///p');
    assert.deepEqual(read.memos.map((m) => m.title), ['Eerste']);
    assert.deepEqual((await readMemoFiles(new MemoryHost({ 'file:///q/codebook.yaml': '' }), 'file:///q')).memos, []);
  });

  it('lists every memo by kind, with its place, participant and code', () => {
    const codebook = SMALL_CODEBOOK.replace('        label: {nl: Geduld, en: Patience}\n', '        label: {nl: Geduld, en: Patience}\n        memo: Wachten is werk.\n');
    const { model, marks } = markedProject(
      {
        'T1.txt': '---\nparticipant: T1\nmemo: Open gesprek.\n---\nT1= Ik wacht af. [[afstemmen/geduld | keerpunt]]\n',
        'T2.txt': 'T2= Niets.\n',
      },
      { codebook },
    );
    const free = [parseMemoFile('memos/b.md', '# Beeld\n\nTekst.'), parseMemoFile('memos/a.md', '# Aanpak\n\nMeer.')];
    const memos = listMemos(model, free);
    assert.deepEqual(
      memos.map((m) => [m.kind, m.title, m.text, m.file, m.participant, m.code]),
      [
        ['project', 'Aanpak', 'Meer.', 'memos/a.md', undefined, undefined],
        ['project', 'Beeld', 'Tekst.', 'memos/b.md', undefined, undefined],
        ['document', 'T1.txt', 'Open gesprek.', 'T1.txt', 'T1', undefined],
        ['code', 'Geduld', 'Wachten is werk.', 'codebook.yaml', undefined, 'afstemmen/geduld'],
        ['coding', 'Geduld', 'keerpunt', 'T1.txt', 'T1', 'afstemmen/geduld'],
      ],
    );
    const t1 = marks.get('T1.txt')!.text;
    const slice = (i: number) => (memos[i].file === 'codebook.yaml' ? codebook : t1).slice(memos[i].span.start, memos[i].span.end);
    assert.equal(slice(2), 'Open gesprek.');
    assert.equal(slice(3), 'Wachten is werk.');
    assert.equal(slice(4), 'keerpunt');
  });
});

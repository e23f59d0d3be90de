import { strict as assert } from 'node:assert';
import { CODEBOOK_ID, indexProject } from '../../../server/src/engine/service/model';
import { mergeEdits, prepareRename, renameEdits } from '../../../server/src/engine/service/rename';
import { words } from '../../../server/src/engine/messages';
import { markedProject } from './serviceProject';

/** Applies edits to a text, last first. */
function apply(text: string, edits: { span: { start: number; end: number }; newText: string }[]): string {
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
  return text;
}

describe('service: rename', () => {
  const source = { 'T1.txt': 'T1= Ik wacht. [[$[afstemmen/ged$$CURSOR$$uld]$]] en [[afstemmen/improvisatie]]\n', 'T2.txt': 'T2= Ook. [[afstemmen/geduld]]\n' };

  it('prepares a rename from a tag with its path, and from a key with its slug', () => {
    const { model, marks } = markedProject(source);
    const t1 = marks.get('T1.txt')!;
    assert.deepEqual(prepareRename(model, 'T1.txt', t1.cursor), { ok: true, span: t1.ranges[0], placeholder: 'afstemmen/geduld' });
    const key = model.project.codebook.codes.get('afstemmen/geduld')!.keySpan;
    assert.deepEqual(prepareRename(model, CODEBOOK_ID, key.start), { ok: true, span: key, placeholder: 'geduld' });
  });

  it('renames the tags in every transcript and the key in the codebook', () => {
    const { model, marks } = markedProject(source);
    const result = renameEdits(model, 'T1.txt', marks.get('T1.txt')!.cursor, ' afstemmen/wachten-kunnen ');
    assert.ok(result.ok);
    const byFile = new Map(result.files.map((f) => [f.file, f.edits]));
    assert.equal(apply(marks.get('T1.txt')!.text, byFile.get('T1.txt')!), 'T1= Ik wacht. [[afstemmen/wachten-kunnen]] en [[afstemmen/improvisatie]]\n');
    assert.equal(apply(marks.get('T2.txt')!.text, byFile.get('T2.txt')!), 'T2= Ook. [[afstemmen/wachten-kunnen]]\n');
    assert.match(apply(model.project.codebook.text, byFile.get(CODEBOOK_ID)!), /\n {6}wachten-kunnen:\n/);
  });

  it('refuses with a reason: no code at the cursor, a name that exists, a name that is no path, a codebook with errors', () => {
    const { model, marks } = markedProject(source, { language: 'nl' });
    const cursor = marks.get('T1.txt')!.cursor;
    assert.deepEqual(prepareRename(model, 'T1.txt', 0), { ok: false, message: words('nl', 'refuse.not-a-code'), invalidRequest: false });
    const exists = renameEdits(model, 'T1.txt', cursor, 'afstemmen/improvisatie');
    assert.ok(!exists.ok && !exists.invalidRequest && exists.message.includes('bestaat al'), JSON.stringify(exists));
    const wrong = renameEdits(model, 'T1.txt', cursor, 'afstemmen/Geen Pad!');
    assert.ok(!wrong.ok && wrong.invalidRequest, JSON.stringify(wrong));
    const broken = markedProject(source, { project: (index) => ({ ...indexProject(index), codebook: index.codebook, current: index.codebook, codebookOk: false }) });
    const refused = renameEdits(broken.model, 'T1.txt', cursor, 'afstemmen/x');
    assert.ok(!refused.ok && refused.message.startsWith('codebook.yaml has errors'), JSON.stringify(refused));
    assert.ok(!mergeEdits(broken.model, 'afstemmen/geduld', 'afstemmen/improvisatie').ok);
  });

  it('merges a code into another: its tags rewritten and the old code marked merged_into', () => {
    const { model, marks } = markedProject(source);
    const result = mergeEdits(model, 'afstemmen/geduld', 'afstemmen/improvisatie');
    assert.ok(result.ok);
    const t2 = result.files.find((f) => f.file === 'T2.txt')!;
    assert.equal(apply(marks.get('T2.txt')!.text, t2.edits), 'T2= Ook. [[afstemmen/improvisatie]]\n');
    const codebook = result.files.find((f) => f.file === CODEBOOK_ID)!;
    assert.match(apply(model.project.codebook.text, codebook.edits), /merged_into: afstemmen\/improvisatie/);
    const unknown = mergeEdits(model, 'nergens', 'afstemmen/geduld');
    assert.ok(!unknown.ok && unknown.invalidRequest);
  });
});

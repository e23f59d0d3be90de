import { strict as assert } from 'node:assert';
import { codeActionsFor } from '../../../server/src/engine/service/codeActions';
import { CODEBOOK_ID } from '../../../server/src/engine/service/model';
import { markedProject } from './serviceProject';

describe('service: code actions', () => {
  it('offers the nearest codes for an unknown code, the first preferred, and adding it to the codebook', () => {
    const { model, marks } = markedProject({ 'T1.txt': 'T1= Ik wacht. [[$[afstemmen/gedudl$$CURSOR$$]$]]\n' });
    const m = marks.get('T1.txt')!;
    const actions = codeActionsFor(model, 'T1.txt', { start: m.cursor, end: m.cursor })!;
    const first = actions[0];
    assert.equal(first.title, "Replace with 'afstemmen/geduld'");
    assert.equal(first.isPreferred, true);
    assert.equal(first.diagnostic!.code, 'code.unknown');
    assert.deepEqual(first.edits, [{ file: 'T1.txt', edits: [{ span: m.ranges[0], newText: 'afstemmen/geduld' }] }]);
    const add = actions.find((a) => a.title === "Add 'afstemmen/gedudl' to the codebook")!;
    assert.equal(add.kind, 'quickfix');
    assert.equal(add.edits![0].file, CODEBOOK_ID);
    assert.match(add.edits![0].edits[0].newText, /gedudl:\n\s+label: Gedudl/);
  });

  it('replaces an old name here or in every transcript, in the user\'s language', () => {
    const { model, marks } = markedProject(
      { 'T1.txt': 'T1= Wacht. [[afstemmen/wach$$CURSOR$$ten]]\n', 'T2.txt': 'T2= Ook. [[afstemmen/wachten]]\n' },
      { language: 'nl' },
    );
    const m = marks.get('T1.txt')!;
    const actions = codeActionsFor(model, 'T1.txt', { start: m.cursor, end: m.cursor })!;
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles.slice(0, 2), ["Vervang door 'afstemmen/geduld'", "Vervang 'afstemmen/wachten' door 'afstemmen/geduld' in alle transcripten"]);
    assert.deepEqual(actions[1].edits!.map((f) => f.file), ['T1.txt', 'T2.txt']);
  });

  it('offers merging the code under the cursor into each sibling that can take it, as a command', () => {
    const { model, marks } = markedProject({ 'T1.txt': 'T1= Samen. [[effect/ba$$CURSOR$$nd]]\n' });
    const m = marks.get('T1.txt')!;
    const actions = codeActionsFor(model, 'T1.txt', { start: m.cursor, end: m.cursor })!;
    assert.deepEqual(
      actions.map((a) => [a.kind, a.command]),
      [['refactor.rewrite', { name: 'merge-code', from: 'effect/band', into: 'effect/verouderd' }]],
      'not into a merged code, not into itself',
    );
    const key = model.project.codebook.codes.get('afstemmen/geduld')!.keySpan;
    assert.deepEqual(codeActionsFor(model, CODEBOOK_ID, { start: key.start, end: key.start })!.map((a) => a.command?.into), ['afstemmen/improvisatie']);
  });

  it('removes a second byte-order mark at the start, preferred', () => {
    const { model } = markedProject({ 'T1.txt': '\ufeff---\nparticipant: T1\n---\nT1= Ik wacht. [[afstemmen/geduld]]\n' });
    const actions = codeActionsFor(model, 'T1.txt', { start: 0, end: 0 })!;
    const fix = actions.find((a) => a.diagnostic?.code === 'file.extra-bom')!;
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.edits, [{ file: 'T1.txt', edits: [{ span: { start: 0, end: 1 }, newText: '' }] }]);
  });

  it('offers nothing away from problems and codes', () => {
    const { model } = markedProject({ 'T1.txt': 'T1= Niets.\n' });
    assert.deepEqual(codeActionsFor(model, 'T1.txt', { start: 2, end: 4 }), []);
    assert.equal(codeActionsFor(model, 'T9.txt', { start: 0, end: 0 }), undefined);
  });
});

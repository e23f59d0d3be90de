import { strict as assert } from 'node:assert';
import { codeLenses } from '../../../server/src/engine/service/codeLens';
import { codeTree, countMatrix, type CodeTreeNode } from '../../../server/src/engine/service/counts';
import { markedProject } from './serviceProject';

const transcripts = {
  'T1.txt': '---\nparticipant: T1\ndiscipline: drama\n---\nT1= Ik wacht. [[afstemmen/geduld]]\n\nT1= Samen. [[effect/band]]\n\nI= Echt? [[effect/band]]\n',
  'T2.txt': '---\nparticipant: T2\ndiscipline: muziek\n---\nT2= Ik wacht ook. [[afstemmen/geduld]]\n\nT2= En {{ik speel mee}}[[afstemmen/improvisatie]][[afstemmen/geduld]].\n',
  'T10.txt': '---\nparticipant: T10\ndiscipline: muziek\n---\nT10= Niets gecodeerd.\n',
};

function node(nodes: CodeTreeNode[], path: string): CodeTreeNode {
  for (const n of nodes) {
    if (n.path === path) return n;
    if (path.startsWith(`${n.path}/`)) return node(n.children, path);
  }
  throw new Error(`no node ${path}`);
}

describe('service: counts', () => {
  it('gives the code tree with labels and counts; a category adds up its codes', () => {
    const { model } = markedProject(transcripts, { labelLanguage: 'en' });
    const tree = codeTree(model);
    assert.deepEqual(tree.participants, ['T1', 'T2', 'T10']);
    assert.deepEqual(tree.nodes.map((n) => n.path), ['afstemmen', 'effect']);
    const afstemmen = node(tree.nodes, 'afstemmen');
    assert.equal(afstemmen.label, 'Attuning to the client');
    assert.equal(afstemmen.segments, 4);
    assert.deepEqual(afstemmen.byParticipant, { T1: 1, T2: 3 });
    assert.equal(node(tree.nodes, 'afstemmen/geduld').participants, 2);
    assert.equal(node(tree.nodes, 'effect/band').segments, 1, 'the interviewer\'s tag is not counted by default');
    assert.equal(node(codeTree(model, { withInterviewers: true }).nodes, 'effect/band').segments, 2);
    assert.equal(node(tree.nodes, 'effect/oud').deprecated, true, 'a merged code is shown as deprecated');
  });

  it('counts only the documents with a value of a document variable, for the tree grouped by it', () => {
    const { model } = markedProject(transcripts);
    const muziek = codeTree(model, { variable: { name: 'discipline', value: 'muziek' } });
    assert.deepEqual(node(muziek.nodes, 'afstemmen/geduld').byParticipant, { T2: 2 });
    assert.equal(node(muziek.nodes, 'afstemmen').segments, 3, 'geduld 2 + improvisatie 1, within muziek');
    assert.equal(node(muziek.nodes, 'effect/band').segments, 0);
    const drama = codeTree(model, { variable: { name: 'discipline', value: 'drama' }, withInterviewers: true });
    assert.deepEqual(node(drama.nodes, 'effect/band').byParticipant, { T1: 1, I: 1 }, 'with interviewers, their segments count for them');
    const none = codeTree(model, { variable: { name: 'discipline', value: 'dans' } });
    assert.equal(node(none.nodes, 'afstemmen').segments, 0);
  });

  it('gives the code × participant matrix with each segment once in the column totals', () => {
    const { model } = markedProject(transcripts);
    const m = countMatrix(model);
    assert.deepEqual(m.participants, ['T1', 'T2', 'T10']);
    assert.deepEqual(m.rows.find((r) => r.path === 'afstemmen')!.cells, [1, 3, 0]);
    assert.deepEqual(m.columnTotals, [2, 3, 0]);
    assert.deepEqual(countMatrix(model, { includeSubcodes: true }).columnTotals, [2, 3, 0]);
  });

  it('puts a lens with the counts above every code\'s key, in the user\'s language', () => {
    const { model } = markedProject(transcripts, { language: 'nl' });
    const lenses = codeLenses(model);
    const codebook = model.project.codebook;
    assert.equal(lenses.length, codebook.codes.size);
    const geduld = lenses.find((l) => l.path === 'afstemmen/geduld')!;
    assert.deepEqual(geduld.span, codebook.codes.get('afstemmen/geduld')!.keySpan);
    assert.equal(geduld.title, '3 segmenten · 2 van 3 deelnemers');
    assert.equal(lenses.find((l) => l.path === 'afstemmen')!.title, '4 segmenten · 2 van 3 deelnemers', 'a category counts its codes');
  });
});

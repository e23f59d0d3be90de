import { strict as assert } from 'node:assert';
import { CODEBOOK_ID } from '../../../server/src/engine/service/model';
import { codeAt, definitionAt, highlightsAt, referencesAt } from '../../../server/src/engine/service/navigation';
import { markedProject, offsetOf } from './serviceProject';

describe('service: navigation', () => {
  const { model, marks } = markedProject({
    'T1.txt': 'T1= Ik wacht. $[[[afstemmen/ged$$CURSOR$$uld]]]$ en [[afstemmen/improvisatie]]\n\nT1= Nog eens. $[[[afstemmen/wachten]]]$\n',
    'T2.txt': 'T2= Ook. [[afstemmen/geduld]]\n',
  });
  const t1 = marks.get('T1.txt')!;
  const codebook = model.project.codebook;

  it('finds the code of a tag, by its path or an old name, and of a key or merged_into value in the codebook', () => {
    assert.equal(codeAt(model, 'T1.txt', t1.cursor)!.code.path, 'afstemmen/geduld');
    const alias = codeAt(model, 'T1.txt', offsetOf(t1.text, 'wachten'))!;
    assert.equal(alias.code.path, 'afstemmen/geduld');
    assert.equal(alias.tag!.resolution, 'alias');
    assert.equal(codeAt(model, 'T1.txt', offsetOf(t1.text, 'Ik')), undefined);
    const band = codebook.codes.get('effect/band')!;
    assert.equal(codeAt(model, CODEBOOK_ID, band.keySpan.start)!.code, band);
    const mergedValue = codebook.codes.get('effect/oud')!.mergedIntoSpan!;
    assert.equal(codeAt(model, CODEBOOK_ID, mergedValue.start + 1)!.code, band, 'a merge target names the code it merges into');
  });

  it('goes from a tag to the code\'s key in codebook.yaml', () => {
    assert.deepEqual(definitionAt(model, 'T1.txt', t1.cursor), { docId: CODEBOOK_ID, span: codebook.codes.get('afstemmen/geduld')!.keySpan });
    assert.equal(definitionAt(model, 'T1.txt', 0), undefined);
  });

  it('finds every segment of the code in every transcript, with the key when asked', () => {
    const refs = referencesAt(model, 'T1.txt', t1.cursor)!;
    assert.deepEqual(refs.map((r) => r.docId), ['T1.txt', 'T1.txt', 'T2.txt'], 'the tag written with the old name is a segment of the code too');
    const withKey = referencesAt(model, 'T1.txt', t1.cursor, { includeDeclaration: true })!;
    assert.deepEqual(withKey[0], { docId: CODEBOOK_ID, span: codebook.codes.get('afstemmen/geduld')!.keySpan });
    assert.equal(withKey.length, 4);
  });

  it('highlights the tags of the same code in the transcript, by any of its names', () => {
    assert.deepEqual(highlightsAt(model, 'T1.txt', t1.cursor), t1.ranges);
    assert.equal(highlightsAt(model, CODEBOOK_ID, codebook.codes.get('effect/band')!.keySpan.start), undefined);
  });
});

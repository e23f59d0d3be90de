import { strict as assert } from 'node:assert';
import { completionsAt } from '../../../server/src/engine/service/completion';
import { CODEBOOK_ID, indexProject } from '../../../server/src/engine/service/model';
import { marked } from '../../helpers/markers';
import { markedProject } from './serviceProject';

describe('service: completion', () => {
  it('completes a path inside [[ by label in any language, replacing what was typed and closing the tag', () => {
    const { model, marks } = markedProject({ 'T1.txt': 'I= Vraag?\r\n\r\nT1= Ik wacht. [[$[patien$$CURSOR$$]$\r\n' });
    const m = marks.get('T1.txt')!;
    const found = completionsAt(model, 'T1.txt', m.cursor)!;
    assert.equal(found.incomplete, true);
    const first = found.items[0];
    assert.equal(first.label, 'afstemmen/geduld', 'its English label is Patience');
    assert.deepEqual(first.replaceSpan, m.ranges[0]);
    assert.equal(first.insertText, 'afstemmen/geduld]]');
    assert.equal(first.detail, 'Geduld');
    assert.equal(first.documentation, 'De therapeut wacht af.');
    assert.ok(first.filterText.includes('patien') && first.filterText.includes('Patience'), first.filterText);
    assert.equal(first.sortText, '00000');
  });

  it('narrows to the subcodes after a slash, codes to use first, grouping codes marked; merged codes are not offered', () => {
    const { model, marks } = markedProject({ 'T1.txt': 'T1= Samen [[effect/$$CURSOR$$]] verder\n' });
    const m = marks.get('T1.txt')!;
    const items = completionsAt(model, 'T1.txt', m.cursor)!.items;
    assert.deepEqual(items.map((i) => i.label), ['effect/band', 'effect/verouderd']);
    assert.equal(items[0].insertText, 'effect/band', 'the tag is closed already');
    assert.equal(items[1].deprecated, true);
    const all = completionsAt(model, 'T1.txt', m.text.indexOf('effect/'))!.items;
    const grouping = all.find((i) => i.label === 'effect')!;
    assert.equal(grouping.kind, 'grouping');
    assert.equal(grouping.description, 'Effect werkalliantie (groups codes)');
  });

  it('completes merge targets after merged_into: in the codebook as the user has it now', () => {
    const { model } = markedProject({});
    const source = model.project.codebook.text.replace('merged_into: effect/band', () => 'merged_into: $[effect/b$$CURSOR$$]$');
    const m = marked(source);
    const current = { ...indexProject(model.project.index), current: { ...model.project.codebook, text: m.text } };
    const found = completionsAt({ ...model, project: current }, CODEBOOK_ID, m.cursor)!;
    assert.equal(found.items[0].label, 'effect/band');
    assert.deepEqual(found.items[0].replaceSpan, m.ranges[0]);
    assert.equal(found.items[0].insertText, 'effect/band');
  });

  it('offers nothing outside a tag', () => {
    const { model, marks } = markedProject({ 'T1.txt': 'T1= Ik wa$$CURSOR$$cht. [[afstemmen/geduld]]\n' });
    assert.equal(completionsAt(model, 'T1.txt', marks.get('T1.txt')!.cursor), undefined);
    assert.equal(completionsAt(model, CODEBOOK_ID, 0), undefined);
  });
});

import { strict as assert } from 'node:assert';
import { CODEBOOK_ID } from '../../../server/src/engine/service/model';
import { hoverAt } from '../../../server/src/engine/service/hover';
import { markedProject, offsetOf } from './serviceProject';

describe('service: hover', () => {
  it('describes the code of the tag under the cursor, over the whole tag, with its counts and the tag memo', () => {
    const { model, marks } = markedProject({
      'T1.txt': '---\nparticipant: T1\n---\nT1= Ik wacht. $[[[afst$$CURSOR$$emmen/geduld | wacht af]]]$\n\nT1= Nog eens. [[afstemmen/geduld]]\n',
      'T2.txt': '---\nparticipant: T2\n---\nT2= Ik ook. [[afstemmen/geduld]]\n',
    });
    const m = marks.get('T1.txt')!;
    const hover = hoverAt(model, 'T1.txt', m.cursor)!;
    assert.deepEqual(hover.span, m.ranges[0]);
    assert.match(hover.markdown, /^\*\*Geduld\*\* `afstemmen\/geduld`/);
    assert.ok(hover.markdown.includes('3 segments · 2 of 2 participants'), hover.markdown);
    assert.ok(hover.markdown.includes('De therapeut wacht af.'), 'the definition in the label language');
    assert.ok(hover.markdown.includes('**Memo:** wacht af'), hover.markdown);
  });

  it('says when a tag names its code by an old name or a merged code, in the user\'s language', () => {
    const { model, marks } = markedProject(
      { 'T1.txt': 'T1= Wacht. [[afstemmen/wach$$CURSOR$$ten]] en [[effect/oud]]\n' },
      { language: 'nl', labelLanguage: 'en' },
    );
    const text = marks.get('T1.txt')!.text;
    const alias = hoverAt(model, 'T1.txt', marks.get('T1.txt')!.cursor)!;
    assert.match(alias.markdown, /^\*\*Patience\*\* `afstemmen\/geduld`/);
    assert.ok(alias.markdown.includes('Oude naam van `afstemmen/geduld`.'), alias.markdown);
    const merged = hoverAt(model, 'T1.txt', offsetOf(text, 'effect/oud', 2))!;
    assert.ok(merged.markdown.includes('Samengevoegd met `effect/band`.'), merged.markdown);
  });

  it('counts a code that only groups others by its subcodes, and hovers its key in codebook.yaml', () => {
    const { model } = markedProject({ 'T1.txt': 'T1= A [[afstemmen/geduld]] B [[afstemmen/improvisatie]]\n' });
    const codebook = model.project.codebook;
    const key = codebook.codes.get('afstemmen')!.keySpan;
    const hover = hoverAt(model, CODEBOOK_ID, key.start + 1)!;
    assert.deepEqual(hover.span, key);
    assert.ok(hover.markdown.includes('2 segments · 1 of 1 participants'), hover.markdown);
    assert.ok(hover.markdown.includes('_Groups other codes; not meant for passages._'), hover.markdown);
  });

  it('has nothing to say outside a tag or about an unknown code', () => {
    const { model, marks } = markedProject({ 'T1.txt': 'T1= Wa$$CURSOR$$cht. [[onbekend/code]]\n' });
    const m = marks.get('T1.txt')!;
    assert.equal(hoverAt(model, 'T1.txt', m.cursor), undefined);
    assert.equal(hoverAt(model, 'T1.txt', offsetOf(m.text, 'onbekend', 2)), undefined);
    assert.equal(hoverAt(model, 'T9.txt', 0), undefined, 'a document the project does not have');
  });
});

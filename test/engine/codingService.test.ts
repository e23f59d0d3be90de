/**
 * The coding service the server answers with: which codings the cursor is in or on (the innermost first,
 * tags included) and the edits that remove each, read from a document of the index under its codebook.
 */
import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { codingDocument, codingsAt, navigateSegments } from '../../server/src/engine/service/coding';
import type { TextEdit } from '../../server/src/engine/transcript/codingEdits';
import { marked } from '../helpers/markers';
import { SMALL_CODEBOOK } from '../helpers/tempProject';

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

function at(source: string) {
  const m = marked(source);
  const index = new ProjectIndex(parseCodebook(SMALL_CODEBOOK));
  index.set('T1.txt', m.text);
  const doc = codingDocument(index, 'T1.txt');
  assert.ok(doc, 'the index holds the document');
  return { text: m.text, doc, offset: m.cursor };
}

describe('the codings at the cursor', () => {
  it('lists the passage before the paragraph it stands in, and removes the one chosen', () => {
    const { text, doc, offset } = at('T1= Zo {{gaat $$CURSOR$$het}}[[effect/band]] goed. [[afstemmen/geduld]]\n');
    const found = codingsAt(doc, offset);
    assert.deepEqual(found.map((c) => [c.code, c.passage]), [['effect/band', true], ['afstemmen/geduld', false]]);
    assert.equal(apply(text, found[0].edits), 'T1= Zo gaat het goed. [[afstemmen/geduld]]\n');
    assert.equal(apply(text, found[1].edits), 'T1= Zo {{gaat het}}[[effect/band]] goed.\n');
  });

  it('finds a coding from the cursor on its tag, and an alias as the code it stands for', () => {
    const { doc, offset } = at('I= Vraag?\n\nT1= Ik wacht. [[afstemmen/wa$$CURSOR$$chten]]\n');
    assert.deepEqual(codingsAt(doc, offset).map((c) => c.code), ['afstemmen/geduld']);
  });

  it('finds none where nothing is coded, and no segment to move to in an uncoded text', () => {
    const { doc, offset } = at('T1= Nog $$CURSOR$$niets.\n');
    assert.deepEqual(codingsAt(doc, offset), []);
    assert.equal(navigateSegments(doc, offset, 'next'), undefined);
    assert.deepEqual(navigateSegments(doc, 0, 'nextUncoded'), { start: 4, end: 14 });
  });
});

import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { codeSelectionEdits, removeCodingEdits, type TextEdit } from '../../server/src/engine/transcript/codingEdits';
import { digestParsed } from '../../server/src/engine/transcript/digest';
import { resolveTranscript } from '../../server/src/engine/transcript/resolve';
import { adjacentSegment, nextUncodedParagraph, quoteAt } from '../../server/src/engine/transcript/segmentNavigation';
import { cleanText, parseTranscript } from '../../server/src/engine/transcript/transcript';
import { marked } from '../helpers/markers';
import { SMALL_CODEBOOK } from '../helpers/tempProject';

const codebook = parseCodebook(SMALL_CODEBOOK);

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** Codes the range marked with $[ ]$ (or the cursor) and returns the new text. */
function code(source: string, codes: string[]): string {
  const m = marked(source);
  const r = m.ranges[0] ?? { start: m.cursor, end: m.cursor };
  return apply(m.text, codeSelectionEdits(parseTranscript(m.text, codebook.settings), r.start, r.end, codes));
}

function model(text: string) {
  const parsed = parseTranscript(text, codebook.settings);
  return { parsed, resolved: resolveTranscript(digestParsed(parsed), codebook, 'doc') };
}

describe('coding a selection', () => {
  it('codes a whole paragraph with tags at its end when nothing or all of it is selected', () => {
    assert.equal(code('T1= Ik $$CURSOR$$wacht af.\n\nT1= Ander.\n', ['afstemmen/geduld']), 'T1= Ik wacht af. [[afstemmen/geduld]]\n\nT1= Ander.\n');
    assert.equal(code('T1= $[Ik wacht af.]$ [[effect/band]]\n', ['afstemmen/geduld', 'effect/band']), 'T1= Ik wacht af. [[effect/band]] [[afstemmen/geduld]]\n', 'a code already there is not added twice');
    assert.equal(code('T1= Z$$CURSOR$$o {{gaat het}}[[effect/band]]\n', ['afstemmen/geduld']), 'T1= Zo {{gaat het}}[[effect/band]] [[afstemmen/geduld]]\n', 'the paragraph tag goes after the passage');
  });

  it('codes a precise passage, without the spaces around the selection, with several codes', () => {
    assert.equal(code('T1= Je moet$[ heel veel geduld ]$hebben.\n', ['afstemmen/geduld', 'effect/band']), 'T1= Je moet {{heel veel geduld}}[[afstemmen/geduld]][[effect/band]] hebben.\n');
  });

  it('adds codes to a passage that is exactly the selection', () => {
    assert.equal(code('T1= {{$[heel veel]$}}[[effect/band]] x\n', ['afstemmen/geduld']), 'T1= {{heel veel}}[[effect/band]][[afstemmen/geduld]] x\n');
  });

  it('nests inside a passage, and labels a passage that would cross one', () => {
    assert.equal(code('T1= {{hij $[ging spelen]$}}[[effect/band]]\n', ['afstemmen/geduld']), 'T1= {{hij {{ging spelen}}[[afstemmen/geduld]]}}[[effect/band]]\n');
    const crossed = code('T1= {{ik bleef $[rustig}}[[effect/band]] en toen]$ begon hij\n', ['afstemmen/geduld']);
    assert.equal(crossed, 'T1= {{ik bleef {{#a rustig}}[[effect/band]] en toen}}#a[[afstemmen/geduld]] begon hij\n');
    const { resolved, parsed } = model(crossed);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(resolved.segments.map((s) => [s.code, cleanText(parsed, s.span)]), [
      ['effect/band', 'ik bleef rustig'],
      ['afstemmen/geduld', 'rustig en toen'],
    ]);
  });
});

describe('removing a coding', () => {
  it('removes a paragraph tag with its space, and a passage with its marks when no code is left', () => {
    const text = 'T1= Zo {{gaat het}}[[effect/band]][[afstemmen/geduld]] goed. [[afstemmen/improvisatie]]\n';
    const { parsed, resolved } = model(text);
    const byCode = (c: string) => resolved.segments.find((s) => s.code === c)!;
    assert.equal(apply(text, removeCodingEdits(parsed, byCode('afstemmen/improvisatie'))), 'T1= Zo {{gaat het}}[[effect/band]][[afstemmen/geduld]] goed.\n');
    assert.equal(apply(text, removeCodingEdits(parsed, byCode('effect/band'))), 'T1= Zo {{gaat het}}[[afstemmen/geduld]] goed. [[afstemmen/improvisatie]]\n');
    const once = apply(text, removeCodingEdits(parsed, byCode('effect/band')));
    const again = model(once);
    assert.equal(apply(once, removeCodingEdits(again.parsed, again.resolved.segments.find((s) => s.code === 'afstemmen/geduld')!)), 'T1= Zo gaat het goed. [[afstemmen/improvisatie]]\n');
  });
});

describe('moving through codings', () => {
  const text = '---\nparticipant: T1\n---\nI= Vraag?\n\nT1= Een. [[effect/band]]\n\nT1= Twee zonder code.\n\nT1= Drie {{met passage}}[[afstemmen/geduld]].\n\nT1= Vier ook zonder.\n';
  const { parsed, resolved } = model(text);

  it('goes to the next and previous coded segment, wrapping around', () => {
    const first = adjacentSegment(resolved, 0, 1)!;
    assert.equal(text.slice(first.start, first.end), 'Een.');
    const second = adjacentSegment(resolved, first.start, 1)!;
    assert.equal(text.slice(second.start, second.end), 'met passage');
    assert.deepEqual(adjacentSegment(resolved, second.start, 1), first);
    assert.deepEqual(adjacentSegment(resolved, first.start, -1), second);
  });

  it('finds the next participant paragraph without a code, skipping interviewer turns', () => {
    const a = nextUncodedParagraph(parsed, resolved, 0, codebook.settings)!;
    assert.equal(text.slice(a.start, a.end), 'Twee zonder code.');
    const b = nextUncodedParagraph(parsed, resolved, a.start, codebook.settings)!;
    assert.equal(text.slice(b.start, b.end), 'Vier ook zonder.');
  });

  it('quotes a selection or the segment at the cursor with its attribution', () => {
    const at = text.indexOf('met passage') + 2;
    assert.equal(quoteAt(parsed, resolved, at, at, codebook.settings)!.formatted, '“met passage” [T1]');
    const s = text.indexOf('Drie');
    assert.equal(quoteAt(parsed, resolved, s, text.indexOf('.\n\nT1= Vier') + 1, codebook.settings)!.formatted, '“Drie met passage.” [T1]');
    const q = text.indexOf('Vraag');
    assert.equal(quoteAt(parsed, resolved, q, q + 6, codebook.settings)!.formatted, '“Vraag?” [I]');
  });
});

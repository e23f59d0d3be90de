import { strict as assert } from 'node:assert';
import { foldingRanges } from '../../../server/src/engine/service/folding';
import { CODEBOOK_ID } from '../../../server/src/engine/service/model';
import { documentSymbols, workspaceSymbols } from '../../../server/src/engine/service/symbols';
import { markedProject } from './serviceProject';

const T1 = '$[---\nparticipant: T1\n---]$\n$[I= Hoe begin je?]$\n\n$[T1= Ik wacht af.   Echt. [[afstemmen/geduld]]\nEn dan nog een regel.]$\n';

describe('service: symbols and folding', () => {
  it('outlines a transcript: its front matter, then each turn with its coded segments', () => {
    const { model, marks } = markedProject({ 'T1.txt': T1 }, { labelLanguage: 'en' });
    const m = marks.get('T1.txt')!;
    const symbols = documentSymbols(model, 'T1.txt')!;
    assert.deepEqual(symbols.map((s) => [s.kind, s.name]), [['front-matter', 'participant: T1'], ['turn', 'I: Hoe begin je?'], ['turn', 'T1: Ik wacht af. Echt. En dan nog een regel.']]);
    assert.deepEqual(symbols.map((s) => s.span), m.ranges);
    assert.equal(m.text.slice(symbols[2].selectionSpan.start, symbols[2].selectionSpan.end), 'T1', 'the speaker is selected');
    assert.deepEqual(symbols[2].children!.map((c) => [c.kind, c.name, c.detail]), [['segment', 'Patience', 'Ik wacht af. Echt. En dan nog een regel.']], 'the tag codes its paragraph');
    assert.deepEqual(symbols[1].children, []);
  });

  it('outlines the codebook as its tree of codes, labelled, selecting each key', () => {
    const { model } = markedProject({});
    const symbols = documentSymbols(model, CODEBOOK_ID)!;
    assert.deepEqual(symbols.map((s) => [s.kind, s.name, s.detail]), [['grouping', 'Afstemmen op cliënt', 'afstemmen'], ['grouping', 'Effect werkalliantie', 'effect']]);
    assert.deepEqual(symbols[0].children!.map((c) => c.detail), ['afstemmen/geduld', 'afstemmen/improvisatie']);
    assert.deepEqual(symbols[0].children![0].selectionSpan, model.project.codebook.codes.get('afstemmen/geduld')!.keySpan);
  });

  it('finds codes by path or by a label in any language, without accents', () => {
    const { model } = markedProject({});
    assert.deepEqual(workspaceSymbols(model, 'patience').map((s) => [s.name, s.path, s.kind]), [['Geduld', 'afstemmen/geduld', 'code']]);
    assert.deepEqual(workspaceSymbols(model, 'CLIENT').map((s) => s.path), ['afstemmen'], 'cliënt in the Dutch label, client in the English');
    assert.equal(workspaceSymbols(model, '').length, model.project.codebook.codes.size);
  });

  it('folds the front matter and each turn', () => {
    const { model, marks } = markedProject({ 'T1.txt': T1 });
    const m = marks.get('T1.txt')!;
    assert.deepEqual(foldingRanges(model, 'T1.txt'), [
      { span: m.ranges[0], kind: 'front-matter' },
      { span: m.ranges[1], kind: 'turn' },
      { span: m.ranges[2], kind: 'turn' },
    ]);
    assert.equal(foldingRanges(model, CODEBOOK_ID), undefined);
  });
});

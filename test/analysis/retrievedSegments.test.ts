import { strict as assert } from 'node:assert';
import { retrieveSegments, sentenceSpans, unknownCodes, type RetrievalQuery } from '../../server/src/engine/analysis/retrievedSegments';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { SMALL_CODEBOOK } from '../helpers/tempProject';

const GEDULD = 'afstemmen/geduld';
const IMPRO = 'afstemmen/improvisatie';
const BAND = 'effect/band';

// T1: an interviewer's question, then a turn of two paragraphs; a passage of geduld inside a passage of
// improvisatie (nested), a paragraph coded band with a memo.
const T1 = `---
participant: T1
discipline: dramatherapie
---
I= Wat doe je dan? Vertel eens.

T1= Eerst kijk ik. {{Ik wacht {{rustig af}}[[afstemmen/geduld | kern van geduld]] en speel mee}}[[afstemmen/improvisatie]]. Dan "zie" ik wat er gebeurt! Daarna praten we.

Het tweede deel van de beurt. Nog een zin… En de laatste? [[effect/band | band groeit]]

T1= Een nieuwe beurt. [[effect/band]]
`;

// T2: written with CRLF; one passage with geduld and band together, and a passage of band alone.
const T2 = [
  '---',
  'participant: T2',
  'discipline: muziektherapie',
  '---',
  'T2= Voor het citaat. {{Rustig blijven,',
  'ook als het\tschuurt}}[[afstemmen/geduld]][[effect/band]]. Na het citaat. Nog verder.',
  '',
  'T2= {{Alleen band}}[[effect/band]] hier.',
  '',
].join('\r\n');

function project(): ProjectIndex {
  const index = new ProjectIndex(parseCodebook(SMALL_CODEBOOK));
  index.set('T1.txt', T1);
  index.set('T2.txt', T2);
  return index;
}

function retrieve(query: RetrievalQuery, language: 'nl' | 'en' = 'nl') {
  return retrieveSegments(project(), query, language);
}

describe('retrieved segments', () => {
  it('any: every segment of each chosen code, listed under it, in file and text order', () => {
    const r = retrieve({ codes: [GEDULD, BAND] });
    assert.deepEqual(
      r.rows.map((x) => [x.group, x.file, x.text]),
      [
        [GEDULD, 'T1.txt', 'rustig af'],
        [GEDULD, 'T2.txt', 'Rustig blijven, ook als het schuurt'],
        [BAND, 'T1.txt', 'Het tweede deel van de beurt. Nog een zin… En de laatste?'],
        [BAND, 'T1.txt', 'Een nieuwe beurt.'],
        [BAND, 'T2.txt', 'Rustig blijven, ook als het schuurt'],
        [BAND, 'T2.txt', 'Alleen band'],
      ],
    );
    assert.deepEqual(r.codes.map((c) => c.label), ['Geduld', 'Band (samenwerking)']);
  });

  it('all: only segments that overlap a segment of every other chosen code in the same document', () => {
    const r = retrieve({ codes: [GEDULD, BAND], mode: 'all' });
    assert.deepEqual(
      r.rows.map((x) => [x.group, x.file, x.text, x.alsoCoded]),
      [
        [GEDULD, 'T2.txt', 'Rustig blijven, ook als het schuurt', [BAND]],
        [BAND, 'T2.txt', 'Rustig blijven, ook als het schuurt', [GEDULD]],
      ],
    );
    // A nested passage overlaps the passage around it.
    const nested = retrieve({ codes: [IMPRO, GEDULD], mode: 'all' });
    assert.deepEqual(nested.rows.map((x) => [x.group, x.text]), [
      [IMPRO, 'Ik wacht rustig af en speel mee'],
      [GEDULD, 'rustig af'],
    ]);
    // Neighbouring segments of one paragraph that do not share a character are not "all".
    assert.deepEqual(retrieve({ codes: [IMPRO, BAND], mode: 'all' }).rows, []);
  });

  it('subcodes: a category stands for its subcodes', () => {
    assert.deepEqual(retrieve({ codes: ['afstemmen'] }).rows, []);
    const r = retrieve({ codes: ['afstemmen'], subcodes: true });
    assert.deepEqual(r.rows.map((x) => [x.group, x.code]), [
      ['afstemmen', IMPRO],
      ['afstemmen', GEDULD],
      ['afstemmen', GEDULD],
    ]);
  });

  it('an alias stands for its code; unknown codes are named with the nearest ones', () => {
    assert.deepEqual(retrieve({ codes: ['afstemmen/wachten'] }).rows.map((x) => x.code), [GEDULD, GEDULD]);
    const unknown = unknownCodes(project().codebook, [GEDULD, 'afstemmen/gedud']);
    assert.deepEqual(unknown.map((u) => u.path), ['afstemmen/gedud']);
    assert.ok(unknown[0].nearest.includes(GEDULD));
  });

  it('narrows by participant and by document variables', () => {
    assert.deepEqual(retrieve({ codes: [BAND], participant: 'T2' }).rows.map((x) => x.participant), ['T2', 'T2']);
    assert.deepEqual(retrieve({ codes: [BAND], where: [{ variable: 'discipline', value: 'dramatherapie' }] }).rows.map((x) => x.file), ['T1.txt', 'T1.txt']);
    assert.deepEqual(retrieve({ codes: [BAND], where: [{ variable: 'discipline', value: 'dramatherapie' }, { variable: 'participant', value: 'T2' }] }).rows, []);
  });

  it('keeps place, speaker and memos', () => {
    const [first] = retrieve({ codes: [GEDULD] }).rows;
    assert.equal(first.startLine, 7);
    assert.equal(first.endLine, 7);
    assert.equal(first.speaker, 'T1');
    assert.deepEqual(first.memos, ['kern van geduld']);
    const band = retrieve({ codes: [BAND] }).rows[0];
    assert.deepEqual(band.memos, ['band groeit']);
    assert.deepEqual([band.startLine, band.endLine], [9, 9]);
    // CRLF: the passage over two lines has its lines right.
    const t2 = retrieve({ codes: [GEDULD], participant: 'T2' }).rows[0];
    assert.deepEqual([t2.startLine, t2.endLine], [5, 6]);
  });

  it('context none, paragraph and turn', () => {
    const none = retrieve({ codes: [GEDULD], context: 'none' }).rows[0];
    assert.deepEqual([none.before, none.after], ['', '']);
    const paragraph = retrieve({ codes: [GEDULD], context: 'paragraph' }).rows[0];
    assert.equal(paragraph.before, 'Eerst kijk ik. Ik wacht');
    assert.equal(paragraph.after, 'en speel mee. Dan "zie" ik wat er gebeurt! Daarna praten we.');
    const turn = retrieve({ codes: [GEDULD], context: 'turn' }).rows[0];
    assert.equal(turn.before, 'Eerst kijk ik. Ik wacht');
    assert.equal(turn.after, 'en speel mee. Dan "zie" ik wat er gebeurt! Daarna praten we.\n\nHet tweede deel van de beurt. Nog een zin… En de laatste?');
    // CRLF and tabs become single spaces in the context too.
    const crlf = retrieve({ codes: [GEDULD], participant: 'T2', context: 'paragraph' }).rows[0];
    assert.deepEqual([crlf.before, crlf.text, crlf.after], ['Voor het citaat.', 'Rustig blijven, ook als het schuurt', '. Na het citaat. Nog verder.']);
  });

  it('context sentence: the sentence before and after, within the turn', () => {
    const inner = retrieve({ codes: [GEDULD], context: 'sentence' }).rows[0];
    assert.equal(inner.before, 'Eerst kijk ik. Ik wacht');
    assert.equal(inner.after, 'en speel mee. Dan "zie" ik wat er gebeurt!');
    // A quote of a whole paragraph: the sentence before is the turn's last of the paragraph before.
    const band = retrieve({ codes: [BAND], context: 'sentence' }).rows[0];
    assert.equal(band.before, 'Daarna praten we.');
    assert.equal(band.after, '');
    // A quote that starts its turn has no sentence before it; the interviewer's turn is not crossed.
    const own = retrieve({ codes: [BAND], participant: 'T1', context: 'sentence' }).rows[1];
    assert.deepEqual([own.before, own.after], ['', '']);
    const crlf = retrieve({ codes: [GEDULD], participant: 'T2', context: 'sentence' }).rows[0];
    assert.deepEqual([crlf.before, crlf.after], ['Voor het citaat.', '. Na het citaat.']);
    // Only the quote's own full stop after it is no context.
    const index = new ProjectIndex(parseCodebook(SMALL_CODEBOOK));
    index.set('T4.txt', '---\nparticipant: T4\n---\nT4= Eerst dit. {{Dan het citaat}}[[effect/band]].\n');
    const [last] = retrieveSegments(index, { codes: [BAND], context: 'sentence' }, 'nl').rows;
    assert.deepEqual([last.before, last.after], ['Eerst dit.', '']);
  });

  it('splits sentences at . ? ! … with closing quotes, and at blank lines', () => {
    const text = 'Hij zei: "Ga weg!" En toen… stil. Echt? Ja!! 3.5 punten.\n\nNieuwe alinea zonder punt\n\nEinde';
    const parts = sentenceSpans(text).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(parts, ['Hij zei: "Ga weg!"', 'En toen…', 'stil.', 'Echt?', 'Ja!!', '3.5 punten.', 'Nieuwe alinea zonder punt', 'Einde']);
    // The known limit: an abbreviation ends a sentence.
    assert.deepEqual(sentenceSpans('Bijv. dit.').length, 2);
  });

  it('leaves interviewer turns out unless asked', () => {
    const index = new ProjectIndex(parseCodebook(SMALL_CODEBOOK));
    index.set('T3.txt', '---\nparticipant: T3\n---\nI= Vraag over band. [[effect/band]]\n\nT3= Antwoord. [[effect/band]]\n');
    assert.deepEqual(retrieveSegments(index, { codes: [BAND] }, 'nl').rows.map((r) => r.speaker), ['T3']);
    assert.deepEqual(retrieveSegments(index, { codes: [BAND], withInterviewers: true }, 'nl').rows.map((r) => r.speaker), ['I', 'T3']);
  });
});

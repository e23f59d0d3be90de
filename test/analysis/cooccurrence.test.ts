import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import {
  cooccurrence,
  cooccurringSegments,
  parseCooccurrenceUnit,
  type CooccurrenceUnit,
} from '../../server/src/engine/analysis/cooccurrence';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { loadProject } from '../../server/src/node/projectFiles';
import { SMALL_CODEBOOK } from '../helpers/tempProject';

const GEDULD = 'afstemmen/geduld';
const IMPRO = 'afstemmen/improvisatie';
const BAND = 'effect/band';

// Paragraphs (p) and turns (t) of T1, after the front matter:
//   p0 t0  interviewer: band
//   p1 t1  passages geduld ("Ik wacht") and improvisatie ("ik speel mee"), the paragraph coded band
//   p2 t2  geduld            p3 t2  band (a second paragraph of the same turn)
//   p4 t3  improvisatie
const T1 = `---
participant: T1
---
I= Wat doe je dan? [[effect/band]]

T1= {{Ik wacht}}[[afstemmen/geduld]] en {{ik speel mee}}[[afstemmen/improvisatie]]. [[effect/band]]

T1= Tweede beurt. [[afstemmen/geduld]]

Nog in de tweede beurt. [[effect/band]]

T1= Derde beurt. [[afstemmen/improvisatie]]
`;
// One passage with two codes: an overlap of band and geduld.
const T2 = `---
participant: T2
---
T2= {{Rustig blijven}}[[afstemmen/geduld]][[effect/band]], dat is het.
`;

function project(): ProjectIndex {
  const index = new ProjectIndex(parseCodebook(SMALL_CODEBOOK));
  index.set('T1.txt', T1);
  index.set('T2.txt', T2);
  return index;
}

function cell(index: ProjectIndex, unit: string, a: string, b: string, options: { withInterviewers?: boolean } = {}) {
  const m = cooccurrence(index, { unit: parseCooccurrenceUnit(unit)!, ...options });
  const i = m.codes.indexOf(a);
  const j = m.codes.indexOf(b);
  assert.ok(i >= 0 && j >= 0, `${a} and ${b} are in the matrix`);
  assert.equal(m.cells[i][j], m.cells[j][i], 'the matrix is symmetric');
  return { pairs: m.cells[i][j], participants: m.participantCells[i][j] };
}

describe('co-occurrence', () => {
  it('reads the units', () => {
    assert.deepEqual(parseCooccurrenceUnit('window:3'), { kind: 'window', paragraphs: 3 });
    assert.deepEqual(parseCooccurrenceUnit('turn'), { kind: 'turn' });
    assert.equal(parseCooccurrenceUnit('window'), undefined);
    assert.equal(parseCooccurrenceUnit('window:-1'), undefined);
    assert.equal(parseCooccurrenceUnit('sentence'), undefined);
  });

  it('has the codes with segments as rows, in codebook order, and an empty diagonal', () => {
    const m = cooccurrence(project(), { unit: { kind: 'overlap' } });
    assert.deepEqual(m.codes, [GEDULD, IMPRO, BAND]);
    assert.deepEqual(m.segments, [3, 2, 3]);
    assert.deepEqual(m.cells.map((r, i) => r[i]), [0, 0, 0]);
    assert.equal(m.documents, 2);
  });

  it('overlap: passages inside a coded paragraph and two codes on one passage, not neighbouring passages', () => {
    const index = project();
    assert.deepEqual(cell(index, 'overlap', BAND, GEDULD), { pairs: 2, participants: 2 });
    assert.deepEqual(cell(index, 'overlap', BAND, IMPRO), { pairs: 1, participants: 1 });
    assert.deepEqual(cell(index, 'overlap', GEDULD, IMPRO), { pairs: 0, participants: 0 });
  });

  it('paragraph, turn and window count what each unit holds together', () => {
    const index = project();
    // Paragraph: p1 holds all three codes; T2's passage holds band and geduld.
    assert.equal(cell(index, 'paragraph', GEDULD, IMPRO).pairs, 1);
    assert.equal(cell(index, 'paragraph', BAND, GEDULD).pairs, 2);
    // Turn: t2 adds geduld (p2) with band (p3).
    assert.equal(cell(index, 'turn', BAND, GEDULD).pairs, 3);
    assert.equal(cell(index, 'turn', GEDULD, IMPRO).pairs, 1);
    // window:1: band–geduld in p1, p1–p2, p2–p3 and T2 = 4; geduld–impro in p1 and p1–p2 = 2;
    // band–impro in p1 and p3–p4 = 2.
    assert.equal(cell(index, 'window:1', BAND, GEDULD).pairs, 4);
    assert.equal(cell(index, 'window:1', GEDULD, IMPRO).pairs, 2);
    assert.equal(cell(index, 'window:1', BAND, IMPRO).pairs, 2);
    assert.deepEqual(
      cooccurrence(index, { unit: { kind: 'window', paragraphs: 0 } }).cells,
      cooccurrence(index, { unit: { kind: 'paragraph' } }).cells,
    );
  });

  it("leaves interviewer turns out unless asked, and counts participants only for one person's pairs", () => {
    const index = project();
    // The interviewer's band (p0) is one paragraph from p1's geduld and improvisatie.
    assert.deepEqual(cell(index, 'window:1', BAND, IMPRO, { withInterviewers: true }), { pairs: 3, participants: 1 });
    assert.deepEqual(cell(index, 'window:1', BAND, GEDULD, { withInterviewers: true }), { pairs: 5, participants: 2 });
  });

  it('restricts the matrix to codes under given paths', () => {
    const m = cooccurrence(project(), { unit: { kind: 'paragraph' }, codes: ['afstemmen'] });
    assert.deepEqual(m.codes, [GEDULD, IMPRO]);
    assert.deepEqual(m.cells, [[0, 1], [1, 0]]);
  });

  it('retrieves the pairs behind a cell, with their words and lines', () => {
    const index = project();
    const pairs = cooccurringSegments(index, BAND, GEDULD, { unit: { kind: 'overlap' } });
    assert.deepEqual(
      pairs.map((p) => [p.file, p.first.code, p.first.text, p.second.code, p.second.text, p.first.startLine]),
      [
        ['T1.txt', BAND, 'Ik wacht en ik speel mee.', GEDULD, 'Ik wacht', 6],
        ['T2.txt', BAND, 'Rustig blijven', GEDULD, 'Rustig blijven', 4],
      ],
    );
    const t1 = T1.slice(pairs[0].second.start, pairs[0].second.end);
    assert.equal(t1, 'Ik wacht');
    assert.deepEqual(cooccurringSegments(index, BAND, BAND, { unit: { kind: 'overlap' } }), []);
  });

  it('on the example study: every cell equals its retrieved pairs and a count of all pairs by brute force', async () => {
    const example = (await loadProject(path.join(__dirname, '../../examples/stay-tuned'))).index;
    const units: CooccurrenceUnit[] = [{ kind: 'overlap' }, { kind: 'paragraph' }, { kind: 'turn' }, { kind: 'window', paragraphs: 2 }];
    for (const unit of units) {
      const m = cooccurrence(example, { unit });
      const brute = m.codes.map(() => m.codes.map(() => 0));
      for (const doc of example.documents()) {
        const segs = doc.resolved.segments.filter((s) => s.role === 'participant');
        for (let i = 0; i < segs.length; i++) {
          for (let j = i + 1; j < segs.length; j++) {
            const a = segs[i];
            const b = segs[j];
            if (a.code === b.code) continue;
            const together =
              unit.kind === 'overlap'
                ? a.span.start < b.span.end && b.span.start < a.span.end
                : unit.kind === 'paragraph'
                  ? a.paragraph === b.paragraph
                  : unit.kind === 'turn'
                    ? a.turn >= 0 && a.turn === b.turn
                    : Math.abs(a.paragraph - b.paragraph) <= unit.paragraphs;
            if (!together) continue;
            brute[m.codes.indexOf(a.code)][m.codes.indexOf(b.code)]++;
            brute[m.codes.indexOf(b.code)][m.codes.indexOf(a.code)]++;
          }
        }
      }
      assert.deepEqual(m.cells, brute, unit.kind);
      const total = m.cells.flat().reduce((x, y) => x + y, 0);
      assert.ok(total > 0, `${unit.kind} finds pairs in the example`);
      // Spot-check retrieval on the strongest cell.
      const max = m.maxCell;
      const i = m.cells.findIndex((r) => r.includes(max));
      const j = m.cells[i].indexOf(max);
      assert.equal(cooccurringSegments(example, m.codes[i], m.codes[j], { unit, withText: false }).length, max);
    }
  });
});

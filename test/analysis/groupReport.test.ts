import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { codeMatrix, rankCodes } from '../../server/src/engine/analysis/frequencies';
import { buildGroupReport } from '../../server/src/engine/report/groupReport';
import { buildParticipantProfile } from '../../server/src/engine/report/participantProfile';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { loadProject } from '../../server/src/node/projectFiles';
import { SMALL_CODEBOOK } from '../helpers/tempProject';

let example: ProjectIndex;
before(async () => {
  example = (await loadProject(path.join(__dirname, '../../examples/stay-tuned'))).index;
});

describe('reports by document variable', () => {
  it('counting the segments of all documents gives what the index keeps', () => {
    for (const includeSubcodes of [false, true]) {
      for (const withInterviewers of [false, true]) {
        const options = { includeSubcodes, withInterviewers };
        assert.deepEqual(codeMatrix(example, { ...options, documents: () => true }), codeMatrix(example, options));
        assert.deepEqual(rankCodes(example, { ...options, documents: () => true }), rankCodes(example, options));
      }
    }
  });

  it('splits the example by discipline: groups add up to the whole, and each lists its own participants', () => {
    const grouped = buildGroupReport(example, { by: 'discipline', language: 'nl' });
    assert.deepEqual(
      grouped.groups.map((g) => [g.label, g.participants.join(' ')]),
      [
        ['beeldende therapie', 'T7 T8 T10'],
        ['dramatherapie', 'T1 T5 T11'],
        ['muziektherapie', 'T2 T3 T9 T12'],
        ['psychomotorische therapie', 'T4 T6'],
      ],
    );
    const whole = codeMatrix(example);
    grouped.rows.forEach((row, i) => {
      const total = whole.rows[i];
      assert.equal(row.segments.reduce((a, b) => a + b, 0), total.segments, row.path);
      assert.equal(row.participants.reduce((a, b) => a + b, 0), total.participants.length, row.path);
    });
    // Patience (afstemmen/geduld) was mentioned by T9 only, a music therapist.
    const music = grouped.groups.find((g) => g.value === 'muziektherapie')!;
    const geduld = music.report.ranked.flatMap((g) => g.items).find((i) => i.path === 'afstemmen/geduld');
    assert.deepEqual(geduld?.participants, ['T9']);
    const drama = grouped.groups.find((g) => g.value === 'dramatherapie')!;
    assert.equal(drama.report.ranked.flatMap((g) => g.items).find((i) => i.path === 'afstemmen/geduld'), undefined);
    assert.equal(music.documents, 4);
  });

  it('puts transcripts without the variable in a group of their own, last', () => {
    const index = new ProjectIndex(parseCodebook(SMALL_CODEBOOK));
    index.set('a.txt', '---\nparticipant: A\ndiscipline: drama\n---\nA= Ja. [[effect/band]]\n');
    index.set('b.txt', '---\nparticipant: B\n---\nB= Nee. [[effect/band]]\n');
    index.set('c.txt', '---\nparticipant: C\ndiscipline: beeldend\n---\nC= Soms. [[afstemmen/geduld]]\n');
    const grouped = buildGroupReport(index, { by: 'discipline', language: 'en' });
    assert.deepEqual(
      grouped.groups.map((g) => [g.value, g.label, g.participants.join(' ')]),
      [['beeldend', 'beeldend', 'C'], ['drama', 'drama', 'A'], [null, '(no discipline)', 'B']],
    );
    const band = grouped.rows.find((r) => r.path === 'effect/band')!;
    assert.deepEqual(band.segments, [0, 1, 1]);
  });
});

describe('participant profile', () => {
  it('has every code of the participant with its quotes, in codebook order', () => {
    const profile = buildParticipantProfile(example, 'T9', 'nl')!;
    assert.deepEqual(profile.documents.map((d) => [d.file, d.variables.discipline]), [['transcripts/T09.txt', 'muziektherapie']]);
    const matrix = codeMatrix(example);
    const column = matrix.participants.indexOf('T9');
    const expected = matrix.codes.filter((_, i) => matrix.cells[i][column] > 0);
    assert.deepEqual(profile.codes.map((c) => c.path), expected);
    for (const c of profile.codes) assert.equal(c.quotes.length, matrix.cells[matrix.codes.indexOf(c.path)][column], c.path);
    assert.ok(profile.codes.every((c) => c.quotes.every((q) => q.text.length > 0 && !q.text.includes('[['))));
    assert.equal(buildParticipantProfile(example, 'T99', 'nl'), undefined);
  });
});

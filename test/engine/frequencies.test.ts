import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { codeCounts, codeMatrix, rankCodes } from '../../server/src/engine/analysis/frequencies';
import { documentVariables, findSegments, segmentLines, segmentText } from '../../server/src/engine/analysis/retrieval';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { SMALL_CODEBOOK } from '../helpers/tempProject';
import { formatCount } from '../../server/src/engine/messages';
import { buildFrequencyReport } from '../../server/src/engine/report/frequencyReport';

function project() {
  const index = new ProjectIndex(parseCodebook(SMALL_CODEBOOK));
  index.set('T1.txt', '---\nparticipant: T1\ndiscipline: drama\n---\nT1= Ik wacht. [[afstemmen/geduld]]\n\nT1= Samen. [[effect/band]]\n\nI= Echt? [[effect/band]]\n');
  index.set('T2.txt', '---\nparticipant: T2\ndiscipline: muziek\n---\nT2= Ik wacht ook. [[afstemmen/geduld]]\n\nT2= En {{ik speel mee}}[[afstemmen/improvisatie]][[afstemmen/geduld]].\n');
  index.set('T10.txt', '---\nparticipant: T10\ndiscipline: muziek\n---\nT10= Niets gecodeerd.\n');
  return index;
}

describe('frequencies', () => {
  it('counts segments and participants per code, leaving interviewers out by default', () => {
    const counts = codeCounts(project());
    assert.equal(counts.get('afstemmen/geduld')!.segments, 3);
    assert.deepEqual(counts.get('afstemmen/geduld')!.participants, ['T1', 'T2']);
    assert.deepEqual(counts.get('effect/band')!.participants, ['T1']);
    assert.equal(counts.get('effect/band')!.segments, 1);
    assert.equal(codeCounts(project(), { withInterviewers: true }).get('effect/band')!.segments, 2);
  });

  it('rolls subcodes up into their parents on request', () => {
    const without = codeCounts(project());
    const withSub = codeCounts(project(), { includeSubcodes: true });
    assert.equal(without.get('afstemmen')!.segments, 0);
    assert.equal(withSub.get('afstemmen')!.segments, 4);
    assert.deepEqual(withSub.get('afstemmen')!.participants, ['T1', 'T2']);
  });

  it('lets a category (codable: false) add up its codes, for the Codes view and the matrix alike', () => {
    const counts = codeCounts(project(), { categoriesAddUp: true });
    assert.equal(counts.get('afstemmen')!.segments, 4, 'geduld 3 + improvisatie 1');
    assert.deepEqual([...counts.get('afstemmen')!.byParticipant], [['T1', 1], ['T2', 3]]);
    assert.equal(counts.get('afstemmen/geduld')!.segments, 3, 'a code that can be coded keeps its own count');
    const m = codeMatrix(project(), { categoriesAddUp: true });
    assert.deepEqual(m.cells[m.codes.indexOf('afstemmen')], [1, 3, 0]);
    assert.deepEqual(m.columnTotals, [2, 3, 0], 'each segment once in the totals');
    const report = buildFrequencyReport(project(), { language: 'en', categoriesAddUp: true });
    assert.equal(report.rows.find((r) => r.path === 'afstemmen')!.segments, 4);
  });

  it('writes large counts with the separators of the language', () => {
    assert.equal(formatCount(31608, 'en'), '31,608');
    assert.equal(formatCount(31608, 'nl'), '31\u00a0608');
    assert.equal(formatCount(1234567, 'en'), '1,234,567');
    assert.equal(formatCount(999, 'nl'), '999');
  });

  it('builds the code × participant matrix with participants in natural order', () => {
    const m = codeMatrix(project());
    assert.deepEqual(m.participants, ['T1', 'T2', 'T10']);
    const row = m.codes.indexOf('afstemmen/geduld');
    assert.deepEqual(m.cells[row], [1, 2, 0]);
    assert.deepEqual(m.columnTotals, [2, 3, 0]);
  });

  it('ranks codes by participants, then segments, then codebook order', () => {
    assert.deepEqual(rankCodes(project()).map((c) => c.path), ['afstemmen/geduld', 'afstemmen/improvisatie', 'effect/band']);
  });
});

describe('retrieval', () => {
  it('finds the segments of a code, of a participant and of a document variable value', () => {
    const index = project();
    const texts = (hits: ReturnType<typeof findSegments>) => hits.map((h) => segmentText(index, h));
    assert.deepEqual(texts(findSegments(index, { code: 'afstemmen/geduld' })), ['Ik wacht.', 'Ik wacht ook.', 'ik speel mee']);
    assert.deepEqual(texts(findSegments(index, { code: 'afstemmen', includeSubcodes: true, participant: 'T2' })), ['Ik wacht ook.', 'ik speel mee', 'ik speel mee']);
    assert.deepEqual(texts(findSegments(index, { variable: { name: 'discipline', value: 'drama' } })), ['Ik wacht.', 'Samen.']);
    assert.deepEqual(texts(findSegments(index, { code: 'effect/band', withInterviewers: true })), ['Samen.', 'Echt?']);
    assert.deepEqual([...documentVariables(index)], [['discipline', ['drama', 'muziek']]]);
  });

  it('gives 1-based inclusive lines', () => {
    const hit = findSegments(project(), { code: 'afstemmen/improvisatie' })[0];
    assert.deepEqual(segmentLines(hit), { start: 7, end: 7 });
  });
});

/**
 * Inter-coder agreement on small projects whose statistics are worked out by hand in the comments.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { agreement, matchShare, type AgreementResult } from '../../server/src/engine/agreement/agreement';
import { codedText, wordLayout, wordsBetween } from '../../server/src/engine/agreement/codedText';
import { segmentText } from '../../server/src/engine/analysis/retrieval';
import { loadProject } from '../../server/src/node/projectFiles';
import { disagreements, locateTextDifferences } from '../../server/src/engine/agreement/disagreements';
import { cohenKappa, nominalReliability } from '../../server/src/engine/agreement/reliability';
import { versionFromIndex, versionFromTexts } from '../../server/src/engine/agreement/versions';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { encodeUtf8 } from '../../server/src/engine/transcript/transcript';
import { ANNA, BRAM, frontMatter as head } from '../helpers/coders';
import { SMALL_CODEBOOK } from '../helpers/tempProject';

const codebook = parseCodebook(SMALL_CODEBOOK);
const G = 'afstemmen/geduld';
const I = 'afstemmen/improvisatie';
const B = 'effect/band';

function versions() {
  return [versionFromTexts('anna', codebook, ANNA), versionFromTexts('bram', codebook, BRAM)];
}

function result(results: AgreementResult[], level: 'document' | 'segment', code: string | null): AgreementResult {
  const r = results.find((x) => x.level === level && x.code === code);
  assert.ok(r, `a ${level} row for ${code}`);
  return r;
}

function close(actual: number | null, expected: number, what: string): void {
  assert.ok(actual !== null, `${what} is a number`);
  assert.equal(actual.toFixed(3), expected.toFixed(3), what);
}

describe('coded texts', () => {
  it('compare words: tags, spaces, line breaks and the front matter do not count', () => {
    const a = codedText('T1.txt', encodeUtf8(ANNA['T1.txt']), codebook);
    const b = codedText('T1.txt', encodeUtf8(BRAM['T1.txt']), codebook);
    assert.equal(a.fingerprint, b.fingerprint);
    assert.equal(a.length, b.length);
    const changed = codedText('T1.txt', encodeUtf8(BRAM['T1.txt'].replace('drums', 'trommels')), codebook);
    assert.notEqual(changed.fingerprint, a.fingerprint);
    const joined = codedText('T1.txt', encodeUtf8(ANNA['T1.txt'].replace('Soms speel', 'Somsspeel')), codebook);
    assert.equal(joined.fingerprint, a.fingerprint, 'whitespace alone is not a difference');
  });

  it('place segments on word positions, the same in every version', () => {
    const a = codedText('T1.txt', encodeUtf8(ANNA['T1.txt']), codebook);
    const b = codedText('T1.txt', encodeUtf8(BRAM['T1.txt']), codebook);
    const span = (t: typeof a, code: string) => {
      const i = t.codes.indexOf(code);
      return [t.starts[i], t.ends[i]];
    };
    // "T1=" is three characters of words before the passage.
    assert.deepEqual(span(a, G), [3, 18]);
    assert.deepEqual(span(b, G), [3, 16]);
    assert.deepEqual(span(a, B), span(b, B));
    assert.equal(a.coded, true);
    assert.equal(codedText('T3.txt', encodeUtf8(BRAM['T3.txt']), codebook).coded, false);
  });

  it('count characters, not bytes or UTF-16 units', () => {
    const t = codedText('x.txt', encodeUtf8('X= {{één 😀}}[[effect/band]]\n'), codebook);
    assert.deepEqual([t.starts[0], t.ends[0], t.length], [2, 6, 6]);
  });
});

describe('word positions on the example study', () => {
  it('place every segment on exactly its words, in the scan for statistics and in the one for quoting', async () => {
    const example = await loadProject(path.join(__dirname, '../../examples/stay-tuned'));
    const index = example.index;
    let checked = 0;
    for (const doc of index.documents()) {
      const bytes = fs.readFileSync(path.join(example.root, doc.id));
      const text = codedText(doc.id, bytes, index.codebook);
      const layout = wordLayout(bytes, index.codebook);
      assert.equal(layout.length, text.length, doc.id);
      const own = doc.resolved.segments;
      assert.equal(text.codes.length, own.length, doc.id);
      own.forEach((segment, i) => {
        const words = segmentText(index, { document: doc, segment })!.replace(/\s+/g, '');
        assert.equal(text.codes[i], segment.code);
        assert.equal(wordsBetween(bytes, layout, text.starts[i], text.ends[i]), words, `${doc.id} segment ${i}`);
        checked++;
      });
    }
    assert.ok(checked > 200, `${checked} segments checked`);
  });
});

describe('segment matching', () => {
  it('matches by the share of the longer segment', () => {
    assert.equal(matchShare(0, 10, 1, 10), 0.9);
    assert.equal(matchShare(0, 10, 0, 8), 0.8);
    assert.equal(matchShare(0, 10, 10, 20), 0);
    assert.equal(matchShare(5, 5, 5, 5), 1);
  });
});

describe('agreement between two coders', () => {
  it('sorts transcripts into compared, one coder, and differing text', () => {
    const report = agreement(versions());
    assert.deepEqual(
      report.documents.map((d) => [d.file, d.status]),
      [
        ['T1.txt', 'compared'],
        ['T2.txt', 'compared'],
        ['T3.txt', 'one-coder'],
        ['T4.txt', 'text-differs'],
        ['T5.txt', 'one-coder'],
      ],
    );
    assert.deepEqual(report.codes, [G, I, B]);
    assert.deepEqual(report.textDifferences.map((d) => [d.file, d.coders]), [['T4.txt', ['anna', 'bram']]]);
  });

  it('locates a text difference by line, with the words of both versions', () => {
    const v = versions();
    const [located] = locateTextDifferences(agreement(v).textDifferences, v);
    assert.deepEqual(located.lines, [5, 5]);
    assert.deepEqual(located.excerpts, ['T4= Ik ga naar huis.', 'T4= Ik ging naar huis.']);
  });

  it('document level, by hand', () => {
    const { results } = agreement(versions());
    // Patience and band: present for both in T1 and T2. No variation: kappa and alpha undefined.
    assert.deepEqual(result(results, 'document', G), {
      code: G, level: 'document', coders: 2, units: 2, agreed_units: 2, percent_agreement: 100, cohen_kappa: null, krippendorff_alpha: null,
    });
    // Improvisation: (1,0) in T1, (0,0) in T2. p_o = 0.5; p_e = 0.5·0 + 0.5·1 = 0.5: kappa 0.
    // Coincidences o_10 = o_01 = 1, o_00 = 2: n_0 = 3, n_1 = 1; alpha = 1 − 3·2/(2·3) = 0.
    const impro = result(results, 'document', I);
    assert.equal(impro.percent_agreement, 50);
    close(impro.cohen_kappa, 0, 'kappa');
    close(impro.krippendorff_alpha, 0, 'alpha');
    // All codes: 6 (transcript, code) units; (1,1) 4, (1,0) 1, (0,0) 1. p_o = 5/6; Anna present 5/6,
    // Bram 4/6: p_e = 20/36 + 2/36 = 22/36; kappa = (30 − 22)/(36 − 22) = 8/14 = 0.571.
    // Coincidences o_11 = 8, o_00 = 2, o_10 = o_01 = 1; n_1 = 9, n_0 = 3, n = 12; alpha = 1 − 11·2/(2·27) = 0.593.
    const all = result(results, 'document', null);
    assert.equal(all.units, 6);
    close(all.percent_agreement, 83.333, 'percent');
    close(all.cohen_kappa, 0.571, 'kappa');
    close(all.krippendorff_alpha, 0.593, 'alpha');
  });

  it('segment level, by hand: matched segments are one unit, uncoded text is none', () => {
    const { results } = agreement(versions());
    // Units: T1 patience (Anna, –), (–, Bram), band (both), improvisation (Anna, –); T2 patience and band (both).
    const all = result(results, 'segment', null);
    assert.equal(all.units, 6);
    assert.equal(all.agreed_units, 3);
    assert.equal(all.percent_agreement, 50);
    // Categories –, patience, improvisation, band. Contingency (Anna × Bram): (g,–) 1, (–,g) 1, (i,–) 1,
    // (g,g) 1, (b,b) 2. p_o = 3/6; Anna's marginals 1, 2, 1, 2 and Bram's 2, 2, 0, 2 give p_e = 10/36;
    // kappa = (18 − 10)/(36 − 10) = 8/26 = 0.308.
    close(all.cohen_kappa, 0.308, 'kappa');
    close(all.cohen_kappa, cohenKappa([[0, 1, 0, 0], [1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 2]])!, 'kappa from the table');
    // Coincidences: o_g– = o_–g = 2, o_i– = o_–i = 1, o_gg = 2, o_bb = 4; n = 12 with marginals 3, 4, 1, 4;
    // Σ_{c≠d} n_c n_d = 144 − 42 = 102; alpha = 1 − 11·6/102 = 0.353.
    close(all.krippendorff_alpha, 0.353, 'alpha');
    // Patience alone: its own three units, one agreed. Against everything else: (1,1) 1, (1,0) 1, (0,1) 1,
    // (0,0) 3 (the band and improvisation units). p_o = 4/6, p_e = 4/36 + 16/36; kappa = 4/16 = 0.25.
    // Coincidences o_11 = 2, o_10 = o_01 = 2, o_00 = 6; n_1 = 4, n_0 = 8; alpha = 1 − 11·4/(2·32) = 0.3125.
    const g = result(results, 'segment', G);
    assert.equal(g.units, 3);
    close(g.percent_agreement, 33.333, 'percent');
    close(g.cohen_kappa, 0.25, 'kappa');
    close(g.krippendorff_alpha, 0.3125, 'alpha');
  });

  it('matches segments that overlap by a smaller share when asked', () => {
    const { results } = agreement(versions(), { minOverlap: 0.8 });
    const all = result(results, 'segment', null);
    assert.equal(all.units, 5);
    assert.equal(all.percent_agreement, 80);
  });

  it('lists the disagreements in text order, with each coder\'s lines, codes and words', () => {
    const v = versions();
    const report = agreement(v);
    const list = disagreements(report, v);
    assert.deepEqual(
      list.map((d) => [d.file, d.code, d.coders.map((c) => [c.coder, c.has_code, c.codes.join(' '), c.start_line, c.end_line, c.text])]),
      [
        ['T1.txt', G, [['anna', false, `${G} ${B}`, 5, 5, 'Ik wacht gewoon'], ['bram', true, `${G} ${B}`, 5, 5, 'Ik wacht gewoon']]],
        ['T1.txt', G, [['anna', true, `${G} ${B}`, 5, 5, 'Ik wacht gewoon af'], ['bram', false, `${G} ${B}`, 5, 5, 'Ik wacht gewoon af']]],
        ['T1.txt', I, [['anna', true, I, 7, 7, 'Soms speel ik mee op de drums.'], ['bram', false, '', 8, 8, 'Soms speel ik mee op de drums.']]],
      ],
    );
  });

  it('leaves a coder who did not code a transcript out of it, and restricts to codes on request', () => {
    const report = agreement(versions(), { codes: ['effect'] });
    assert.deepEqual(report.codes, [B]);
    assert.deepEqual(result(report.results, 'document', B).units, 2);
    assert.equal(report.disagreements.length, 0);
  });
});

describe('agreement between three coders, with missing data', () => {
  it('gives alpha as for the reliability data matrix, and no kappa', () => {
    // Cato codes T1 like Anna and T2 not at all (missing); T3 is coded by Anna and Cato.
    const cato = {
      'T1.txt': ANNA['T1.txt'].replace('coder: anna', 'coder: cato'),
      'T2.txt': `${head('T2', 'cato')}T2= Rustig blijven is belangrijk.\n`,
      'T3.txt': `${head('T3', 'cato')}T3= Dat weet ik niet. [[afstemmen/geduld]]\n`,
    };
    const v = [...versions(), versionFromTexts('cato', codebook, cato)];
    const report = agreement(v);
    assert.deepEqual(report.documents.slice(0, 3).map((d) => [d.file, d.status, d.codedBy.join(' ')]), [
      ['T1.txt', 'compared', 'anna bram cato'],
      ['T2.txt', 'compared', 'anna bram'],
      ['T3.txt', 'compared', 'anna cato'],
    ]);
    const u = undefined;
    // Document level, units (transcript, code) for codes G, I, B; values of Anna, Bram, Cato.
    const matrix = [
      [1, 1, 1], [1, 0, 1], [1, 1, 1], // T1
      [1, 1, u], [0, 0, u], [1, 1, u], // T2
      [0, u, 1], [0, u, 0], [1, u, 0], // T3
    ];
    const expected = nominalReliability(matrix);
    const all = result(report.results, 'document', null);
    assert.equal(all.coders, 3);
    assert.equal(all.cohen_kappa, null);
    assert.equal(all.units, 9);
    close(all.krippendorff_alpha, expected.krippendorffAlpha!, 'alpha');
    close(all.percent_agreement, expected.percentAgreement!, 'percent');
    // Segment level, T1: patience Anna & Cato matched, Bram's alone; band all three; improvisation Anna & Cato.
    // T2: patience and band Anna & Bram. T3: band Anna alone, patience Cato alone.
    const g = 1;
    const i = 2;
    const b = 3;
    const segments = [
      [g, 0, g], [0, g, 0], [b, b, b], [i, 0, i],
      [g, g, u], [b, b, u],
      [b, u, 0], [0, u, g],
    ];
    const seg = result(report.results, 'segment', null);
    assert.equal(seg.units, 8);
    close(seg.krippendorff_alpha, nominalReliability(segments).krippendorffAlpha!, 'segment alpha');
  });
});

describe('versions from a project index', () => {
  it('compare as versions from bytes do', () => {
    const a = new ProjectIndex(codebook);
    const b = new ProjectIndex(codebook);
    for (const [id, text] of Object.entries(ANNA)) a.set(id, text);
    for (const [id, text] of Object.entries(BRAM)) b.set(id, text);
    const fromIndex = agreement([versionFromIndex('anna', a), versionFromIndex('bram', b)]);
    assert.deepEqual(fromIndex.results, agreement(versions()).results);
  });
});

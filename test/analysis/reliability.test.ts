/**
 * The reliability statistics against published reference values: Krippendorff's worked examples for
 * nominal alpha ("Computing Krippendorff's Alpha-Reliability", 2011) and textbook Cohen's kappa tables,
 * each derived by hand in a comment, to three decimals.
 */
import { strict as assert } from 'node:assert';
import { cohenKappa, nominalReliability, ReliabilityTally } from '../../server/src/engine/agreement/reliability';

const u = undefined;

function close(actual: number | null, expected: number, message?: string): void {
  assert.ok(actual !== null, message ?? 'expected a number, got null');
  assert.equal(actual.toFixed(3), expected.toFixed(3), message);
}

/** Rows are coders, columns are units, as the paper prints them; the functions want units × coders. */
function byUnit(rows: (string | number | undefined)[][]): (string | number | undefined)[][] {
  return rows[0].map((_, i) => rows.map((r) => r[i]));
}

describe("Krippendorff's alpha, nominal, the 2011 paper's examples", () => {
  it('binary data, two observers, no missing data: alpha = 0.095', () => {
    // Units 1–10. Pairs (0,1) in units 1, 3, 6 and (1,0) in unit 9: o_01 = o_10 = 4; o_00 = 10, o_11 = 2.
    // n_0 = 14, n_1 = 6, n = 20. alpha = 1 − (n − 1) o_01 / (n_0 n_1) = 1 − 19·4 / (14·6) = 1 − 76/84 = 0.0952.
    const data = byUnit([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    const s = nominalReliability(data);
    close(s.krippendorffAlpha, 0.095);
    assert.equal(s.values, 20);
    assert.equal(s.units, 10);
    assert.equal(s.percentAgreement, 60);
  });

  it('nominal data, two observers, no missing data: alpha = 0.692', () => {
    // Disagreeing units: (a,b), (b,d), (a,d); each adds 1 to o_cd and o_dc, so Σ_{c≠d} o_cd = 6.
    // Marginals: n_a = 4, n_b = 6, n_c = 6, n_d = 6, n_e = 2; n = 24; Σ n_c² = 128, so Σ_{c≠d} n_c n_d = 576 − 128 = 448.
    // alpha = 1 − 23·6 / 448 = 1 − 138/448 = 0.6920.
    const data = byUnit([
      'a a b b d c c c e d d a'.split(' '),
      'b a b b b c c c e d d d'.split(' '),
    ]);
    const s = nominalReliability(data);
    close(s.krippendorffAlpha, 0.692);
    assert.equal(s.percentAgreement, 75);
  });

  it('nominal data, four observers, missing data: alpha = 0.743', () => {
    // Unit 12 has one value and is not pairable; 11 units give n = 40 pairable values.
    // Coincidences on the diagonal: o_11 = 7, o_22 = 10, o_33 = 8, o_44 = 4, o_55 = 3 (Σ = 32, so Σ_{c≠d} o_cd = 8).
    // Marginals n_1..n_5 = 9, 13, 10, 5, 3; Σ n_c² = 384; Σ_{c≠d} n_c n_d = 1600 − 384 = 1216.
    // alpha = 1 − (n − 1)·8 / 1216 = 1 − 312/1216 = 0.7434.
    const data = byUnit([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, u, u, u],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, u, 3],
      [u, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, u],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, u],
    ]);
    const s = nominalReliability(data);
    close(s.krippendorffAlpha, 0.743);
    assert.equal(s.values, 40);
    assert.equal(s.units, 11);
    assert.equal(s.cohenKappa, null, 'kappa is for two coders only');
    // Observed agreement 32/40.
    assert.equal(s.percentAgreement, 80);
  });

  it('the coincidence matrix of the four-observer example', () => {
    const data = byUnit([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, u, u, u],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, u, 3],
      [u, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, u],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, u],
    ]) as (number | undefined)[][];
    const tally = new ReliabilityTally(6, 4);
    for (const unit of data) tally.add(unit);
    const row = (c: number) => [1, 2, 3, 4, 5].map((d) => tally.coincidences[c * 6 + d].toFixed(3));
    // Unit 6 (1, 2, 3, 4) adds 1/3 to each off-diagonal pair; units 2 and 8 (2, 3, 2, 2 and 1, 1, 2, 1) add 4/3 and 4/3.
    assert.deepEqual(row(1), ['7.000', '1.333', '0.333', '0.333', '0.000']);
    assert.deepEqual(row(2), ['1.333', '10.000', '1.333', '0.333', '0.000']);
    assert.deepEqual(row(5), ['0.000', '0.000', '0.000', '0.000', '3.000']);
  });

  it('is undefined (null) when every value is the same, and when nothing can be paired', () => {
    assert.equal(nominalReliability([[1, 1], [1, 1], [1, 1]]).krippendorffAlpha, null);
    assert.equal(nominalReliability([[1, 1], [1, 1]]).percentAgreement, 100);
    const single = nominalReliability([[1, u], [u, 2]]);
    assert.equal(single.krippendorffAlpha, null);
    assert.equal(single.units, 0);
    assert.equal(single.percentAgreement, null);
  });
});

describe("Cohen's kappa, textbook tables", () => {
  it('two categories, 50 units: kappa = 0.400', () => {
    // Both yes 20, first yes second no 5, first no second yes 10, both no 15.
    // p_o = 35/50 = 0.70; first coder yes 25/50 = 0.5, second 30/50 = 0.6; p_e = 0.5·0.6 + 0.5·0.4 = 0.50.
    // kappa = (0.70 − 0.50) / (1 − 0.50) = 0.400.
    close(cohenKappa([[20, 5], [10, 15]]), 0.4);
  });

  it('the same observed agreement, different kappas (the marginals matter)', () => {
    // 45, 15 / 25, 15 of 100: p_o = 0.60; rows 0.60/0.40, columns 0.70/0.30; p_e = 0.42 + 0.12 = 0.54;
    // kappa = 0.06 / 0.46 = 0.1304.
    close(cohenKappa([[45, 15], [25, 15]]), 0.13);
    // 25, 35 / 5, 35 of 100: p_o = 0.60; rows 0.60/0.40, columns 0.30/0.70; p_e = 0.18 + 0.28 = 0.46;
    // kappa = 0.14 / 0.54 = 0.2593.
    close(cohenKappa([[25, 35], [5, 35]]), 0.259);
  });

  it('three categories, 200 units: kappa = 0.492', () => {
    // Diagonal 88 + 40 + 12 = 140: p_o = 0.70. Rows 120, 60, 20 (0.6, 0.3, 0.1); columns 100, 60, 40
    // (0.5, 0.3, 0.2): p_e = 0.30 + 0.09 + 0.02 = 0.41. kappa = (0.70 − 0.41) / 0.59 = 0.4915.
    close(cohenKappa([[88, 14, 18], [10, 40, 10], [2, 6, 12]]), 0.492);
  });

  it('is 1 for perfect agreement, null when chance agreement is certain', () => {
    close(cohenKappa([[3, 0], [0, 7]]), 1);
    assert.equal(cohenKappa([[10, 0], [0, 0]]), null);
    assert.equal(cohenKappa([[0, 0], [0, 0]]), null);
  });

  it('the tally gives the same kappa from units as from the table', () => {
    const units: number[][] = [];
    const table = [[20, 5], [10, 15]];
    table.forEach((row, a) => row.forEach((count, b) => { for (let i = 0; i < count; i++) units.push([a, b]); }));
    const s = nominalReliability(units);
    close(s.cohenKappa, 0.4);
    assert.equal(s.percentAgreement, 70);
    // Alpha for two coders is Scott's pi corrected for sample size: p_e from pooled marginals 55/100, 45/100
    // is 0.505; pi = (0.70 − 0.505) / 0.495 = 0.3939; with n = 2N = 100 values,
    // alpha = 1 − ((n − 1)/n)(1 − pi) = 1 − 0.99·0.6061 = 0.400.
    close(s.krippendorffAlpha, 0.4);
  });
});

describe('tallies', () => {
  it('add up over units, and collapse to one category against the rest as a recoding would', () => {
    const data: (number | undefined)[][] = [[0, 0, 1], [1, 1, 1], [2, 1, u], [2, 2, 2], [0, 2, 0], [1, u, u]];
    const whole = new ReliabilityTally(3, 3);
    for (const unit of data) whole.add(unit);
    const a = new ReliabilityTally(3, 3);
    const b = new ReliabilityTally(3, 3);
    data.forEach((unit, i) => (i % 2 ? a : b).add(unit));
    a.merge(b);
    assert.deepEqual([...a.coincidences], [...whole.coincidences]);
    assert.equal(a.units, 5);
    for (const category of [0, 1, 2]) {
      const recoded = nominalReliability(data.map((unit) => unit.map((v) => (v === undefined ? u : v === category ? 1 : 0))));
      const collapsed = whole.collapse(category).statistics();
      assert.equal(collapsed.krippendorffAlpha?.toFixed(9), recoded.krippendorffAlpha?.toFixed(9), `category ${category}`);
    }
  });

  it('counts agreed units added in bulk like units added one by one', () => {
    const bulk = new ReliabilityTally(2, 2);
    const single = new ReliabilityTally(2, 2);
    bulk.addAgreed(0, 2, 5);
    for (let i = 0; i < 5; i++) single.add([0, 0]);
    bulk.add([1, 0]);
    single.add([1, 0]);
    assert.deepEqual(bulk.statistics(), single.statistics());
  });
});

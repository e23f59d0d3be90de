/**
 * Reliability statistics for nominal data: percent agreement, Cohen's kappa (two coders) and
 * Krippendorff's alpha (any number of coders, missing values allowed), following Cohen (1960) and
 * Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011).
 *
 * Data come in as units, each with the value every coder gave it (a category number) or `undefined` when
 * that coder gave none. A unit with fewer than two values cannot be compared and is left out, as alpha
 * prescribes. The tallies are additive over units, so several tallies can be merged, and a tally can be
 * collapsed to one category against all others.
 */
import { maxOf } from '../maxOf';

/** The value each coder gave one unit: a category number, or undefined when the coder gave none. */
export type UnitValues = readonly (number | undefined)[];

export interface Statistics {
  /** Units with at least two values. */
  units: number;
  /** Units on which every coder who gave a value gave the same one. */
  agreedUnits: number;
  /** Pairable values (Krippendorff's n). */
  values: number;
  /**
   * 100 × the share of agreeing pairs of values within units (Krippendorff's observed agreement); for two
   * coders, the share of units on which they agree. Null without units.
   */
  percentAgreement: number | null;
  /** Null unless there are exactly two coders; null too when chance agreement is 1 (no variation). */
  cohenKappa: number | null;
  /** Null when no unit can be compared or every value is the same (alpha is then undefined). */
  krippendorffAlpha: number | null;
}

/**
 * Tallies of units over `categories` categories (numbered 0 … categories − 1) for `coders` coders: the
 * coincidence matrix of alpha and, for two coders, the contingency table of kappa.
 */
export class ReliabilityTally {
  /** coincidences[c * k + d]: Krippendorff's o_cd. */
  readonly coincidences: Float64Array;
  /** contingency[c * k + d]: units coded c by the first coder and d by the second (two coders only). */
  readonly contingency: Float64Array;
  units = 0;
  agreedUnits = 0;

  constructor(
    readonly categories: number,
    readonly coders: number,
  ) {
    this.coincidences = new Float64Array(categories * categories);
    this.contingency = new Float64Array(coders === 2 ? categories * categories : 0);
  }

  /** Adds one unit. */
  add(values: UnitValues): void {
    const k = this.categories;
    let m = 0;
    let first = -1;
    let agreed = true;
    for (const v of values) {
      if (v === undefined) continue;
      if (v < 0 || v >= k || !Number.isInteger(v)) throw new RangeError(`category ${v} is not between 0 and ${k - 1}`);
      if (m === 0) first = v;
      else if (v !== first) agreed = false;
      m++;
    }
    if (m < 2) return;
    this.units++;
    if (agreed) this.agreedUnits++;
    if (agreed) {
      // All m values alike: m(m − 1) ordered pairs, weighted 1/(m − 1).
      this.coincidences[first * k + first] += m;
    } else {
      const w = 1 / (m - 1);
      for (let i = 0; i < values.length; i++) {
        const a = values[i];
        if (a === undefined) continue;
        for (let j = 0; j < values.length; j++) {
          const b = values[j];
          if (j === i || b === undefined) continue;
          this.coincidences[a * k + b] += w;
        }
      }
    }
    if (this.coders === 2 && values[0] !== undefined && values[1] !== undefined) this.contingency[values[0] * k + values[1]] += 1;
  }

  /** Adds `count` units on which every coder gave the same value (faster than adding each). */
  addAgreed(category: number, coders: number, count = 1): void {
    if (coders < 2 || count <= 0) return;
    const k = this.categories;
    this.units += count;
    this.agreedUnits += count;
    this.coincidences[category * k + category] += coders * count;
    if (this.coders === 2 && coders === 2) this.contingency[category * k + category] += count;
  }

  /** Adds another tally of the same shape. */
  merge(other: ReliabilityTally): void {
    if (other.categories !== this.categories || other.coders !== this.coders) throw new RangeError('tallies of different shapes');
    for (let i = 0; i < this.coincidences.length; i++) this.coincidences[i] += other.coincidences[i];
    for (let i = 0; i < this.contingency.length; i++) this.contingency[i] += other.contingency[i];
    this.units += other.units;
    this.agreedUnits += other.agreedUnits;
  }

  /**
   * This tally with two categories: `category` (1) against all others (0). Coincidences and contingencies
   * of the merged categories add up, so the statistics of the collapsed tally are those of the data
   * recoded to "this category or not". Units and agreed units are not recounted.
   */
  collapse(category: number): ReliabilityTally {
    const k = this.categories;
    const out = new ReliabilityTally(2, this.coders);
    for (let c = 0; c < k; c++) {
      for (let d = 0; d < k; d++) {
        const to = (c === category ? 2 : 0) + (d === category ? 1 : 0);
        out.coincidences[to] += this.coincidences[c * k + d];
        if (this.contingency.length > 0) out.contingency[to] += this.contingency[c * k + d];
      }
    }
    return out;
  }

  statistics(): Statistics {
    const k = this.categories;
    const o = this.coincidences;
    const marginals = new Float64Array(k);
    let n = 0;
    let observedAgreement = 0;
    for (let c = 0; c < k; c++) {
      for (let d = 0; d < k; d++) marginals[c] += o[c * k + d];
      n += marginals[c];
      observedAgreement += o[c * k + c];
    }
    let alpha: number | null = null;
    if (n > 1) {
      // Nominal metric: δ = 1 for c ≠ d. α = 1 − (n − 1) Σ_{c≠d} o_cd / Σ_{c≠d} n_c n_d.
      let sumMarginals = 0;
      let sumSquares = 0;
      for (let c = 0; c < k; c++) {
        sumMarginals += marginals[c];
        sumSquares += marginals[c] * marginals[c];
      }
      const expected = sumMarginals * sumMarginals - sumSquares;
      const observed = n - observedAgreement;
      if (expected > 0) alpha = 1 - ((n - 1) * observed) / expected;
    }
    return {
      units: this.units,
      agreedUnits: this.agreedUnits,
      values: round(n),
      percentAgreement: n > 0 ? (100 * observedAgreement) / n : null,
      cohenKappa: this.coders === 2 ? kappaOf(this.contingency, k) : null,
      krippendorffAlpha: alpha,
    };
  }
}

/** Cohen's kappa of a k × k contingency table (rows: the first coder, columns: the second). */
export function cohenKappa(table: readonly (readonly number[])[]): number | null {
  const k = table.length;
  const flat = new Float64Array(k * k);
  table.forEach((row, c) => {
    if (row.length !== k) throw new RangeError('a contingency table must be square');
    row.forEach((x, d) => (flat[c * k + d] = x));
  });
  return kappaOf(flat, k);
}

function kappaOf(table: Float64Array, k: number): number | null {
  let total = 0;
  let agree = 0;
  const rows = new Float64Array(k);
  const columns = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      const x = table[c * k + d];
      total += x;
      rows[c] += x;
      columns[d] += x;
      if (c === d) agree += x;
    }
  }
  if (total === 0) return null;
  const po = agree / total;
  let pe = 0;
  for (let c = 0; c < k; c++) pe += (rows[c] / total) * (columns[c] / total);
  if (pe >= 1 - 1e-12) return null;
  return (po - pe) / (1 - pe);
}

/**
 * Statistics of a reliability data matrix: one row per unit, one column per coder, `undefined` for a
 * missing value. Values may be any strings or numbers; they are compared as nominal categories.
 */
export function nominalReliability(units: readonly (readonly (string | number | undefined | null)[])[]): Statistics {
  const ids = new Map<string | number, number>();
  for (const u of units) for (const v of u) if (v !== undefined && v !== null && !ids.has(v)) ids.set(v, ids.size);
  const coders = maxOf(units.map((u) => u.length), 0);
  const tally = new ReliabilityTally(Math.max(1, ids.size), coders);
  for (const u of units) tally.add(u.map((v) => (v === undefined || v === null ? undefined : ids.get(v))));
  return tally.statistics();
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

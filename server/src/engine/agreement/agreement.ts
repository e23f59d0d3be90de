/**
 * Inter-coder agreement: two or more coders' versions of the same transcripts, compared per code and for
 * all codes together, at two levels, as MAXQDA and ATLAS.ti offer them.
 *
 * Transcripts are matched by path. A version without any tag counts as not coded by that coder (missing
 * data, not "no code applies"); a transcript that fewer than two coders coded cannot be compared and is
 * left out, as alpha prescribes for units with fewer than two values. Versions whose words differ (see
 * codedText.ts) are an error, reported in `textDifferences`, and that transcript is left out.
 *
 * Document level: each (transcript, code) has the value "present" or "absent" for each coder who coded
 * the transcript. Per code the units are the transcripts; for all codes together, every (transcript,
 * code) pair of the codes anyone used.
 *
 * Segment level: segments of one code by different coders match when they overlap by at least
 * `minOverlap` (default 90 %) of the longer one, counted in code points of the words. Matched segments
 * form one unit; a segment without a match is a unit of its own. A coder's value for a unit is its code
 * when they have a segment in it and "not coded" otherwise; uncoded text is never a unit, so it cannot
 * inflate agreement. For all codes together, kappa and alpha are computed on these values (the codes and
 * "not coded" as categories). Per code, percent agreement is over that code's units; kappa and alpha are
 * category-specific, the code against every other value, so the other codes' units supply the cases in
 * which both coders agree the code does not apply.
 */
import type { Codebook } from '../codebook/codebook';
import { compareNatural } from '../project/projectIndex';
import { ReliabilityTally } from './reliability';
import type { CodedText } from './codedText';

/** One coder's version of the project. */
export interface CoderVersion {
  /** How reports name the coder: a folder name or a git revision. */
  name: string;
  codebook: Codebook;
  /** Each transcript of the version, by path. */
  texts: ReadonlyMap<string, CodedText>;
  /** The bytes of a transcript of this version again, for quoting it; undefined when it cannot be read. */
  read(id: string): Uint8Array | undefined;
}

export interface AgreementOptions {
  /** Share of the longer segment that two segments must overlap to match, above 0 and at most 1 (default 0.9). */
  minOverlap?: number;
  /** Only these codes and their subcodes. */
  codes?: readonly string[];
}

export type AgreementLevel = 'document' | 'segment';

/** One row of the results: one code (or all, `code: null`) at one level. Keys as in `--format json`. */
export interface AgreementResult {
  code: string | null;
  level: AgreementLevel;
  coders: number;
  /** Units with at least two coders' values. */
  units: number;
  /** Units on which all those coders agree. */
  agreed_units: number;
  /** 0–100; null without units. */
  percent_agreement: number | null;
  /** Null with more than two coders, or when undefined (no variation). */
  cohen_kappa: number | null;
  /** Null when undefined (no variation, or nothing to compare). */
  krippendorff_alpha: number | null;
}

export type DocumentStatus = 'compared' | 'one-coder' | 'not-coded' | 'text-differs';

export interface DocumentComparison {
  file: string;
  status: DocumentStatus;
  /** Coders whose version has the transcript. */
  present: string[];
  /** Coders who coded it (their version has a tag). */
  codedBy: string[];
}

/** The words of a transcript differ between two coders' versions. */
export interface TextDifference {
  file: string;
  /** The first coder who coded it, and the one whose words differ. */
  coders: [string, string];
  /** Filled in by `locateTextDifferences`: where the words first differ, 1-based line in each version. */
  lines?: [number, number];
  /** A few words from the first difference on, in each version. */
  excerpts?: [string, string];
}

/** A segment unit on which the coders do not all agree. Word positions; see `disagreements` for text. */
export interface DisagreementPlace {
  file: string;
  code: string;
  start: number;
  end: number;
  /** Per coder (in the order of `coders`): index of their segment in the unit, -1 for none, null when they did not code the transcript. */
  members: (number | null)[];
}

export interface AgreementReport {
  coders: string[];
  minOverlap: number;
  /** The codes compared, in the first coder's codebook order. */
  codes: string[];
  documents: DocumentComparison[];
  textDifferences: TextDifference[];
  /** Codes used in some version that another coder's codebook does not have. */
  codebookDifferences: { code: string; missingIn: string[] }[];
  /** For each level: all codes (code null), then each code in codebook order. */
  results: AgreementResult[];
  disagreements: DisagreementPlace[];
}

export const DEFAULT_MIN_OVERLAP = 0.9;
/** Units keep the coders they hold as bits of a number. */
export const MAX_CODERS = 30;

export function agreement(versions: readonly CoderVersion[], options: AgreementOptions = {}): AgreementReport {
  if (versions.length < 2 || versions.length > MAX_CODERS) throw new RangeError(`agreement compares 2 to ${MAX_CODERS} versions`);
  const minOverlap = options.minOverlap ?? DEFAULT_MIN_OVERLAP;
  if (!(minOverlap > 0 && minOverlap <= 1)) throw new RangeError('minOverlap must be above 0 and at most 1');
  const m = versions.length;
  const coders = versions.map((v) => v.name);
  const allowed = codeFilter(options.codes);

  // Every path, in natural order.
  const files = new Set<string>();
  for (const v of versions) for (const id of v.texts.keys()) files.add(id);
  const paths = [...files].sort(compareNatural);

  // Codes: the first codebook's order, then codes only other codebooks have.
  const codeOrder = new Map<string, number>();
  for (const v of versions) for (const c of v.codebook.codes.keys()) if (!codeOrder.has(c)) codeOrder.set(c, codeOrder.size);
  const used = new Set<string>();

  const documents: DocumentComparison[] = [];
  const textDifferences: TextDifference[] = [];
  const compared: { file: string; texts: (CodedText | undefined)[] }[] = [];
  for (const file of paths) {
    const texts = versions.map((v) => v.texts.get(file));
    const present = coders.filter((_, k) => texts[k] !== undefined);
    const codedBy = coders.filter((_, k) => texts[k]?.coded);
    let status: DocumentStatus = codedBy.length >= 2 ? 'compared' : codedBy.length === 1 ? 'one-coder' : 'not-coded';
    if (status === 'compared') {
      const reference = texts.findIndex((t) => t?.coded);
      const ref = texts[reference]!;
      texts.forEach((t, k) => {
        if (k === reference || !t?.coded) return;
        if (t.fingerprint !== ref.fingerprint || t.length !== ref.length) {
          textDifferences.push({ file, coders: [coders[reference], coders[k]] });
          status = 'text-differs';
        }
      });
    }
    documents.push({ file, status, present, codedBy });
    if (status !== 'compared') continue;
    // Values of coders who did not code it are missing.
    const coded = texts.map((t) => (t?.coded ? t : undefined));
    compared.push({ file, texts: coded });
    for (const t of coded) if (t) for (const c of t.codes) if (allowed(c)) used.add(c);
  }

  const codes = [...used].sort((a, b) => (codeOrder.get(a) ?? Infinity) - (codeOrder.get(b) ?? Infinity) || compareNatural(a, b));
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const k = codes.length;

  // Document level: one binary tally per code.
  const documentTallies = codes.map(() => new ReliabilityTally(2, m));
  // Segment level: categories 0 = not coded, 1 + i = codes[i]; and each code's own units.
  const pooled = new ReliabilityTally(k + 1, m);
  const ownUnits = codes.map(() => new ReliabilityTally(2, m));
  const disagreements: DisagreementPlace[] = [];

  const present = new Uint8Array(k * m);
  const values: (number | undefined)[] = new Array(m);
  const binary: (number | undefined)[] = new Array(m);
  for (const { file, texts } of compared) {
    present.fill(0);
    const places: { place: DisagreementPlace; code: number }[] = [];
    // Segments of each code by coder, as [start, end, index].
    const byCode: Segments[][] = codes.map(() => []);
    texts.forEach((t, coder) => {
      if (!t) return;
      for (let i = 0; i < t.codes.length; i++) {
        const c = codeIndex.get(t.codes[i]);
        if (c === undefined) continue;
        present[c * m + coder] = 1;
        let list = byCode[c][coder];
        if (!list) byCode[c][coder] = list = [];
        list.push(i);
      }
    });
    for (let c = 0; c < k; c++) {
      for (let coder = 0; coder < m; coder++) values[coder] = texts[coder] ? present[c * m + coder] : undefined;
      documentTallies[c].add(values);
      if (byCode[c].length === 0) continue;
      for (const unit of matchSegments(texts, byCode[c], minOverlap)) {
        let agreed = true;
        for (let coder = 0; coder < m; coder++) {
          const member = unit.members[coder];
          values[coder] = member === null ? undefined : member >= 0 ? c + 1 : 0;
          binary[coder] = member === null ? undefined : member >= 0 ? 1 : 0;
          if (member === -1) agreed = false;
        }
        pooled.add(values);
        ownUnits[c].add(binary);
        if (!agreed) places.push({ place: { file, code: codes[c], start: unit.start, end: unit.end, members: unit.members }, code: c });
      }
    }
    // In the order of the text, so that coders can go through them from top to bottom.
    places.sort((x, y) => x.place.start - y.place.start || x.place.end - y.place.end || x.code - y.code);
    for (const p of places) disagreements.push(p.place);
  }

  const results: AgreementResult[] = [];
  const row = (code: string | null, level: AgreementLevel, units: ReliabilityTally, statistics: ReliabilityTally): AgreementResult => {
    const own = units.statistics();
    const s = statistics === units ? own : statistics.statistics();
    return {
      code,
      level,
      coders: m,
      units: own.units,
      agreed_units: own.agreedUnits,
      percent_agreement: own.percentAgreement,
      cohen_kappa: s.cohenKappa,
      krippendorff_alpha: s.krippendorffAlpha,
    };
  };
  const allDocuments = new ReliabilityTally(2, m);
  for (const t of documentTallies) allDocuments.merge(t);
  results.push(row(null, 'document', allDocuments, allDocuments));
  codes.forEach((code, c) => results.push(row(code, 'document', documentTallies[c], documentTallies[c])));
  results.push(row(null, 'segment', pooled, pooled));
  codes.forEach((code, c) => results.push(row(code, 'segment', ownUnits[c], pooled.collapse(c + 1))));

  const codebookDifferences: AgreementReport['codebookDifferences'] = [];
  for (const code of codes) {
    const missingIn = versions.filter((v) => !v.codebook.codes.has(code)).map((v) => v.name);
    if (missingIn.length > 0) codebookDifferences.push({ code, missingIn });
  }

  return { coders, minOverlap, codes, documents, textDifferences, codebookDifferences, results, disagreements };
}

/** Segment indices of one code, per coder (undefined: none). */
type Segments = number[];

interface SegmentUnit {
  start: number;
  end: number;
  members: (number | null)[];
}

/**
 * Groups the segments of one code in one transcript into units. Pairs of segments of different coders
 * that match are joined best match first (the larger share of the longer segment, then the earlier
 * place), as long as a unit holds at most one segment of each coder; every segment left over is a unit
 * of its own. Members are the segments' indices; -1 for a coder without a segment in the unit; null for
 * a coder who did not code the transcript.
 */
export function matchSegments(texts: readonly (CodedText | undefined)[], byCoder: readonly (Segments | undefined)[], minOverlap: number): SegmentUnit[] {
  const m = texts.length;
  // Flatten: node = one segment of one coder.
  const nodeCoder: number[] = [];
  const nodeIndex: number[] = [];
  const nodeStart: number[] = [];
  const nodeEnd: number[] = [];
  for (let coder = 0; coder < m; coder++) {
    const t = texts[coder];
    for (const i of byCoder[coder] ?? []) {
      nodeCoder.push(coder);
      nodeIndex.push(i);
      nodeStart.push(t!.starts[i]);
      nodeEnd.push(t!.ends[i]);
    }
  }
  const count = nodeCoder.length;
  const edges: { a: number; b: number; share: number }[] = [];
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      if (nodeCoder[a] === nodeCoder[b]) continue;
      const share = matchShare(nodeStart[a], nodeEnd[a], nodeStart[b], nodeEnd[b]);
      if (share >= minOverlap) edges.push({ a, b, share });
    }
  }
  edges.sort((x, y) => y.share - x.share || nodeStart[x.a] - nodeStart[y.a] || x.a - y.a || x.b - y.b);

  // Union-find over nodes; each root keeps the coders it holds.
  const parent = Array.from({ length: count }, (_, i) => i);
  const holds: number[] = nodeCoder.map((c) => 1 << c);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const { a, b } of edges) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    if ((holds[ra] & holds[rb]) !== 0) continue;
    parent[rb] = ra;
    holds[ra] |= holds[rb];
  }

  const units = new Map<number, SegmentUnit>();
  for (let node = 0; node < count; node++) {
    const root = find(node);
    let unit = units.get(root);
    if (!unit) {
      unit = { start: nodeStart[node], end: nodeEnd[node], members: texts.map((t) => (t ? -1 : null)) };
      units.set(root, unit);
    }
    unit.members[nodeCoder[node]] = nodeIndex[node];
    unit.start = Math.min(unit.start, nodeStart[node]);
    unit.end = Math.max(unit.end, nodeEnd[node]);
  }
  return [...units.values()].sort((x, y) => x.start - y.start || x.end - y.end);
}

/**
 * How well two segments match: their overlap as a share of the longer one (1 for two empty segments at
 * the same place, 0 when they do not overlap).
 */
export function matchShare(s1: number, e1: number, s2: number, e2: number): number {
  const longer = Math.max(e1 - s1, e2 - s2);
  if (longer === 0) return s1 === s2 ? 1 : 0;
  const overlap = Math.min(e1, e2) - Math.max(s1, s2);
  return overlap > 0 ? overlap / longer : 0;
}

function codeFilter(roots: readonly string[] | undefined): (code: string) => boolean {
  if (!roots || roots.length === 0) return () => true;
  return (code) => roots.some((r) => code === r || code.startsWith(r + '/'));
}

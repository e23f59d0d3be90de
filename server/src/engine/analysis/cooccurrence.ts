/**
 * Code co-occurrence, as MAXQDA's Code Relations Browser shows it: for every two codes, how often they
 * occur together and in how many participants, with the unit of "together" chosen by the user, and the
 * segments behind every cell.
 *
 * The count of a cell is the number of pairs of segments, one of each code, from the same transcript,
 * that are together in the unit:
 * - `overlap`: the two segments share at least one character (a passage inside a coded paragraph, two
 *   overlapping passages, two codes on one passage);
 * - `paragraph`: they stand in the same paragraph;
 * - `turn`: they stand in the same speaker turn;
 * - `window:N`: their paragraphs are at most N paragraphs apart (`window:0` is `paragraph`).
 * A segment belongs to the paragraph and turn in which it starts. The participant count of a cell is the
 * number of participants for whom at least one such pair has both segments attributed to them. Segments
 * of one code never pair with each other, so the diagonal stays empty; `segments` gives each code's size.
 */
import type { ProjectIndex } from '../project/projectIndex';
import { lineOfOffset } from '../text/positions';
import type { Segment } from '../transcript/resolve';
import { cleanText } from '../transcript/transcript';

export type CooccurrenceUnit =
  | { kind: 'overlap' }
  | { kind: 'paragraph' }
  | { kind: 'turn' }
  | { kind: 'window'; paragraphs: number };

/** Reads `overlap`, `paragraph`, `turn` or `window:N`; undefined for anything else. */
export function parseCooccurrenceUnit(text: string): CooccurrenceUnit | undefined {
  if (text === 'overlap' || text === 'paragraph' || text === 'turn') return { kind: text };
  const m = /^window:(\d{1,4})$/.exec(text);
  return m ? { kind: 'window', paragraphs: Number(m[1]) } : undefined;
}

export function unitName(unit: CooccurrenceUnit): string {
  return unit.kind === 'window' ? `window:${unit.paragraphs}` : unit.kind;
}

export interface CooccurrenceOptions {
  unit: CooccurrenceUnit;
  /** Only these codes and their subcodes (paths); default every code with a segment. */
  codes?: readonly string[];
  /** Include interviewer turns (default: the project's `count_interviewers`). */
  withInterviewers?: boolean;
}

export interface CooccurrenceMatrix {
  unit: CooccurrenceUnit;
  /** Rows and columns: the codes with at least one segment, in codebook order. */
  codes: string[];
  /** Segments of each code. */
  segments: number[];
  /** cells[i][j]: pairs of segments of codes i and j that are together in the unit; symmetric, 0 on the diagonal. */
  cells: number[][];
  /** participantCells[i][j]: participants with at least one such pair. */
  participantCells: number[][];
  /** The largest cell, for scaling a heat map. */
  maxCell: number;
  documents: number;
}

/** The code × code co-occurrence matrix of a project. */
export function cooccurrence(index: ProjectIndex, options: CooccurrenceOptions): CooccurrenceMatrix {
  const withInterviewers = options.withInterviewers ?? index.codebook.settings.countInterviewers;
  const allowed = allowedCodes(options.codes);
  const documents = index.documents();

  // Codes with a segment, in codebook order.
  const used = new Set<string>();
  for (const doc of documents) {
    for (const s of doc.resolved.segments) if (counts(s, withInterviewers) && allowed(s.code)) used.add(s.code);
  }
  const codes = [...index.codebook.codes.keys()].filter((c) => used.has(c));
  const position = new Map(codes.map((c, i) => [c, i]));
  const k = codes.length;
  const cells = new Float64Array(k * k);
  const segments = new Array<number>(k).fill(0);
  // Cell → participants, kept as sets only for cells that have a pair.
  const participants = new Map<number, Set<string>>();

  for (const doc of documents) {
    const list: IndexedSegment[] = [];
    for (const s of doc.resolved.segments) {
      const at = position.get(s.code);
      if (at === undefined || !counts(s, withInterviewers)) continue;
      list.push({ segment: s, code: at });
      segments[at]++;
    }
    if (list.length < 2) continue;
    forEachPair(list, options.unit, (a, b) => {
      if (a.code === b.code) return;
      cells[a.code * k + b.code]++;
      cells[b.code * k + a.code]++;
      if (a.segment.participant !== b.segment.participant) return;
      const key = Math.min(a.code, b.code) * k + Math.max(a.code, b.code);
      let set = participants.get(key);
      if (!set) participants.set(key, (set = new Set()));
      set.add(a.segment.participant);
    });
  }

  const matrix: number[][] = [];
  const participantMatrix: number[][] = [];
  let maxCell = 0;
  for (let i = 0; i < k; i++) {
    const row: number[] = [];
    const prow: number[] = [];
    for (let j = 0; j < k; j++) {
      const n = cells[i * k + j];
      row.push(n);
      if (n > maxCell) maxCell = n;
      prow.push(participants.get(Math.min(i, j) * k + Math.max(i, j))?.size ?? 0);
    }
    matrix.push(row);
    participantMatrix.push(prow);
  }
  return { unit: options.unit, codes, segments, cells: matrix, participantCells: participantMatrix, maxCell, documents: documents.length };
}

/** One segment of a co-occurring pair, as a front end shows it and jumps to it. */
export interface PairSegment {
  code: string;
  /** UTF-16 offsets into the transcript. */
  start: number;
  end: number;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  participant: string;
  speaker?: string;
  /** The words without markup; undefined when the transcript cannot be read. */
  text?: string;
}

export interface CooccurringPair {
  file: string;
  /** A segment of the first code asked for. */
  first: PairSegment;
  /** A segment of the second code asked for. */
  second: PairSegment;
}

/**
 * The pairs behind one cell of the matrix: every segment of `first` together with a segment of `second`
 * in the unit, by file and position. Their number is the cell's count.
 */
export function cooccurringSegments(
  index: ProjectIndex,
  first: string,
  second: string,
  options: Omit<CooccurrenceOptions, 'codes'> & { withText?: boolean },
): CooccurringPair[] {
  if (first === second) return [];
  const withInterviewers = options.withInterviewers ?? index.codebook.settings.countInterviewers;
  const pairs: CooccurringPair[] = [];
  for (const doc of index.documents()) {
    const list: IndexedSegment[] = [];
    for (const s of doc.resolved.segments) {
      if (!counts(s, withInterviewers)) continue;
      if (s.code === first) list.push({ segment: s, code: 0 });
      else if (s.code === second) list.push({ segment: s, code: 1 });
    }
    if (list.length < 2) continue;
    const found: [Segment, Segment][] = [];
    forEachPair(list, options.unit, (a, b) => {
      if (a.code === b.code) return;
      found.push(a.code === 0 ? [a.segment, b.segment] : [b.segment, a.segment]);
    });
    if (found.length === 0) continue;
    found.sort((x, y) => x[0].span.start - y[0].span.start || x[1].span.start - y[1].span.start || x[0].span.end - y[0].span.end || x[1].span.end - y[1].span.end);
    const parsed = options.withText === false ? undefined : index.parsed(doc.id);
    const describe = (s: Segment): PairSegment => ({
      code: s.code,
      start: s.span.start,
      end: s.span.end,
      startLine: lineOfOffset(doc.digest.lineStarts, s.span.start) + 1,
      endLine: lineOfOffset(doc.digest.lineStarts, Math.max(s.span.start, s.span.end - 1)) + 1,
      participant: s.participant,
      speaker: s.speaker,
      text: parsed ? cleanText(parsed, s.span) : undefined,
    });
    for (const [a, b] of found) pairs.push({ file: doc.id, first: describe(a), second: describe(b) });
  }
  // index.documents() is in natural order of paths, so the pairs are too.
  return pairs;
}

interface IndexedSegment {
  segment: Segment;
  /** Position of its code in the matrix (or 0/1 for the two codes of a retrieval). */
  code: number;
}

function counts(s: Segment, withInterviewers: boolean): boolean {
  return withInterviewers || s.role !== 'interviewer';
}

function allowedCodes(roots: readonly string[] | undefined): (code: string) => boolean {
  if (!roots || roots.length === 0) return () => true;
  return (code) => roots.some((r) => code === r || code.startsWith(r + '/'));
}

/**
 * Calls `visit` once for every unordered pair of segments of one document that are together in the unit.
 * Work is proportional to the pairs found (plus sorting), not to the square of the segments.
 */
function forEachPair(list: IndexedSegment[], unit: CooccurrenceUnit, visit: (a: IndexedSegment, b: IndexedSegment) => void): void {
  switch (unit.kind) {
    case 'overlap': {
      const sorted = [...list].sort((a, b) => a.segment.span.start - b.segment.span.start || a.segment.span.end - b.segment.span.end);
      const active: IndexedSegment[] = [];
      for (const s of sorted) {
        const start = s.segment.span.start;
        // Segments that end at or before this start can overlap nothing from here on.
        let w = 0;
        for (const a of active) if (a.segment.span.end > start) active[w++] = a;
        active.length = w;
        if (s.segment.span.end > start) {
          for (const a of active) visit(a, s);
          active.push(s);
        }
      }
      return;
    }
    case 'paragraph':
      groupedPairs(list, (s) => s.segment.paragraph, 0, visit);
      return;
    case 'window':
      groupedPairs(list, (s) => s.segment.paragraph, unit.paragraphs, visit);
      return;
    case 'turn':
      groupedPairs(list, (s) => s.segment.turn, 0, visit);
      return;
  }
}

/** Pairs whose keys (paragraph or turn numbers, −1 for none) are at most `reach` apart. */
function groupedPairs(list: IndexedSegment[], key: (s: IndexedSegment) => number, reach: number, visit: (a: IndexedSegment, b: IndexedSegment) => void): void {
  const sorted = list.filter((s) => key(s) >= 0).sort((a, b) => key(a) - key(b) || a.segment.span.start - b.segment.span.start);
  for (let i = 0; i < sorted.length; i++) {
    const ki = key(sorted[i]);
    for (let j = i + 1; j < sorted.length && key(sorted[j]) - ki <= reach; j++) visit(sorted[i], sorted[j]);
  }
}

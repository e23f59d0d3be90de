/**
 * How often each code was used and by whom: the code × participant matrix, with or without the
 * segments of subcodes rolled up into their parents (as MAXQDA offers both), and codes ranked the way a
 * results chapter lists them.
 */
import { descendants, type Code, type Codebook } from '../codebook/codebook';
import { compareNatural, type IndexedDocument, type ProjectIndex } from '../project/projectIndex';

export interface CountOptions {
  /** Add the segments of every subcode to its parent's counts. */
  includeSubcodes?: boolean;
  /**
   * A category (a code with `codable: false`) counts the segments of the codes below it, as the editor's
   * Codes view and matrix show it, instead of 0. Implied by includeSubcodes.
   */
  categoriesAddUp?: boolean;
  /** Count interviewer turns as well (default: the project's `count_interviewers`). */
  withInterviewers?: boolean;
  /**
   * Only these documents (a group of a report, e.g. one discipline). Their segments are counted one by one;
   * without it the index's running totals are used.
   */
  documents?: (document: IndexedDocument) => boolean;
}

export interface CodeCount {
  path: string;
  /** Number of segments. */
  segments: number;
  /** Participants with at least one segment, in natural order. */
  participants: string[];
  /** Segments per participant. */
  byParticipant: ReadonlyMap<string, number>;
}

/**
 * The codes whose segments count for `code`: the code itself, and the codes below it when subcodes are
 * included or when it is a category that adds up its codes. The one rule for every view that counts.
 */
export function countedCodes(codebook: Codebook, code: Code, options: Pick<CountOptions, 'includeSubcodes' | 'categoriesAddUp'>): Code[] {
  const rollUp = options.includeSubcodes || (options.categoriesAddUp && !code.codable);
  return rollUp ? [code, ...descendants(codebook, code.path)] : [code];
}

/** Counts of one code (cheaper than all of them, for a hover or a lens). */
export function codeCount(index: ProjectIndex, path: string, options: CountOptions = {}): CodeCount {
  const withInterviewers = options.withInterviewers ?? index.codebook.settings.countInterviewers;
  const sources = options.includeSubcodes ? [path, ...descendants(index.codebook, path).map((c) => c.path)] : [path];
  const byParticipant = new Map<string, number>();
  let segments = 0;
  for (const source of sources) {
    for (const [p, n] of index.countsOf(source, withInterviewers)) {
      byParticipant.set(p, (byParticipant.get(p) ?? 0) + n);
      segments += n;
    }
  }
  return { path, segments, participants: [...byParticipant.keys()].sort(compareNatural), byParticipant };
}

/** Counts for every code of the codebook, in codebook order. */
export function codeCounts(index: ProjectIndex, options: CountOptions = {}): Map<string, CodeCount> {
  const withInterviewers = options.withInterviewers ?? index.codebook.settings.countInterviewers;
  const codebook = index.codebook;
  const direct = options.documents
    ? countSegments(index, options.documents, withInterviewers)
    : new Map<string, ReadonlyMap<string, number>>([...codebook.codes.keys()].map((path) => [path, index.countsOf(path, withInterviewers)]));
  const result = new Map<string, CodeCount>();
  for (const code of codebook.codes.values()) {
    const sources = countedCodes(codebook, code, options);
    const byParticipant = new Map<string, number>();
    let segments = 0;
    for (const c of sources) {
      for (const [p, n] of direct.get(c.path) ?? []) {
        byParticipant.set(p, (byParticipant.get(p) ?? 0) + n);
        segments += n;
      }
    }
    result.set(code.path, {
      path: code.path,
      segments,
      participants: [...byParticipant.keys()].sort(compareNatural),
      byParticipant,
    });
  }
  return result;
}

export interface CodeMatrix {
  /** Row codes, in codebook order. */
  codes: string[];
  /** Column participants, in natural order. */
  participants: string[];
  /** cells[row][column]: segments. */
  cells: number[][];
  rows: CodeCount[];
  /** Segments per participant over all codes (each segment once, even with subcodes rolled up). */
  columnTotals: number[];
}

export function codeMatrix(index: ProjectIndex, options: CountOptions = {}): CodeMatrix {
  const counts = codeCounts(index, options);
  const participants = participantColumns(index, options);
  const codes = [...counts.keys()];
  const rows = codes.map((c) => counts.get(c)!);
  const cells = rows.map((r) => participants.map((p) => r.byParticipant.get(p) ?? 0));
  const direct = options.includeSubcodes || options.categoriesAddUp ? codeCounts(index, { ...options, includeSubcodes: false, categoriesAddUp: false }) : counts;
  const columnTotals = participants.map((p) => {
    let total = 0;
    for (const r of direct.values()) total += r.byParticipant.get(p) ?? 0;
    return total;
  });
  return { codes, participants, cells, rows, columnTotals };
}

/** The participants a table has columns for: every participant, and interviewers when they are counted. */
export function participantColumns(index: ProjectIndex, options: CountOptions = {}): string[] {
  const withInterviewers = options.withInterviewers ?? index.codebook.settings.countInterviewers;
  const all = new Set<string>();
  if (options.documents) {
    // As the index counts participants: each document's, and everyone a participant segment is attributed to.
    for (const doc of index.documents()) {
      if (!options.documents(doc)) continue;
      all.add(doc.resolved.participant);
      for (const s of doc.resolved.segments) if (s.role === 'participant' || withInterviewers) all.add(s.participant);
    }
  } else {
    for (const p of index.participants()) all.add(p);
    if (withInterviewers) for (const i of index.interviewers()) all.add(i);
  }
  return [...all].sort(compareNatural);
}

/** code → participant → segments, over the documents a filter keeps. */
function countSegments(index: ProjectIndex, keep: (document: IndexedDocument) => boolean, withInterviewers: boolean): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const doc of index.documents()) {
    if (!keep(doc)) continue;
    for (const s of doc.resolved.segments) {
      if (s.role === 'interviewer' && !withInterviewers) continue;
      let byParticipant = counts.get(s.code);
      if (!byParticipant) counts.set(s.code, (byParticipant = new Map()));
      byParticipant.set(s.participant, (byParticipant.get(s.participant) ?? 0) + 1);
    }
  }
  return counts;
}

export interface RankOptions extends CountOptions {
  /** Only these codes (default: every codable code). */
  filter?: (code: Code) => boolean;
}

/**
 * Codes ranked as a results chapter lists them: by how many participants mentioned them, then by number
 * of segments, then in codebook order. Codes nobody used are left out.
 */
export function rankCodes(index: ProjectIndex, options: RankOptions = {}): CodeCount[] {
  const counts = codeCounts(index, options);
  const filter = options.filter ?? ((c: Code) => c.codable);
  const codebook = index.codebook;
  return [...counts.values()]
    .filter((c) => c.segments > 0 && filter(codebook.codes.get(c.path)!))
    .sort(
      (a, b) =>
        b.participants.length - a.participants.length ||
        b.segments - a.segments ||
        codebook.codes.get(a.path)!.order - codebook.codes.get(b.path)!.order,
    );
}

/**
 * Retrieval of coded segments: of a code (with or without its subcodes), of a participant, of the
 * documents with a given value of a document variable, or any combination; each with its text and place.
 */
import { descendants } from '../codebook/codebook';
import { compareNatural, type IndexedDocument, type ProjectIndex } from '../project/projectIndex';
import type { Segment } from '../transcript/resolve';
import { lineOfOffset } from '../text/positions';
import { cleanText } from '../transcript/transcript';

export interface SegmentQuery {
  code?: string;
  includeSubcodes?: boolean;
  participant?: string;
  /** Only documents whose variable `name` has this value. */
  variable?: { name: string; value: string };
  /** Include interviewer turns (default: the project's `count_interviewers`). */
  withInterviewers?: boolean;
}

export interface SegmentHit {
  document: IndexedDocument;
  segment: Segment;
}

export function findSegments(index: ProjectIndex, query: SegmentQuery = {}): SegmentHit[] {
  const withInterviewers = query.withInterviewers ?? index.codebook.settings.countInterviewers;
  let codes: Set<string> | undefined;
  if (query.code !== undefined) {
    codes = new Set([query.code]);
    if (query.includeSubcodes) for (const d of descendants(index.codebook, query.code)) codes.add(d.path);
  }
  const hits: SegmentHit[] = [];
  for (const document of index.documents()) {
    if (query.variable && documentVariable(document, query.variable.name) !== query.variable.value) continue;
    for (const segment of document.resolved.segments) {
      if (codes && !codes.has(segment.code)) continue;
      if (!withInterviewers && segment.role === 'interviewer') continue;
      if (query.participant !== undefined && segment.participant !== query.participant) continue;
      hits.push({ document, segment });
    }
  }
  hits.sort(
    (a, b) =>
      compareNatural(a.document.id, b.document.id) ||
      a.segment.span.start - b.segment.span.start ||
      a.segment.span.end - b.segment.span.end,
  );
  return hits;
}

/** A document variable's value; `participant` is one too. */
export function documentVariable(document: IndexedDocument, name: string): string | undefined {
  if (name === 'participant') return document.resolved.participant;
  return document.digest.frontMatter?.variables[name];
}

/** Every variable name used in the project's front matter, and its values. */
export function documentVariables(index: ProjectIndex): Map<string, string[]> {
  const result = new Map<string, Set<string>>();
  for (const d of index.documents()) {
    for (const [k, v] of Object.entries(d.digest.frontMatter?.variables ?? {})) {
      let values = result.get(k);
      if (!values) result.set(k, (values = new Set()));
      values.add(v);
    }
  }
  return new Map([...result].map(([k, v]) => [k, [...v].sort(compareNatural)]));
}

/**
 * The segment's words, with all tag and passage markup removed; undefined when the document's text
 * cannot be read any more.
 */
export function segmentText(index: ProjectIndex, hit: SegmentHit): string | undefined {
  const parsed = index.parsed(hit.document.id);
  return parsed ? cleanText(parsed, hit.segment.span) : undefined;
}

/** First and last line of the segment, 1-based and inclusive. */
export function segmentLines(hit: SegmentHit): { start: number; end: number } {
  const lines = hit.document.digest.lineStarts;
  const { start, end } = hit.segment.span;
  return { start: lineOfOffset(lines, start) + 1, end: lineOfOffset(lines, Math.max(start, end - 1)) + 1 };
}

/**
 * Coding in the editor, as the server answers it: the edits that code a selection, the codings at the
 * cursor with the edits that remove each, the next or previous coded segment, the next uncoded paragraph
 * and a quote with its attribution. Everything is read from one document of the index, under the index's
 * codebook (the last good one), in offsets of that document's text.
 */
import type { Span } from '../diagnostics';
import type { ProjectSettings } from '../project/settings';
import type { ProjectIndex } from '../project/projectIndex';
import { codeSelectionEdits, removeCodingEdits, type TextEdit } from '../transcript/codingEdits';
import type { ResolvedTranscript } from '../transcript/resolve';
import { adjacentSegment, nextUncodedParagraph, quoteAt } from '../transcript/segmentNavigation';
import type { ParsedTranscript } from '../transcript/transcript';

export type { TextEdit };

/** A transcript as the coding features read it: its parse, its segments and the settings they were made under. */
export interface CodingDocument {
  readonly parsed: ParsedTranscript;
  readonly resolved: ResolvedTranscript;
  readonly settings: ProjectSettings;
}

/** The document `id` of the index, or undefined when the index does not hold it or its text cannot be had. */
export function codingDocument(index: ProjectIndex, id: string): CodingDocument | undefined {
  const indexed = index.get(id);
  const parsed = indexed && index.parsed(id);
  if (!indexed || !parsed) return undefined;
  return { parsed, resolved: indexed.resolved, settings: index.codebook.settings };
}

/** The edits that code `[start, end)` with `codes` (none when the target has them all already). */
export function codeSelection(doc: CodingDocument, start: number, end: number, codes: readonly string[]): TextEdit[] {
  return codeSelectionEdits(doc.parsed, start, end, [...codes]);
}

/** A coding the cursor is in or on, with the edits that remove it. */
export interface CodingAt {
  code: string;
  /** true for a precise passage, false for a paragraph coding. */
  passage: boolean;
  span: Span;
  edits: TextEdit[];
}

/**
 * The codings whose words or tags hold `offset`, the innermost (shortest) first, each with the edits
 * that remove it: its tags, and the passage marks when no other code is left on the passage.
 */
export function codingsAt(doc: CodingDocument, offset: number): CodingAt[] {
  const { parsed } = doc;
  const holds = (span: Span) => span.start <= offset && offset <= span.end;
  return doc.resolved.segments
    .filter((s) => holds(s.span) || s.tags.some((i) => holds(parsed.tags[i].span)))
    .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))
    .map((s) => ({ code: s.code, passage: s.passage >= 0, span: { ...s.span }, edits: removeCodingEdits(parsed, s) }));
}

/** Where "next segment", "previous segment" and "next uncoded paragraph" go. */
export type SegmentDirection = 'next' | 'previous' | 'nextUncoded';

/**
 * The span to select: the coded stretch starting after (or before) `offset`, or the words of the next
 * participant's paragraph that has no code; each wraps around. Undefined when there is none.
 */
export function navigateSegments(doc: CodingDocument, offset: number, direction: SegmentDirection): Span | undefined {
  if (direction === 'nextUncoded') return nextUncodedParagraph(doc.parsed, doc.resolved, offset, doc.settings);
  return adjacentSegment(doc.resolved, offset, direction === 'next' ? 1 : -1);
}

/** A quote of `[start, end)`, or of the innermost segment at `start` when empty: `“…” [T12]`. */
export function quote(doc: CodingDocument, start: number, end: number): { text: string; participant: string; formatted: string } | undefined {
  return quoteAt(doc.parsed, doc.resolved, start, end, doc.settings);
}

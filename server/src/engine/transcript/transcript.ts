/**
 * A transcript parsed into its front matter, speaker turns, paragraphs, tags and passages, with the
 * codings they make, in UTF-16 offsets of its text (what LSP uses; TextPositions converts to lines,
 * columns and code points). The parser itself (scan.ts) works on bytes; this module gives its findings
 * to the features that work on a document's text. Parsing knows the project's speaker settings but not
 * its codes: checking tags against the codebook is resolve.ts's work.
 */
import type { Span } from '../diagnostics';
import { countBefore } from '../sortedSearch';
import { TextPositions } from '../text/positions';
import { Utf8Offsets } from '../text/utf8';
import { scanTranscript } from './scan';
import { ScanWorkspace } from './scanWorkspace';
import type { SpeakerSettings } from './speakers';
import type { TranscriptStructure } from './structure';

export type { Coding, Paragraph, Passage, Tag, Turn, TranscriptStructure } from './structure';
export { markupAt, turnAt } from './searches';
export type { SpeakerSettings } from './speakers';

export interface ParsedTranscript extends Readonly<Omit<TranscriptStructure, 'lineStarts'>> {
  readonly text: string;
  readonly positions: TextPositions;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a text; hosts on Node pass Buffer.from for its faster searches. */
export type Encode = (text: string) => Uint8Array;
export const encodeUtf8: Encode = (text) => encoder.encode(text);

/** @param workspace the arrays and caches of the project's scans; a new one by default */
export function parseTranscript(text: string, settings: SpeakerSettings, encode: Encode = encodeUtf8, workspace = new ScanWorkspace()): ParsedTranscript {
  const bytes = encode(text);
  const structure = scanTranscript(bytes, settings, workspace);
  const offsets = new Utf8Offsets(bytes, workspace.utf8);
  convertOffsets(structure, (o) => offsets.toUtf16(o));
  const { lineStarts, ...rest } = structure;
  return { ...rest, text, positions: new TextPositions(text, lineStarts) };
}

/** Rewrites every offset of a structure in place (bytes → UTF-16). */
export function convertOffsets(s: TranscriptStructure, convert: (offset: number) => number): void {
  const span = (x: Span | undefined) => {
    if (!x) return;
    x.start = convert(x.start);
    x.end = convert(x.end);
  };
  if (s.frontMatter) {
    span(s.frontMatter.span);
    span(s.frontMatter.participantSpan);
    span(s.frontMatter.memoSpan);
    for (const k of Object.keys(s.frontMatter.keySpans)) span(s.frontMatter.keySpans[k]);
  }
  s.bodyStart = convert(s.bodyStart);
  for (const t of s.turns) {
    span(t.labelSpan);
    span(t.span);
    t.contentStart = convert(t.contentStart);
  }
  for (const p of s.paragraphs) {
    span(p.span);
    p.contentStart = convert(p.contentStart);
  }
  for (const t of s.tags) {
    span(t.span);
    span(t.pathSpan);
    span(t.memoSpan);
  }
  for (const p of s.passages) {
    span(p.openSpan);
    span(p.closeSpan);
    span(p.content);
  }
  for (const m of s.markup) span(m);
  for (const c of s.codings) span(c.span);
  for (const d of s.problems) span(d.span);
  for (let i = 0; i < s.lineStarts.length; i++) s.lineStarts[i] = convert(s.lineStarts[i]);
}

/** The text of a span with all markup removed, its whitespace as written. */
export function cleanText(parsed: Pick<ParsedTranscript, 'text' | 'markup'>, span: Span): string {
  const { text, markup } = parsed;
  const lo = countBefore(markup.length, (i) => markup[i].end <= span.start);
  let out = '';
  let pos = span.start;
  for (let i = lo; i < markup.length && markup[i].start < span.end; i++) {
    const m = markup[i];
    if (m.start > pos) out += text.slice(pos, m.start);
    pos = Math.max(pos, m.end);
  }
  if (pos < span.end) out += text.slice(pos, span.end);
  return out;
}

/**
 * The transcript without markup (front matter kept), and the mapping of offsets between the two: what
 * exports, comparisons between coders and imports work on.
 */
export interface CleanDocument {
  text: string;
  /** Source offset → offset in the clean text (an offset inside markup maps to where the markup was). */
  toClean(offset: number): number;
  /** Clean offset → source offset of the same character. */
  toSource(offset: number): number;
}

export function cleanDocument(parsed: Pick<ParsedTranscript, 'text' | 'markup'>): CleanDocument {
  const { text, markup } = parsed;
  // removedBefore[i]: characters removed by markup[0..i-1].
  const removedBefore: number[] = new Array(markup.length + 1);
  removedBefore[0] = 0;
  for (let i = 0; i < markup.length; i++) removedBefore[i + 1] = removedBefore[i] + (markup[i].end - markup[i].start);
  // Clean offset at which markup[i] was removed.
  const cleanAt = markup.map((m, i) => m.start - removedBefore[i]);
  const clean = cleanText(parsed, { start: 0, end: text.length });
  return {
    text: clean,
    toClean(offset) {
      const lo = countBefore(markup.length, (i) => markup[i].start < offset);
      // markup[0..lo-1] start before offset; the last of them may contain it.
      if (lo > 0 && markup[lo - 1].end > offset) return cleanAt[lo - 1];
      return offset - removedBefore[lo];
    },
    toSource(offset) {
      // The last markup removed at or before this clean offset decides the shift.
      return offset + removedBefore[countBefore(markup.length, (i) => cleanAt[i] <= offset)];
    },
  };
}

/**
 * What the transcript parser finds, as objects: turns, paragraphs, tags, passages, the codings they make
 * and the markup that removed gives the clean text. The scanner finds them as records (records.ts) and
 * `structureOf` (scan.ts) makes these objects of them.
 */
import type { Diagnostic, DiagnosticCode, Span } from '../diagnostics';
import type { FrontMatter } from './frontMatter';

export interface Turn {
  /** The speaker label as written, e.g. `T12` or `I`. */
  speaker: string;
  labelSpan: Span;
  /** From the start of the label's line to the end of the turn's last non-blank line. */
  span: Span;
  /** Where the turn's words begin, after the label and its `=` or `:`. */
  contentStart: number;
}

export interface Paragraph {
  /** From the start of its first line to the end of its last line (without the line break). */
  span: Span;
  /** Where its words begin: after the speaker label when the paragraph opens a turn. */
  contentStart: number;
  /** Index of its turn in `turns`, or -1 before the first turn. */
  turn: number;
}

export interface Tag {
  /** The whole tag, `[[` to `]]`. */
  span: Span;
  path: string;
  pathSpan: Span;
  memo?: string;
  memoSpan?: Span;
  /** false when the path is empty or not made of slugs joined by `/`. */
  wellFormed: boolean;
  /** Index of the passage it codes, or -1 when it codes its paragraph. */
  passage: number;
  /** Index of the paragraph it stands in, or -1 outside any paragraph. */
  paragraph: number;
}

export interface Passage {
  /** `{{` or `{{#label `. */
  openSpan: Span;
  /** `}}` or `}}#label`; empty at the end of the text when the passage is not closed. */
  closeSpan: Span;
  label?: string;
  /** The coded text between the markers. */
  content: Span;
  /** Indices of its tags in `tags`. */
  tags: number[];
  paragraph: number;
  closed: boolean;
}

/** One code put on one stretch of text by one tag, before the codebook is consulted. */
export interface Coding {
  tag: number;
  /** The coded text: a passage's content, or a paragraph's words without surrounding tags and spaces. */
  span: Span;
  paragraph: number;
  passage: number;
  turn: number;
}

/**
 * Everything the parser finds, with offsets of one kind (bytes from the scanner, UTF-16 after
 * conversion). No span object is shared between two places, so offsets can be converted in place.
 */
export interface TranscriptStructure {
  frontMatter?: FrontMatter;
  bodyStart: number;
  turns: Turn[];
  paragraphs: Paragraph[];
  tags: Tag[];
  passages: Passage[];
  /** Sorted, non-overlapping spans of markup: removing them gives the clean text. */
  markup: Span[];
  codings: Coding[];
  /** Problems of syntax, found without the codebook: the first thousand (diagnosticLimit.ts). */
  problems: Diagnostic[];
  /** How many more problems of each code were found and not kept. */
  problemsLeftOut?: ReadonlyMap<DiagnosticCode, number>;
  /** Offsets at which lines start. */
  lineStarts: number[];
}

/**
 * What the index keeps of a transcript it does not have open: enough to count its codings, check them
 * against a changed codebook, and point at any tag or segment by line and column, without its text.
 * A digest made from a file's bytes equals the digest of the parsed text (a property test says so).
 */
import type { Diagnostic, Span } from '../diagnostics';
import { Utf8Offsets } from '../text/utf8';
import type { FrontMatter } from './frontMatter';
import { scanTranscript, type Coding, type Tag, type TranscriptStructure } from './scan';
import type { SpeakerSettings } from './speakers';
import type { ParsedTranscript } from './transcript';

export interface TranscriptDigest {
  /** Length of the text in UTF-16 units. */
  readonly length: number;
  /** UTF-16 offsets at which lines start. */
  readonly lineStarts: Int32Array;
  readonly frontMatter?: FrontMatter;
  readonly tags: readonly Tag[];
  readonly codings: readonly Coding[];
  /** Speaker of each turn, by turn index. */
  readonly turnSpeakers: readonly string[];
  readonly paragraphCount: number;
  readonly problems: readonly Diagnostic[];
}

const interned = new Map<string, string>();

/** One string per distinct code path, however many tags write it. */
function intern(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size < 100_000) interned.set(s, s);
  return s;
}

export function digestBytes(bytes: Uint8Array, settings: SpeakerSettings): TranscriptDigest {
  const s = scanTranscript(bytes, settings);
  const offsets = new Utf8Offsets(bytes);
  const convert = (o: number) => offsets.toUtf16(o);
  const span = (x: Span | undefined) => {
    if (!x) return;
    x.start = convert(x.start);
    x.end = convert(x.end);
  };
  if (s.frontMatter) {
    span(s.frontMatter.span);
    span(s.frontMatter.participantSpan);
    for (const k of Object.keys(s.frontMatter.keySpans)) span(s.frontMatter.keySpans[k]);
  }
  // In ascending order, so the converter walks instead of searching.
  for (const t of s.tags) {
    t.span.start = convert(t.span.start);
    span(t.pathSpan);
    span(t.memoSpan);
    t.span.end = convert(t.span.end);
  }
  for (const c of s.codings) span(c.span);
  for (const d of s.problems) span(d.span);
  const lineStarts = new Int32Array(s.lineStarts.length);
  for (let i = 0; i < lineStarts.length; i++) lineStarts[i] = convert(s.lineStarts[i]);
  return finish(s, lineStarts, convert(bytes.length));
}

export function digestParsed(parsed: ParsedTranscript): TranscriptDigest {
  const structure: TranscriptStructure = { ...parsed, lineStarts: parsed.positions.lineStarts as number[] } as TranscriptStructure;
  return finish(structure, Int32Array.from(parsed.positions.lineStarts), parsed.text.length);
}

function finish(s: TranscriptStructure, lineStarts: Int32Array, length: number): TranscriptDigest {
  for (const t of s.tags) t.path = intern(t.path);
  return {
    length,
    lineStarts,
    frontMatter: s.frontMatter,
    tags: s.tags,
    codings: s.codings,
    turnSpeakers: s.turns.map((t) => intern(t.speaker)),
    paragraphCount: s.paragraphs.length,
    problems: s.problems,
  };
}

/** The line (0-based) that holds a UTF-16 offset. */
export function lineOfOffset(lineStarts: Int32Array | readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

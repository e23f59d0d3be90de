/**
 * The transcript parser. It works on the UTF-8 bytes of a transcript, so that indexing a corpus never
 * has to turn whole files into strings; every offset it produces is a byte offset, which transcript.ts
 * and digest.ts convert to UTF-16.
 *
 * The syntax (README, "Transcripts"):
 * - `[[path]]` codes the paragraph it stands in; `[[path | memo]]` adds a memo to that coding.
 * - `{{text}}[[a]][[b]]` codes a passage with the tags that follow its close without a gap.
 * - `{{#x text}}#x[[a]]` is a labelled passage, for passages that overlap without nesting.
 * - A paragraph is a run of non-blank lines; a line that opens a speaker turn also opens a paragraph.
 */
import { diagnostic, DiagnosticCodes, type Diagnostic, type Span } from '../diagnostics';
import { decodeUtf8, spaceLengthAt, spaceLengthBefore, utf8Length } from '../text/utf8';
import { ByteStrings } from '../text/byteStrings';
import { parseFrontMatter, type FrontMatter } from './frontMatter';
import { speakerMatcher, type SpeakerSettings } from './speakers';

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
  /** Problems of syntax, found without the codebook. */
  problems: Diagnostic[];
  /** Offsets at which lines start. */
  lineStarts: number[];
}

const PATH = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*(?:\/[\p{L}\p{N}][\p{L}\p{N}_.-]*)*$/u;

const LF = 10;
const CR = 13;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const HASH = 0x23;
const SPACE = 0x20;
const TAB = 0x09;
const BAR = 0x7c;

export function scanTranscript(bytes: Uint8Array, settings: SpeakerSettings): TranscriptStructure {
  const n = bytes.length;
  const lineStarts = computeLineStarts(bytes);
  const lineEnd = (line: number) => contentEnd(bytes, lineStarts, line);
  const problems: Diagnostic[] = [];
  const { frontMatter, bodyStart } = scanFrontMatter(bytes, lineStarts, lineEnd, problems);

  // Turns and paragraphs, line by line.
  const matchSpeaker = speakerMatcher(settings);
  const turns: Turn[] = [];
  const paragraphs: Paragraph[] = [];
  let open: Paragraph | undefined;
  let firstLine = 0;
  while (firstLine < lineStarts.length && lineStarts[firstLine] < bodyStart) firstLine++;
  for (let line = firstLine; line < lineStarts.length; line++) {
    const start = lineStarts[line];
    const end = lineEnd(line);
    let content = start;
    for (let k = 0; content < end && (k = spaceLengthAt(bytes, content, end)) > 0; ) content += k;
    if (content >= end) {
      open = undefined;
      continue;
    }
    // Passage marks and tags may stand before a speaker label (imports put them wherever a coding starts).
    const m = matchSpeaker(bytes, afterLeadingMarks(bytes, start, end), end);
    if (m) {
      let contentStart = m.end;
      for (let k = 0; contentStart < end && (k = spaceLengthAt(bytes, contentStart, end)) > 0; ) contentStart += k;
      if (turns.length > 0) closeTurn(turns[turns.length - 1], paragraphs);
      turns.push({ speaker: m.speaker, labelSpan: { start: m.labelStart, end: m.labelEnd }, span: { start, end }, contentStart });
      open = { span: { start, end }, contentStart, turn: turns.length - 1 };
      paragraphs.push(open);
      continue;
    }
    if (open) {
      open.span.end = end;
    } else {
      open = { span: { start, end }, contentStart: content, turn: turns.length - 1 };
      paragraphs.push(open);
    }
  }
  if (turns.length > 0) closeTurn(turns[turns.length - 1], paragraphs);

  // Tags and passages, in the order their marks appear.
  const tags: Tag[] = [];
  const passages: Passage[] = [];
  const markup: Span[] = [];
  const unlabelled: number[] = [];
  const labelled = new Map<string, number>();
  let chainEnd = -1;
  let chainPassage = -1;
  let para = 0;
  const paragraphAt = (offset: number): number => {
    while (para < paragraphs.length && paragraphs[para].span.end < offset) para++;
    return para < paragraphs.length && paragraphs[para].span.start <= offset ? para : -1;
  };
  let line = 0;
  const lineOf = (offset: number): number => {
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return line;
  };

  let nextTag = findPair(bytes, OPEN_BRACKET, bodyStart);
  let nextOpen = findPair(bytes, OPEN_BRACE, bodyStart);
  let nextClose = findPair(bytes, CLOSE_BRACE, bodyStart);
  for (;;) {
    const at = Math.min(nextTag < 0 ? n : nextTag, nextOpen < 0 ? n : nextOpen, nextClose < 0 ? n : nextClose);
    if (at >= n) break;
    let resume: number;
    if (at === nextTag) {
      const eol = lineEnd(lineOf(at));
      const close = findPair(bytes, CLOSE_BRACKET, at + 2);
      if (close < 0 || close + 2 > eol) {
        problems.push(diagnostic(DiagnosticCodes.tagUnclosed, { start: at, end: eol }));
        resume = at + 2;
      } else {
        const tag = readTag(bytes, at, close);
        tag.paragraph = paragraphAt(at);
        if (at === chainEnd && chainPassage >= 0) {
          tag.passage = chainPassage;
          passages[chainPassage].tags.push(tags.length);
          chainEnd = close + 2;
          markup.push({ start: at, end: close + 2 });
        } else {
          chainPassage = -1;
          markup.push(paragraphTagMarkup(bytes, at, close + 2, tag.paragraph >= 0 ? paragraphs[tag.paragraph] : undefined, markup));
        }
        if (!tag.wellFormed) problems.push(diagnostic(DiagnosticCodes.tagMalformed, { ...tag.span }, { path: tag.path }));
        tags.push(tag);
        resume = close + 2;
      }
    } else if (at === nextOpen) {
      let end = at + 2;
      let label: string | undefined;
      if (bytes[end] === HASH) {
        let j = end + 1;
        while (j < n && isLabelByte(bytes[j])) j++;
        if (j > end + 1 && bytes[j] === SPACE) {
          label = decodeUtf8(bytes, end + 1, j);
          end = j + 1;
        }
      }
      const index = passages.length;
      passages.push({
        openSpan: { start: at, end },
        closeSpan: { start: n, end: n },
        label,
        content: { start: end, end: n },
        tags: [],
        paragraph: paragraphAt(at),
        closed: false,
      });
      markup.push({ start: at, end });
      if (label !== undefined) {
        if (labelled.has(label)) {
          problems.push(diagnostic(DiagnosticCodes.passageMalformed, { start: at, end }, { label, detail: 'label-in-use' }));
        } else {
          labelled.set(label, index);
        }
      } else {
        unlabelled.push(index);
      }
      chainPassage = -1;
      resume = end;
    } else {
      let end = at + 2;
      let label: string | undefined;
      if (bytes[end] === HASH) {
        let j = end + 1;
        while (j < n && isLabelByte(bytes[j])) j++;
        if (j > end + 1) {
          label = decodeUtf8(bytes, end + 1, j);
          end = j;
        }
      }
      markup.push({ start: at, end });
      const index = label !== undefined ? labelled.get(label) : unlabelled.pop();
      if (index === undefined) {
        problems.push(diagnostic(DiagnosticCodes.passageUnopened, { start: at, end }, { label }));
        chainPassage = -1;
      } else {
        if (label !== undefined) labelled.delete(label);
        const p = passages[index];
        p.closeSpan = { start: at, end };
        p.content = { start: p.openSpan.end, end: at };
        p.closed = true;
        chainEnd = end;
        chainPassage = index;
      }
      resume = end;
    }
    if (nextTag >= 0 && nextTag < resume) nextTag = findPair(bytes, OPEN_BRACKET, resume);
    if (nextOpen >= 0 && nextOpen < resume) nextOpen = findPair(bytes, OPEN_BRACE, resume);
    if (nextClose >= 0 && nextClose < resume) nextClose = findPair(bytes, CLOSE_BRACE, resume);
  }

  for (const p of passages) {
    if (!p.closed) problems.push(diagnostic(DiagnosticCodes.passageUnclosed, { ...p.openSpan }, { label: p.label }));
    else if (p.tags.length === 0) problems.push(diagnostic(DiagnosticCodes.passageUncoded, { ...p.closeSpan }, { label: p.label }));
  }

  markup.sort((a, b) => a.start - b.start);
  const codings = collectCodings(bytes, tags, passages, paragraphs, turns, markup);
  return { frontMatter, bodyStart, turns, paragraphs, tags, passages, markup, codings, problems, lineStarts };
}

/** Where a line's text starts after any passage marks and tags at its very start. */
function afterLeadingMarks(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  for (;;) {
    // Spaces after a mark (`[[a]] T1= …`), not before the first.
    if (i > start) while (i < end && (bytes[i] === SPACE || bytes[i] === TAB)) i++;
    const c = bytes[i];
    if (i + 1 >= end || bytes[i + 1] !== c) return i;
    if (c === OPEN_BRACE) {
      i += 2;
      if (bytes[i] === HASH) {
        let j = i + 1;
        while (j < end && isLabelByte(bytes[j])) j++;
        if (j > i + 1 && bytes[j] === SPACE) i = j + 1;
      }
    } else if (c === CLOSE_BRACE) {
      i += 2;
      if (bytes[i] === HASH) {
        let j = i + 1;
        while (j < end && isLabelByte(bytes[j])) j++;
        if (j > i + 1) i = j;
      }
    } else if (c === OPEN_BRACKET) {
      const close = findPair(bytes, CLOSE_BRACKET, i + 2);
      if (close < 0 || close + 2 > end) return i;
      i = close + 2;
    } else {
      return i;
    }
  }
}

/** The next `cc` (two equal bytes) at or after `from`, or -1. */
function findPair(bytes: Uint8Array, c: number, from: number): number {
  let i = from;
  for (;;) {
    i = bytes.indexOf(c, i);
    if (i < 0 || i + 1 >= bytes.length) return -1;
    if (bytes[i + 1] === c) return i;
    i += 1;
  }
}

function computeLineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  const n = bytes.length;
  let cr = bytes.indexOf(CR);
  let i = 0;
  while (i < n) {
    const lf = bytes.indexOf(LF, i);
    if (cr >= 0 && cr < i) cr = bytes.indexOf(CR, i);
    if (lf < 0 && cr < 0) break;
    if (cr >= 0 && (lf < 0 || cr < lf)) i = bytes[cr + 1] === LF ? cr + 2 : cr + 1;
    else i = lf + 1;
    starts.push(i);
  }
  return starts;
}

function contentEnd(bytes: Uint8Array, starts: readonly number[], line: number): number {
  let end = line + 1 < starts.length ? starts[line + 1] : bytes.length;
  if (end > starts[line] && bytes[end - 1] === LF) end--;
  if (end > starts[line] && bytes[end - 1] === CR) end--;
  return end;
}

const FRONT_MATTER_OPEN = [0x2d, 0x2d, 0x2d];

/** Front matter is decoded as text (it is short) and its offsets turned back into bytes. */
function scanFrontMatter(
  bytes: Uint8Array,
  lineStarts: readonly number[],
  lineEnd: (line: number) => number,
  problems: Diagnostic[],
): { frontMatter?: FrontMatter; bodyStart: number } {
  if (bytes.length < 4 || bytes[0] !== FRONT_MATTER_OPEN[0] || bytes[1] !== FRONT_MATTER_OPEN[1] || bytes[2] !== FRONT_MATTER_OPEN[2]) {
    return { bodyStart: 0 };
  }
  // Only the first lines up to a closing `---` are decoded; a file without one decodes its first line only.
  let last = 0;
  for (let line = 1; line < lineStarts.length; line++) {
    const s = lineStarts[line];
    const e = lineEnd(line);
    if (e - s <= 8 && (bytes[s] === 0x2d || bytes[s] === 0x2e)) {
      const t = decodeUtf8(bytes, s, e);
      if (/^(---|\.\.\.)[ \t]*$/.test(t)) {
        last = line;
        break;
      }
    }
  }
  const decodedEnd = last > 0 ? (last + 1 < lineStarts.length ? lineStarts[last + 1] : bytes.length) : lineStarts.length > 1 ? lineStarts[1] : bytes.length;
  const text = decodeUtf8(bytes, 0, decodedEnd);
  // Line starts of the decoded part, in UTF-16, for the front-matter parser.
  const starts: number[] = [];
  const byteStarts: number[] = [];
  for (let line = 0; line < lineStarts.length && lineStarts[line] < decodedEnd; line++) byteStarts.push(lineStarts[line]);
  let u = 0;
  let b = 0;
  for (const s of byteStarts) {
    u += utf16LengthOf(bytes, b, s);
    b = s;
    starts.push(u);
  }
  if (last === 0) starts.push(text.length); // a line start past the decoded text, so no closing line is found
  const local: Diagnostic[] = [];
  const endOf = (line: number) => {
    let e = line + 1 < starts.length ? starts[line + 1] : text.length;
    if (e > starts[line] && text.charCodeAt(e - 1) === LF) e--;
    if (e > starts[line] && text.charCodeAt(e - 1) === CR) e--;
    return e;
  };
  const result = parseFrontMatter(text, last === 0 ? starts.slice(0, 1) : starts, endOf, local);
  // Back to bytes.
  const toBytes = (offset: number) => utf8Length(text, 0, offset);
  const span = (s: Span): Span => ({ start: toBytes(s.start), end: toBytes(s.end) });
  for (const d of local) problems.push({ ...d, span: span(d.span) });
  const fm = result.frontMatter;
  if (!fm) return { bodyStart: result.bodyStart === 0 ? 0 : toBytes(result.bodyStart) };
  const keySpans: Record<string, Span> = {};
  for (const [k, s] of Object.entries(fm.keySpans)) keySpans[k] = span(s);
  return {
    frontMatter: {
      span: span(fm.span),
      participant: fm.participant,
      participantSpan: fm.participantSpan ? span(fm.participantSpan) : undefined,
      variables: fm.variables,
      keySpans,
    },
    bodyStart: toBytes(result.bodyStart),
  };
}

function utf16LengthOf(bytes: Uint8Array, start: number, end: number): number {
  let units = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c < 0x80) units++;
    else if (c >= 0xf0) units += 2;
    else if (c >= 0xc0) units++;
  }
  return units;
}

function collectCodings(bytes: Uint8Array, tags: Tag[], passages: Passage[], paragraphs: Paragraph[], turns: Turn[], markup: Span[]): Coding[] {
  const codings: Coding[] = [];
  const paragraphSpans = new Map<number, Span>();
  tags.forEach((tag, i) => {
    if (tag.passage >= 0) {
      const p = passages[tag.passage];
      if (!p.closed) return;
      codings.push({ tag: i, span: { start: p.content.start, end: p.content.end }, paragraph: p.paragraph, passage: tag.passage, turn: turnAt(turns, p.openSpan.start) });
    } else if (tag.paragraph >= 0) {
      let span = paragraphSpans.get(tag.paragraph);
      if (!span) {
        const para = paragraphs[tag.paragraph];
        span = trimmedContent(bytes, para.contentStart, para.span.end, markup);
        paragraphSpans.set(tag.paragraph, span);
      }
      codings.push({ tag: i, span: { start: span.start, end: span.end }, paragraph: tag.paragraph, passage: -1, turn: paragraphs[tag.paragraph].turn });
    }
  });
  return codings;
}

/** A paragraph's words: its content without leading or trailing whitespace and markup. */
function trimmedContent(bytes: Uint8Array, start: number, end: number, markup: Span[]): Span {
  let s = start;
  let e = end;
  for (;;) {
    for (let k = 0; s < e && (k = spaceLengthAt(bytes, s, e)) > 0; ) s += k;
    const m = markupAt(markup, s);
    if (m && s < e) s = Math.min(m.end, e);
    else break;
  }
  for (;;) {
    for (let k = 0; e > s && (k = spaceLengthBefore(bytes, e, s)) > 0; ) e -= k;
    const m = markupAt(markup, e - 1);
    if (m && e > s) e = Math.max(m.start, s);
    else break;
  }
  return { start: s, end: e };
}

/** The markup span containing `offset`, if any. */
export function markupAt(markup: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = markup.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = markup[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** The turn that holds `offset`, or -1. */
export function turnAt(turns: readonly Turn[], offset: number): number {
  let lo = 0;
  let hi = turns.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid].span.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Ends a turn at its last paragraph, so blank lines after it are not part of it. */
function closeTurn(turn: Turn, paragraphs: Paragraph[]): void {
  const last = paragraphs[paragraphs.length - 1];
  if (last) turn.span.end = Math.max(turn.span.end, last.span.end);
}

const pathCache = new Map<string, boolean>();
const isWellFormedPath = (path: string): boolean => {
  let wellFormed = pathCache.get(path);
  if (wellFormed === undefined) {
    wellFormed = PATH.test(path);
    if (pathCache.size < 10_000) pathCache.set(path, wellFormed);
  }
  return wellFormed;
};
const pathStrings = new ByteStrings(isWellFormedPath);

function readTag(bytes: Uint8Array, start: number, close: number): Tag {
  const innerStart = start + 2;
  let bar = -1;
  for (let i = innerStart; i < close; i++) {
    if (bytes[i] === BAR) {
      bar = i;
      break;
    }
  }
  const pathEnd = bar >= 0 ? bar : close;
  let ps = innerStart;
  let pe = pathEnd;
  while (ps < pe && isHorizontalSpace(bytes[ps])) ps++;
  while (pe > ps && isHorizontalSpace(bytes[pe - 1])) pe--;
  let path: string;
  let wellFormed: boolean;
  if (ps < pe && isVisibleAscii(bytes[ps]) && isVisibleAscii(bytes[pe - 1])) {
    // Nothing else String#trim would take off is left at either end.
    const known = pathStrings.get(bytes, ps, pe);
    path = known.text;
    wellFormed = known.fact;
  } else {
    const raw = decodeUtf8(bytes, innerStart, pathEnd);
    path = raw.trim();
    ps = innerStart;
    pe = pathEnd;
    if (path.length !== raw.length) {
      ps = innerStart + utf8Length(raw, 0, raw.length - raw.trimStart().length);
      pe = ps + utf8Length(path);
    }
    wellFormed = isWellFormedPath(path);
  }
  const tag: Tag = {
    span: { start, end: close + 2 },
    path,
    pathSpan: { start: ps, end: pe },
    wellFormed,
    passage: -1,
    paragraph: -1,
  };
  if (bar >= 0) {
    const rawMemo = decodeUtf8(bytes, bar + 1, close);
    const memo = rawMemo.trim();
    if (memo) {
      const ms = bar + 1 + utf8Length(rawMemo, 0, rawMemo.length - rawMemo.trimStart().length);
      tag.memo = memo;
      tag.memoSpan = { start: ms, end: ms + utf8Length(memo) };
    }
  }
  return tag;
}

/**
 * The markup of a paragraph tag: the tag with the spaces before it (or, at the start of the paragraph's
 * words, after it), so that `Zo is het. [[a]]` reads `Zo is het.` without the tag.
 */
function paragraphTagMarkup(bytes: Uint8Array, start: number, end: number, para: Paragraph | undefined, markup: Span[]): Span {
  const floor = Math.max(para?.contentStart ?? 0, markup.length > 0 ? markup[markup.length - 1].end : 0);
  let s = start;
  while (s > floor && isHorizontalSpace(bytes[s - 1])) s--;
  if (s < start && s > floor && !isLineBreak(bytes[s - 1])) return { start: s, end };
  let e = end;
  while (e < bytes.length && isHorizontalSpace(bytes[e])) e++;
  if (
    e > end &&
    (start === floor || start === para?.contentStart || isLineBreak(bytes[start - 1])) &&
    e < bytes.length &&
    !isLineBreak(bytes[e]) &&
    bytes[e] !== OPEN_BRACKET
  ) {
    return { start, end: e };
  }
  return { start, end };
}

function isLabelByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
}

function isVisibleAscii(c: number): boolean {
  return c > 0x20 && c < 0x7f;
}

function isHorizontalSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isLineBreak(c: number): boolean {
  return c === LF || c === CR;
}

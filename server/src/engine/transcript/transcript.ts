/**
 * A transcript parsed into its front matter, speaker turns, paragraphs, tags and passages, with the
 * codings they make. Parsing knows the project's speaker settings but not its codes: checking tags
 * against the codebook is resolve.ts's work, so a changed codebook never needs a re-parse.
 *
 * The syntax (README, "Transcripts"):
 * - `[[path]]` codes the paragraph it stands in; `[[path | memo]]` adds a memo to that coding.
 * - `{{text}}[[a]][[b]]` codes a passage with the tags that follow its close without a gap.
 * - `{{#x text}}#x[[a]]` is a labelled passage, for passages that overlap without nesting.
 */
import { diagnostic, DiagnosticCodes, type Diagnostic, type Span } from '../diagnostics';
import type { ProjectSettings } from '../project/settings';
import { TextPositions } from '../text/positions';
import { parseFrontMatter, type FrontMatter } from './frontMatter';

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

export interface ParsedTranscript {
  readonly text: string;
  readonly positions: TextPositions;
  readonly frontMatter?: FrontMatter;
  readonly bodyStart: number;
  readonly turns: readonly Turn[];
  readonly paragraphs: readonly Paragraph[];
  readonly tags: readonly Tag[];
  readonly passages: readonly Passage[];
  /** Sorted, non-overlapping spans of markup: removing them gives the clean text. */
  readonly markup: readonly Span[];
  readonly codings: readonly Coding[];
  /** Problems of syntax, found without the codebook. */
  readonly problems: readonly Diagnostic[];
}

export type SpeakerSettings = Pick<ProjectSettings, 'speakerPattern'>;

const PATH = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*(?:\/[\p{L}\p{N}][\p{L}\p{N}_.-]*)*$/u;
const LABEL = /[A-Za-z0-9_-]/;
const MARKUP = /\[\[|\{\{|\}\}/g;

export function parseTranscript(text: string, settings: SpeakerSettings): ParsedTranscript {
  const positions = new TextPositions(text);
  const starts = positions.lineStarts;
  const lineEnd = (line: number) => positions.lineContentEnd(line);
  const problems: Diagnostic[] = [];
  const { frontMatter, bodyStart } = parseFrontMatter(text, starts, lineEnd, problems);

  // Turns and paragraphs, line by line.
  const speaker = stickyVersion(settings.speakerPattern);
  const turns: Turn[] = [];
  const paragraphs: Paragraph[] = [];
  let open: Paragraph | undefined;
  let firstLine = positions.lineAt(bodyStart);
  if (starts[firstLine] < bodyStart) firstLine++;
  for (let line = firstLine; line < starts.length; line++) {
    const start = starts[line];
    const end = lineEnd(line);
    if (isBlank(text, start, end)) {
      open = undefined;
      continue;
    }
    speaker.lastIndex = start;
    const m = speaker.exec(text);
    if (m && m.index === start) {
      const g = m.indices?.groups?.speaker ?? m.indices?.[1] ?? [start, start + m[0].length];
      const label = text.slice(g[0], g[1]).trim();
      if (label) {
        let contentStart = start + m[0].length;
        while (contentStart < end && isSpace(text.charCodeAt(contentStart))) contentStart++;
        if (turns.length > 0) closeTurn(turns[turns.length - 1], paragraphs);
        turns.push({ speaker: label, labelSpan: { start: g[0], end: g[1] }, span: { start, end }, contentStart });
        open = { span: { start, end }, contentStart, turn: turns.length - 1 };
        paragraphs.push(open);
        continue;
      }
    }
    if (open) {
      open.span.end = end;
    } else {
      let contentStart = start;
      while (contentStart < end && isSpace(text.charCodeAt(contentStart))) contentStart++;
      open = { span: { start, end }, contentStart, turn: turns.length - 1 };
      paragraphs.push(open);
    }
  }
  if (turns.length > 0) closeTurn(turns[turns.length - 1], paragraphs);

  // Tags and passages.
  const tags: Tag[] = [];
  const passages: Passage[] = [];
  const markup: Span[] = [];
  const unlabelled: number[] = [];
  const labelled = new Map<string, number>();
  /** A tag that starts exactly here belongs to `chainPassage`. */
  let chainEnd = -1;
  let chainPassage = -1;
  let para = 0;
  const paragraphAt = (offset: number): number => {
    while (para < paragraphs.length && paragraphs[para].span.end < offset) para++;
    return para < paragraphs.length && paragraphs[para].span.start <= offset ? para : -1;
  };

  MARKUP.lastIndex = bodyStart;
  let m: RegExpExecArray | null;
  while ((m = MARKUP.exec(text)) !== null) {
    const at = m.index;
    const kind = text.charCodeAt(at);
    if (kind === 0x5b /* [ */) {
      const close = findTagEnd(text, at + 2);
      if (close < 0) {
        problems.push(diagnostic(DiagnosticCodes.tagUnclosed, { start: at, end: endOfLine(text, at) }));
        continue;
      }
      const tag = readTag(text, at, close);
      tag.paragraph = paragraphAt(at);
      if (at === chainEnd && chainPassage >= 0) {
        tag.passage = chainPassage;
        passages[chainPassage].tags.push(tags.length);
        chainEnd = close + 2;
        markup.push({ start: at, end: close + 2 });
      } else {
        chainPassage = -1;
        markup.push(paragraphTagMarkup(text, at, close + 2, tag.paragraph >= 0 ? paragraphs[tag.paragraph] : undefined, markup));
      }
      if (!tag.wellFormed) {
        problems.push(diagnostic(DiagnosticCodes.tagMalformed, tag.span, { path: tag.path }));
      }
      tags.push(tag);
      MARKUP.lastIndex = close + 2;
    } else if (kind === 0x7b /* { */) {
      let end = at + 2;
      let label: string | undefined;
      if (text.charCodeAt(end) === 0x23 /* # */) {
        let j = end + 1;
        while (j < text.length && LABEL.test(text[j])) j++;
        if (j > end + 1 && text.charCodeAt(j) === 0x20) {
          label = text.slice(end + 1, j);
          end = j + 1;
        }
      }
      const index = passages.length;
      passages.push({
        openSpan: { start: at, end },
        closeSpan: { start: text.length, end: text.length },
        label,
        content: { start: end, end: text.length },
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
      MARKUP.lastIndex = end;
    } else {
      let end = at + 2;
      let label: string | undefined;
      if (text.charCodeAt(end) === 0x23 /* # */) {
        let j = end + 1;
        while (j < text.length && LABEL.test(text[j])) j++;
        if (j > end + 1) {
          label = text.slice(end + 1, j);
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
      MARKUP.lastIndex = end;
    }
  }

  for (const p of passages) {
    if (!p.closed) {
      problems.push(diagnostic(DiagnosticCodes.passageUnclosed, p.openSpan, { label: p.label }));
    } else if (p.tags.length === 0) {
      problems.push(diagnostic(DiagnosticCodes.passageUncoded, p.closeSpan, { label: p.label }));
    }
  }

  markup.sort((a, b) => a.start - b.start);
  const codings = collectCodings(text, tags, passages, paragraphs, turns, markup);
  return { text, positions, frontMatter, bodyStart, turns, paragraphs, tags, passages, markup, codings, problems };
}

function collectCodings(
  text: string,
  tags: Tag[],
  passages: Passage[],
  paragraphs: Paragraph[],
  turns: Turn[],
  markup: Span[],
): Coding[] {
  const codings: Coding[] = [];
  const paragraphSpans = new Map<number, Span>();
  tags.forEach((tag, i) => {
    if (tag.passage >= 0) {
      const p = passages[tag.passage];
      if (!p.closed) return;
      codings.push({ tag: i, span: p.content, paragraph: p.paragraph, passage: tag.passage, turn: turnAt(turns, p.openSpan.start) });
    } else if (tag.paragraph >= 0) {
      let span = paragraphSpans.get(tag.paragraph);
      if (!span) {
        const para = paragraphs[tag.paragraph];
        span = trimmedContent(text, para.contentStart, para.span.end, markup);
        paragraphSpans.set(tag.paragraph, span);
      }
      codings.push({ tag: i, span, paragraph: tag.paragraph, passage: -1, turn: paragraphs[tag.paragraph].turn });
    }
  });
  return codings;
}

/** A paragraph's words: its content without leading or trailing spaces and markup. */
function trimmedContent(text: string, start: number, end: number, markup: Span[]): Span {
  let s = start;
  let e = end;
  for (;;) {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    const m = markupAt(markup, s);
    if (m && s < e) s = Math.min(m.end, e);
    else break;
  }
  for (;;) {
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
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

function readTag(text: string, start: number, close: number): Tag {
  const inner = text.slice(start + 2, close);
  const bar = inner.indexOf('|');
  const rawPath = bar >= 0 ? inner.slice(0, bar) : inner;
  const lead = rawPath.length - rawPath.trimStart().length;
  const path = rawPath.trim();
  const pathStart = start + 2 + lead;
  const tag: Tag = {
    span: { start, end: close + 2 },
    path,
    pathSpan: { start: pathStart, end: pathStart + path.length },
    wellFormed: PATH.test(path),
    passage: -1,
    paragraph: -1,
  };
  if (bar >= 0) {
    const rawMemo = inner.slice(bar + 1);
    const memo = rawMemo.trim();
    const memoStart = start + 2 + bar + 1 + (rawMemo.length - rawMemo.trimStart().length);
    if (memo) {
      tag.memo = memo;
      tag.memoSpan = { start: memoStart, end: memoStart + memo.length };
    }
  }
  return tag;
}

/** The `]]` that closes a tag opened just before `from`, on the same line; -1 when there is none. */
function findTagEnd(text: string, from: number): number {
  const close = text.indexOf(']]', from);
  if (close < 0) return -1;
  for (let i = from; i < close; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return -1;
  }
  return close;
}

/**
 * The markup of a paragraph tag: the tag with the spaces before it (or, at the start of the paragraph's
 * words, after it), so that `Zo is het. [[a]]` reads `Zo is het.` without the tag.
 */
function paragraphTagMarkup(text: string, start: number, end: number, para: Paragraph | undefined, markup: Span[]): Span {
  const floor = Math.max(para?.contentStart ?? 0, markup.length > 0 ? markup[markup.length - 1].end : 0);
  let s = start;
  while (s > floor && isHorizontalSpace(text.charCodeAt(s - 1))) s--;
  if (s < start && s > floor && !isLineBreak(text.charCodeAt(s - 1))) return { start: s, end };
  let e = end;
  while (e < text.length && isHorizontalSpace(text.charCodeAt(e))) e++;
  // Eat the following spaces only when the tag opens its line's words and words follow.
  if (e > end && (start === floor || start === para?.contentStart || isLineBreak(text.charCodeAt(start - 1))) && e < text.length && !isLineBreak(text.charCodeAt(e)) && text.charCodeAt(e) !== 0x5b) {
    return { start, end: e };
  }
  return { start, end };
}

function stickyVersion(pattern: RegExp): RegExp {
  const flags = new Set(pattern.flags.split(''));
  flags.add('m');
  flags.add('y');
  flags.add('d');
  flags.delete('g');
  return new RegExp(pattern.source, [...flags].join(''));
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

function isHorizontalSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function endOfLine(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
  return i;
}

/** The text of a span with all markup removed, its whitespace as written. */
export function cleanText(parsed: Pick<ParsedTranscript, 'text' | 'markup'>, span: Span): string {
  const { text, markup } = parsed;
  let lo = 0;
  let hi = markup.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markup[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
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
      let lo = 0;
      let hi = markup.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (markup[mid].start < offset) lo = mid + 1;
        else hi = mid;
      }
      // markup[0..lo-1] start before offset; the last of them may contain it.
      if (lo > 0 && markup[lo - 1].end > offset) return cleanAt[lo - 1];
      return offset - removedBefore[lo];
    },
    toSource(offset) {
      // The last markup removed at or before this clean offset decides the shift.
      let lo = 0;
      let hi = markup.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cleanAt[mid] <= offset) lo = mid + 1;
        else hi = mid;
      }
      return offset + removedBefore[lo];
    },
  };
}

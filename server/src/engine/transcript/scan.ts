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
import { diagnostic, DiagnosticCodes, type Diagnostic, type DiagnosticCode, type Span } from '../diagnostics';
import { ProblemList } from '../diagnosticLimit';
import { decodeUtf8, spaceLengthAt, spaceLengthBefore, utf8Length } from '../text/utf8';
import { withRoom } from '../int32Slab';
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
  /** Problems of syntax, found without the codebook: the first thousand (diagnosticLimit.ts). */
  problems: Diagnostic[];
  /** How many more problems of each code were found and not kept. */
  problemsLeftOut?: ReadonlyMap<DiagnosticCode, number>;
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

/** Fields per record in the columns of a scan (the tag and coding layouts are the digest's). */
export const TAG_FIELDS = 9; // span, path span, memo span (-1 without), passage, paragraph, well-formed (0/1)
export const CODING_FIELDS = 6; // tag, span, paragraph, passage, turn
const TURN_FIELDS = 5; // label span, span, content start
const PARAGRAPH_FIELDS = 4; // span, content start, turn
const PASSAGE_FIELDS = 9; // open span, close span, content span, paragraph, closed (0/1), number of tags
const MARKUP_FIELDS = 2;

/**
 * What the scanner finds, as columns of byte offsets rather than objects: a corpus has hundreds of
 * thousands of tags, and the index keeps them in typed arrays anyway. The arrays are reused by the next
 * scan, so a caller copies what it keeps before scanning again; `structureOf` makes the objects.
 */
export interface ScanColumns {
  readonly length: number;
  readonly frontMatter?: FrontMatter;
  readonly bodyStart: number;
  readonly lineStarts: Int32Array;
  readonly lineCount: number;
  readonly turns: Int32Array;
  readonly turnCount: number;
  /** Each turn's speaker (the first `turnCount`). */
  readonly speakers: readonly string[];
  readonly paragraphs: Int32Array;
  readonly paragraphCount: number;
  readonly tags: Int32Array;
  readonly tagCount: number;
  /** Each tag's path (the first `tagCount`). */
  readonly paths: readonly string[];
  readonly memos: ReadonlyMap<number, string>;
  readonly passages: Int32Array;
  readonly passageCount: number;
  readonly labels: ReadonlyMap<number, string>;
  readonly markup: Int32Array;
  readonly markupCount: number;
  readonly codings: Int32Array;
  readonly codingCount: number;
  readonly problems: Diagnostic[];
  readonly problemsLeftOut: ReadonlyMap<DiagnosticCode, number>;
}

/** The arrays every scan writes into, grown as needed and kept for the next scan. */
const scratch: Record<'lineStarts' | 'turns' | 'paragraphs' | 'tags' | 'passages' | 'markup' | 'codings' | 'words', Int32Array> = {
  lineStarts: new Int32Array(1024),
  turns: new Int32Array(256 * TURN_FIELDS),
  paragraphs: new Int32Array(256 * PARAGRAPH_FIELDS),
  tags: new Int32Array(256 * TAG_FIELDS),
  passages: new Int32Array(128 * PASSAGE_FIELDS),
  markup: new Int32Array(512 * MARKUP_FIELDS),
  codings: new Int32Array(256 * CODING_FIELDS),
  /** Per paragraph: its words' start and end once a tag has asked for them, else -1. */
  words: new Int32Array(256 * 2),
};

/** The speakers and paths of the latest scan (only its first turnCount and tagCount entries). */
let scratchSpeakers: string[] = [];
let scratchPaths: string[] = [];

/** Arrays above this many elements are not kept after a scan, so one huge file does not hold memory. */
const KEEP_LIMIT = 1 << 20;

export function scanTranscript(bytes: Uint8Array, settings: SpeakerSettings): TranscriptStructure {
  return structureOf(scanColumns(bytes, settings));
}

export function scanColumns(bytes: Uint8Array, settings: SpeakerSettings): ScanColumns {
  const n = bytes.length;
  const lineCount = computeLineStarts(bytes);
  const lineStarts = scratch.lineStarts;
  const lineEnd = (line: number) => contentEnd(bytes, lineStarts, lineCount, line);
  const problems = new ProblemList();
  // The file's first byte-order mark was taken off when it was read: one here is a second (text/positions.ts).
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) problems.push(diagnostic(DiagnosticCodes.fileExtraBom, { start: 0, end: 3 }));
  const { frontMatter, bodyStart } = scanFrontMatter(bytes, lineStarts.subarray(0, lineCount), lineEnd, problems);

  // Turns and paragraphs, line by line.
  const matchSpeaker = speakerMatcher(settings);
  const speakers = scratchSpeakers;
  let turns = scratch.turns;
  let turnCount = 0;
  let paragraphs = scratch.paragraphs;
  let paragraphCount = 0;
  let open = -1;
  /** Adds a paragraph in the current turn; returns its index. */
  const openParagraph = (start: number, end: number, contentStart: number): number => {
    paragraphs = scratch.paragraphs = withRoom(paragraphs, (paragraphCount + 1) * PARAGRAPH_FIELDS);
    const o = paragraphCount * PARAGRAPH_FIELDS;
    paragraphs[o] = start;
    paragraphs[o + 1] = end;
    paragraphs[o + 2] = contentStart;
    paragraphs[o + 3] = turnCount - 1;
    return paragraphCount++;
  };
  const leadingCloses = new PairSearch(bytes, CLOSE_BRACKET);
  let firstLine = 0;
  while (firstLine < lineCount && lineStarts[firstLine] < bodyStart) firstLine++;
  for (let line = firstLine; line < lineCount; line++) {
    const start = lineStarts[line];
    const end = lineEnd(line);
    let content = start;
    for (let k = 0; content < end && (k = spaceLengthAt(bytes, content, end)) > 0; ) content += k;
    if (content >= end) {
      open = -1;
      continue;
    }
    // Passage marks and tags may stand before a speaker label (imports put them wherever a coding starts).
    const m = matchSpeaker(bytes, afterLeadingMarks(bytes, start, end, leadingCloses), end);
    if (m) {
      let contentStart = m.end;
      for (let k = 0; contentStart < end && (k = spaceLengthAt(bytes, contentStart, end)) > 0; ) contentStart += k;
      if (turnCount > 0) closeTurn(turns, turnCount - 1, paragraphs, paragraphCount);
      turns = scratch.turns = withRoom(turns, (turnCount + 1) * TURN_FIELDS);
      const t = turnCount * TURN_FIELDS;
      turns[t] = m.labelStart;
      turns[t + 1] = m.labelEnd;
      turns[t + 2] = start;
      turns[t + 3] = end;
      turns[t + 4] = contentStart;
      speakers[turnCount] = m.speaker;
      turnCount++;
      open = openParagraph(start, end, contentStart);
      continue;
    }
    if (open >= 0) paragraphs[open * PARAGRAPH_FIELDS + 1] = end;
    else open = openParagraph(start, end, content);
  }
  if (turnCount > 0) closeTurn(turns, turnCount - 1, paragraphs, paragraphCount);

  // Tags and passages, in the order their marks appear.
  let tags = scratch.tags;
  let tagCount = 0;
  const paths = scratchPaths;
  const memos = new Map<number, string>();
  let passages = scratch.passages;
  let passageCount = 0;
  const labels = new Map<number, string>();
  let markup = scratch.markup;
  let markupCount = 0;
  const pushMarkup = (start: number, end: number) => {
    markup = scratch.markup = withRoom(markup, (markupCount + 1) * MARKUP_FIELDS);
    markup[markupCount * MARKUP_FIELDS] = start;
    markup[markupCount * MARKUP_FIELDS + 1] = end;
    markupCount++;
  };
  const unlabelled: number[] = [];
  const labelled = new Map<string, number>();
  let chainEnd = -1;
  let chainPassage = -1;
  let para = 0;
  const paragraphAt = (offset: number): number => {
    while (para < paragraphCount && paragraphs[para * PARAGRAPH_FIELDS + 1] < offset) para++;
    return para < paragraphCount && paragraphs[para * PARAGRAPH_FIELDS] <= offset ? para : -1;
  };
  let line = 0;
  const lineOf = (offset: number): number => {
    while (line + 1 < lineCount && lineStarts[line + 1] <= offset) line++;
    return line;
  };

  // Every search below goes forward from where the last one of its kind started, so no byte is searched
  // twice: a file of a million unclosed `[[` is read once, not a million times to its end.
  const closes = new PairSearch(bytes, CLOSE_BRACKET);
  let nextTag = findPair(bytes, OPEN_BRACKET, bodyStart);
  let nextOpen = findPair(bytes, OPEN_BRACE, bodyStart);
  let nextClose = findPair(bytes, CLOSE_BRACE, bodyStart);
  for (;;) {
    const at = Math.min(nextTag < 0 ? n : nextTag, nextOpen < 0 ? n : nextOpen, nextClose < 0 ? n : nextClose);
    if (at >= n) break;
    let resume: number;
    if (at === nextTag) {
      const eol = lineEnd(lineOf(at));
      const close = closes.next(at + 2);
      if (close < 0 || close + 2 > eol) {
        problems.push(diagnostic(DiagnosticCodes.tagUnclosed, { start: at, end: eol }));
        resume = at + 2;
      } else {
        tags = scratch.tags = withRoom(tags, (tagCount + 1) * TAG_FIELDS);
        const o = tagCount * TAG_FIELDS;
        const path = readTag(bytes, at, close, tags, o, memos, tagCount);
        paths[tagCount] = path;
        const paragraph = paragraphAt(at);
        tags[o + 7] = paragraph;
        if (at === chainEnd && chainPassage >= 0) {
          tags[o + 6] = chainPassage;
          passages[chainPassage * PASSAGE_FIELDS + 8]++;
          chainEnd = close + 2;
          pushMarkup(at, close + 2);
        } else {
          tags[o + 6] = -1;
          chainPassage = -1;
          const floor = Math.max(paragraph >= 0 ? paragraphs[paragraph * PARAGRAPH_FIELDS + 2] : 0, markupCount > 0 ? markup[markupCount * MARKUP_FIELDS - 1] : 0);
          const contentStart = paragraph >= 0 ? paragraphs[paragraph * PARAGRAPH_FIELDS + 2] : undefined;
          paragraphTagMarkup(bytes, at, close + 2, floor, contentStart, pushMarkup);
        }
        if (tags[o + 8] === 0) problems.push(diagnostic(DiagnosticCodes.tagMalformed, { start: at, end: close + 2 }, { path }));
        tagCount++;
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
      const index = passageCount++;
      passages = scratch.passages = withRoom(passages, passageCount * PASSAGE_FIELDS);
      const o = index * PASSAGE_FIELDS;
      passages[o] = at;
      passages[o + 1] = end;
      passages[o + 2] = n;
      passages[o + 3] = n;
      passages[o + 4] = end;
      passages[o + 5] = n;
      passages[o + 6] = paragraphAt(at);
      passages[o + 7] = 0;
      passages[o + 8] = 0;
      pushMarkup(at, end);
      if (label !== undefined) {
        labels.set(index, label);
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
      pushMarkup(at, end);
      const index = label !== undefined ? labelled.get(label) : unlabelled.pop();
      if (index === undefined) {
        problems.push(diagnostic(DiagnosticCodes.passageUnopened, { start: at, end }, { label }));
        chainPassage = -1;
      } else {
        if (label !== undefined) labelled.delete(label);
        const o = index * PASSAGE_FIELDS;
        passages[o + 2] = at;
        passages[o + 3] = end;
        passages[o + 4] = passages[o + 1];
        passages[o + 5] = at;
        passages[o + 7] = 1;
        chainEnd = end;
        chainPassage = index;
      }
      resume = end;
    }
    if (nextTag >= 0 && nextTag < resume) nextTag = findPair(bytes, OPEN_BRACKET, resume);
    if (nextOpen >= 0 && nextOpen < resume) nextOpen = findPair(bytes, OPEN_BRACE, resume);
    if (nextClose >= 0 && nextClose < resume) nextClose = findPair(bytes, CLOSE_BRACE, resume);
  }

  for (let p = 0; p < passageCount; p++) {
    const o = p * PASSAGE_FIELDS;
    const label = labels.get(p);
    if (passages[o + 7] === 0) problems.push(diagnostic(DiagnosticCodes.passageUnclosed, { start: passages[o], end: passages[o + 1] }, { label }));
    else if (passages[o + 8] === 0) problems.push(diagnostic(DiagnosticCodes.passageUncoded, { start: passages[o + 2], end: passages[o + 3] }, { label }));
  }

  // Marks are met in the order of the text and no markup reaches back past the one before, so the
  // markup is sorted as it is found.
  const columns = {
    length: n,
    frontMatter,
    bodyStart,
    lineStarts,
    lineCount,
    turns,
    turnCount,
    speakers,
    paragraphs,
    paragraphCount,
    tags,
    tagCount,
    paths,
    memos,
    passages,
    passageCount,
    labels,
    markup,
    markupCount,
    codings: scratch.codings,
    codingCount: 0,
    problems: problems.kept,
    problemsLeftOut: problems.leftOut,
  };
  collectCodings(bytes, columns);
  if (scratch.lineStarts.length > KEEP_LIMIT || scratch.tags.length > KEEP_LIMIT || scratch.codings.length > KEEP_LIMIT || scratchPaths.length > KEEP_LIMIT) releaseScratch();
  return columns;
}

/** Lets a scan's large arrays go (the scan that made them still holds them). */
function releaseScratch(): void {
  scratchPaths = [];
  scratchSpeakers = [];
  scratch.lineStarts = new Int32Array(1024);
  scratch.turns = new Int32Array(256 * TURN_FIELDS);
  scratch.paragraphs = new Int32Array(256 * PARAGRAPH_FIELDS);
  scratch.tags = new Int32Array(256 * TAG_FIELDS);
  scratch.passages = new Int32Array(128 * PASSAGE_FIELDS);
  scratch.markup = new Int32Array(512 * MARKUP_FIELDS);
  scratch.codings = new Int32Array(256 * CODING_FIELDS);
  scratch.words = new Int32Array(256 * 2);
}

/** The objects of a scan, with their offsets as in its columns. */
export function structureOf(c: ScanColumns): TranscriptStructure {
  const turns: Turn[] = [];
  for (let i = 0; i < c.turnCount; i++) {
    const o = i * TURN_FIELDS;
    turns.push({
      speaker: c.speakers[i],
      labelSpan: { start: c.turns[o], end: c.turns[o + 1] },
      span: { start: c.turns[o + 2], end: c.turns[o + 3] },
      contentStart: c.turns[o + 4],
    });
  }
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < c.paragraphCount; i++) {
    const o = i * PARAGRAPH_FIELDS;
    paragraphs.push({ span: { start: c.paragraphs[o], end: c.paragraphs[o + 1] }, contentStart: c.paragraphs[o + 2], turn: c.paragraphs[o + 3] });
  }
  const passages: Passage[] = [];
  for (let i = 0; i < c.passageCount; i++) {
    const o = i * PASSAGE_FIELDS;
    passages.push({
      openSpan: { start: c.passages[o], end: c.passages[o + 1] },
      closeSpan: { start: c.passages[o + 2], end: c.passages[o + 3] },
      label: c.labels.get(i),
      content: { start: c.passages[o + 4], end: c.passages[o + 5] },
      tags: [],
      paragraph: c.passages[o + 6],
      closed: c.passages[o + 7] === 1,
    });
  }
  const tags: Tag[] = [];
  for (let i = 0; i < c.tagCount; i++) {
    const tag = tagOfRecord(c.tags, i, c.paths[i], c.memos.get(i));
    if (tag.passage >= 0) passages[tag.passage].tags.push(i);
    tags.push(tag);
  }
  const markup: Span[] = [];
  for (let i = 0; i < c.markupCount; i++) markup.push({ start: c.markup[i * MARKUP_FIELDS], end: c.markup[i * MARKUP_FIELDS + 1] });
  const codings: Coding[] = [];
  for (let i = 0; i < c.codingCount; i++) codings.push(codingOfRecord(c.codings, i));
  return {
    frontMatter: c.frontMatter,
    bodyStart: c.bodyStart,
    turns,
    paragraphs,
    tags,
    passages,
    markup,
    codings,
    problems: c.problems,
    problemsLeftOut: c.problemsLeftOut,
    lineStarts: Array.from(c.lineStarts.subarray(0, c.lineCount)),
  };
}

/** Tag `i` of columns in the tag layout (TAG_FIELDS), as an object. */
export function tagOfRecord(d: Int32Array, i: number, path: string, memo: string | undefined): Tag {
  const o = i * TAG_FIELDS;
  const tag: Tag = {
    span: { start: d[o], end: d[o + 1] },
    path,
    pathSpan: { start: d[o + 2], end: d[o + 3] },
    wellFormed: d[o + 8] === 1,
    passage: d[o + 6],
    paragraph: d[o + 7],
  };
  if (memo !== undefined) {
    tag.memo = memo;
    tag.memoSpan = { start: d[o + 4], end: d[o + 5] };
  }
  return tag;
}

/** Coding `i` of columns in the coding layout (CODING_FIELDS), as an object. */
export function codingOfRecord(d: Int32Array, i: number): Coding {
  const o = i * CODING_FIELDS;
  return { tag: d[o], span: { start: d[o + 1], end: d[o + 2] }, paragraph: d[o + 3], passage: d[o + 4], turn: d[o + 5] };
}

/** Where a line's text starts after any passage marks and tags at its very start. */
function afterLeadingMarks(bytes: Uint8Array, start: number, end: number, closes: PairSearch): number {
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
      const close = closes.next(i + 2);
      if (close < 0 || close + 2 > end) return i;
      i = close + 2;
    } else {
      return i;
    }
  }
}

/**
 * The next `cc` at or after a place, remembered: asked for places in ascending order (as the scanner asks),
 * it searches each byte once, however many times it is asked. Asked for an earlier place, it searches again.
 */
class PairSearch {
  private from = Number.MAX_SAFE_INTEGER;
  private found = -1;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly c: number,
  ) {}

  next(from: number): number {
    // The first pair at or after an earlier place is also the first at or after this one, if it is not
    // before it; and when there was none after the earlier place, there is none after this one.
    if (from >= this.from && (this.found < 0 || this.found >= from)) return this.found;
    this.from = from;
    this.found = findPair(this.bytes, this.c, from);
    return this.found;
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

/** Writes where each line starts into the scratch array; returns the number of lines. */
function computeLineStarts(bytes: Uint8Array): number {
  let starts = scratch.lineStarts;
  let count = 0;
  starts[count++] = 0;
  const n = bytes.length;
  let cr = bytes.indexOf(CR);
  let i = 0;
  while (i < n) {
    const lf = bytes.indexOf(LF, i);
    if (cr >= 0 && cr < i) cr = bytes.indexOf(CR, i);
    if (lf < 0 && cr < 0) break;
    if (cr >= 0 && (lf < 0 || cr < lf)) i = bytes[cr + 1] === LF ? cr + 2 : cr + 1;
    else i = lf + 1;
    if (count === starts.length) starts = scratch.lineStarts = withRoom(starts, count + 1);
    starts[count++] = i;
  }
  return count;
}

function contentEnd(bytes: Uint8Array, starts: Int32Array, count: number, line: number): number {
  let end = line + 1 < count ? starts[line + 1] : bytes.length;
  if (end > starts[line] && bytes[end - 1] === LF) end--;
  if (end > starts[line] && bytes[end - 1] === CR) end--;
  return end;
}

const FRONT_MATTER_OPEN = [0x2d, 0x2d, 0x2d];

/** Front matter is decoded as text (it is short) and its offsets turned back into bytes. */
function scanFrontMatter(
  bytes: Uint8Array,
  lineStarts: ArrayLike<number>,
  lineEnd: (line: number) => number,
  problems: ProblemList,
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
  // Back to bytes, counting on from the offset converted last (spans come in the order of the text, so a
  // front matter of many keys is counted once, not once per key).
  let fromUnit = 0;
  let fromByte = 0;
  const toBytes = (offset: number) => {
    if (offset < fromUnit) fromUnit = fromByte = 0;
    fromByte += utf8Length(text, fromUnit, offset);
    fromUnit = offset;
    return fromByte;
  };
  const span = (s: Span): Span => ({ start: toBytes(s.start), end: toBytes(s.end) });
  for (const d of local) problems.push({ ...d, span: span(d.span) });
  const fm = result.frontMatter;
  if (!fm) return { bodyStart: result.bodyStart === 0 ? 0 : toBytes(result.bodyStart) };
  const keySpans: Record<string, Span> = {};
  for (const [k, s] of Object.entries(fm.keySpans)) keySpans[k] = span(s);
  return {
    frontMatter: {
      ...fm,
      span: span(fm.span),
      participantSpan: fm.participantSpan ? span(fm.participantSpan) : undefined,
      memoSpan: fm.memoSpan ? span(fm.memoSpan) : undefined,
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

/** The codings of a scan's tags, written into its columns. */
function collectCodings(bytes: Uint8Array, c: { -readonly [K in keyof ScanColumns]: ScanColumns[K] }): void {
  let codings = scratch.codings;
  let count = 0;
  const words = (scratch.words = withRoom(scratch.words, c.paragraphCount * 2));
  words.fill(-1, 0, c.paragraphCount * 2);
  for (let i = 0; i < c.tagCount; i++) {
    const t = i * TAG_FIELDS;
    const passage = c.tags[t + 6];
    const paragraph = c.tags[t + 7];
    let start: number;
    let end: number;
    let turn: number;
    let where: number;
    if (passage >= 0) {
      const p = passage * PASSAGE_FIELDS;
      if (c.passages[p + 7] === 0) continue;
      start = c.passages[p + 4];
      end = c.passages[p + 5];
      where = c.passages[p + 6];
      turn = turnIndexAt(c.turns, c.turnCount, c.passages[p]);
    } else if (paragraph >= 0) {
      const o = paragraph * PARAGRAPH_FIELDS;
      if (words[paragraph * 2] < 0) trimmedContent(bytes, c.paragraphs[o + 2], c.paragraphs[o + 1], c.markup, c.markupCount, words, paragraph * 2);
      start = words[paragraph * 2];
      end = words[paragraph * 2 + 1];
      where = paragraph;
      turn = c.paragraphs[o + 3];
    } else {
      continue;
    }
    codings = scratch.codings = withRoom(codings, (count + 1) * CODING_FIELDS);
    const o = count * CODING_FIELDS;
    codings[o] = i;
    codings[o + 1] = start;
    codings[o + 2] = end;
    codings[o + 3] = where;
    codings[o + 4] = passage;
    codings[o + 5] = turn;
    count++;
  }
  c.codings = codings;
  c.codingCount = count;
}

/** A paragraph's words (its content without leading or trailing whitespace and markup), written to `out[at]`, `out[at + 1]`. */
function trimmedContent(bytes: Uint8Array, start: number, end: number, markup: Int32Array, markupCount: number, out: Int32Array, at: number): void {
  let s = start;
  let e = end;
  for (;;) {
    for (let k = 0; s < e && (k = spaceLengthAt(bytes, s, e)) > 0; ) s += k;
    const m = markupIndexAt(markup, markupCount, s);
    if (m >= 0 && s < e) s = Math.min(markup[m * MARKUP_FIELDS + 1], e);
    else break;
  }
  for (;;) {
    for (let k = 0; e > s && (k = spaceLengthBefore(bytes, e, s)) > 0; ) e -= k;
    const m = markupIndexAt(markup, markupCount, e - 1);
    if (m >= 0 && e > s) e = Math.max(markup[m * MARKUP_FIELDS], s);
    else break;
  }
  out[at] = s;
  out[at + 1] = e;
}

/** The index of the markup span (in columns) containing `offset`, or -1. */
function markupIndexAt(markup: Int32Array, count: number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < markup[mid * MARKUP_FIELDS]) hi = mid - 1;
    else if (offset >= markup[mid * MARKUP_FIELDS + 1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The turn (in columns) that holds `offset`, or -1. */
function turnIndexAt(turns: Int32Array, count: number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid * TURN_FIELDS + 2] <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
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
function closeTurn(turns: Int32Array, turn: number, paragraphs: Int32Array, paragraphCount: number): void {
  if (paragraphCount === 0) return;
  const end = paragraphs[(paragraphCount - 1) * PARAGRAPH_FIELDS + 1];
  const t = turn * TURN_FIELDS + 3;
  if (end > turns[t]) turns[t] = end;
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

/**
 * Reads the tag from `start` (its `[[`) to `close` (its `]]`) into `tags[o…]`: span, path span, memo
 * span (-1 without) and whether its path is well formed; the caller fills in passage and paragraph.
 * A memo goes into `memos` under `index`. Returns the path.
 */
function readTag(bytes: Uint8Array, start: number, close: number, tags: Int32Array, o: number, memos: Map<number, string>, index: number): string {
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
  tags[o] = start;
  tags[o + 1] = close + 2;
  tags[o + 2] = ps;
  tags[o + 3] = pe;
  tags[o + 4] = -1;
  tags[o + 5] = -1;
  tags[o + 8] = wellFormed ? 1 : 0;
  if (bar >= 0) {
    const rawMemo = decodeUtf8(bytes, bar + 1, close);
    const memo = rawMemo.trim();
    if (memo) {
      const ms = bar + 1 + utf8Length(rawMemo, 0, rawMemo.length - rawMemo.trimStart().length);
      tags[o + 4] = ms;
      tags[o + 5] = ms + utf8Length(memo);
      memos.set(index, memo);
    }
  }
  return path;
}

/**
 * The markup of a paragraph tag: the tag with the spaces before it (or, at the start of the paragraph's
 * words, after it), so that `Zo is het. [[a]]` reads `Zo is het.` without the tag.
 */
function paragraphTagMarkup(
  bytes: Uint8Array,
  start: number,
  end: number,
  floor: number,
  contentStart: number | undefined,
  push: (start: number, end: number) => void,
): void {
  let s = start;
  while (s > floor && isHorizontalSpace(bytes[s - 1])) s--;
  if (s < start && s > floor && !isLineBreak(bytes[s - 1])) return push(s, end);
  let e = end;
  while (e < bytes.length && isHorizontalSpace(bytes[e])) e++;
  if (
    e > end &&
    (start === floor || start === contentStart || isLineBreak(bytes[start - 1])) &&
    e < bytes.length &&
    !isLineBreak(bytes[e]) &&
    bytes[e] !== OPEN_BRACKET
  ) {
    return push(start, e);
  }
  push(start, end);
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

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
import { withRoom } from '../int32Slab';
import { decodeUtf8, spaceLengthAt, spaceLengthBefore } from '../text/utf8';
import { computeByteLineStarts, lineContentEnd } from './byteLines';
import type { FrontMatter } from './frontMatter';
import { scanFrontMatter } from './frontMatterBytes';
import { CLOSE_BRACE, CLOSE_BRACKET, HASH, isLabelByte, OPEN_BRACE, OPEN_BRACKET, SPACE, TAB } from './markBytes';
import { findPair, PairSearch } from './pairSearch';
import { CODING, codingOfRecord, MARKUP, PARAGRAPH, PASSAGE, TAG, tagOfRecord, TURN } from './records';
import { ScanWorkspace } from './scanWorkspace';
import { markupIndexAt, turnIndexAt } from './searches';
import type { SpeakerSettings } from './speakers';
import { paragraphTagMarkup, readTag } from './tagReader';
import type { Coding, Paragraph, Passage, Tag, TranscriptStructure, Turn } from './structure';

export type { Coding, Paragraph, Passage, Tag, TranscriptStructure, Turn } from './structure';

/**
 * What the scanner finds, as columns of byte offsets rather than objects: a corpus has hundreds of
 * thousands of tags, and the index keeps them in typed arrays anyway. Records are laid out as records.ts
 * says. The arrays are the workspace's, reused by its next scan, so a caller copies what it keeps before
 * scanning again with the same workspace; `structureOf` makes the objects.
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

/** The objects of a transcript's bytes, in byte offsets. */
export function scanTranscript(bytes: Uint8Array, settings: SpeakerSettings, workspace = new ScanWorkspace()): TranscriptStructure {
  return structureOf(scanColumns(bytes, settings, workspace));
}

/** The records of a transcript's bytes, in byte offsets, in the workspace's arrays (see ScanColumns). */
export function scanColumns(bytes: Uint8Array, settings: SpeakerSettings, workspace: ScanWorkspace): ScanColumns {
  const n = bytes.length;
  const lineCount = computeByteLineStarts(bytes, workspace);
  const lineStarts = workspace.lineStarts;
  const lineEnd = (line: number) => lineContentEnd(bytes, lineStarts, lineCount, line);
  const problems = new ProblemList();
  // The file's first byte-order mark was taken off when it was read: one here is a second (text/positions.ts).
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) problems.push(diagnostic(DiagnosticCodes.fileExtraBom, { start: 0, end: 3 }));
  const { frontMatter, bodyStart } = scanFrontMatter(bytes, lineStarts.subarray(0, lineCount), lineEnd, problems);

  // Turns and paragraphs, line by line.
  const matchSpeaker = workspace.speakerMatchers.matcherFor(settings);
  const speakers = workspace.speakers;
  let turns = workspace.turns;
  let turnCount = 0;
  let paragraphs = workspace.paragraphs;
  let paragraphCount = 0;
  let open = -1;
  /** Adds a paragraph in the current turn; returns its index. */
  const openParagraph = (start: number, end: number, contentStart: number): number => {
    paragraphs = workspace.paragraphs = withRoom(paragraphs, (paragraphCount + 1) * PARAGRAPH.fields);
    const o = paragraphCount * PARAGRAPH.fields;
    paragraphs[o + PARAGRAPH.start] = start;
    paragraphs[o + PARAGRAPH.end] = end;
    paragraphs[o + PARAGRAPH.contentStart] = contentStart;
    paragraphs[o + PARAGRAPH.turn] = turnCount - 1;
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
      turns = workspace.turns = withRoom(turns, (turnCount + 1) * TURN.fields);
      const t = turnCount * TURN.fields;
      turns[t + TURN.labelStart] = m.labelStart;
      turns[t + TURN.labelEnd] = m.labelEnd;
      turns[t + TURN.start] = start;
      turns[t + TURN.end] = end;
      turns[t + TURN.contentStart] = contentStart;
      speakers[turnCount] = m.speaker;
      turnCount++;
      open = openParagraph(start, end, contentStart);
      continue;
    }
    if (open >= 0) paragraphs[open * PARAGRAPH.fields + PARAGRAPH.end] = end;
    else open = openParagraph(start, end, content);
  }
  if (turnCount > 0) closeTurn(turns, turnCount - 1, paragraphs, paragraphCount);

  // Tags and passages, in the order their marks appear.
  let tags = workspace.tags;
  let tagCount = 0;
  const paths = workspace.paths;
  const memos = new Map<number, string>();
  let passages = workspace.passages;
  let passageCount = 0;
  const labels = new Map<number, string>();
  let markup = workspace.markup;
  let markupCount = 0;
  const pushMarkup = (start: number, end: number) => {
    markup = workspace.markup = withRoom(markup, (markupCount + 1) * MARKUP.fields);
    markup[markupCount * MARKUP.fields + MARKUP.start] = start;
    markup[markupCount * MARKUP.fields + MARKUP.end] = end;
    markupCount++;
  };
  const unlabelled: number[] = [];
  const labelled = new Map<string, number>();
  let chainEnd = -1;
  let chainPassage = -1;
  let para = 0;
  const paragraphAt = (offset: number): number => {
    while (para < paragraphCount && paragraphs[para * PARAGRAPH.fields + PARAGRAPH.end] < offset) para++;
    return para < paragraphCount && paragraphs[para * PARAGRAPH.fields + PARAGRAPH.start] <= offset ? para : -1;
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
        tags = workspace.tags = withRoom(tags, (tagCount + 1) * TAG.fields);
        const o = tagCount * TAG.fields;
        const path = readTag(bytes, at, close, tags, o, memos, tagCount, workspace);
        paths[tagCount] = path;
        const paragraph = paragraphAt(at);
        tags[o + TAG.paragraph] = paragraph;
        if (at === chainEnd && chainPassage >= 0) {
          tags[o + TAG.passage] = chainPassage;
          passages[chainPassage * PASSAGE.fields + PASSAGE.tagCount]++;
          chainEnd = close + 2;
          pushMarkup(at, close + 2);
        } else {
          tags[o + TAG.passage] = -1;
          chainPassage = -1;
          const contentStart = paragraph >= 0 ? paragraphs[paragraph * PARAGRAPH.fields + PARAGRAPH.contentStart] : undefined;
          const lastMarkupEnd = markupCount > 0 ? markup[(markupCount - 1) * MARKUP.fields + MARKUP.end] : 0;
          const floor = Math.max(contentStart ?? 0, lastMarkupEnd);
          paragraphTagMarkup(bytes, at, close + 2, floor, contentStart, pushMarkup);
        }
        if (tags[o + TAG.wellFormed] === 0) problems.push(diagnostic(DiagnosticCodes.tagMalformed, { start: at, end: close + 2 }, { path }));
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
      passages = workspace.passages = withRoom(passages, passageCount * PASSAGE.fields);
      const o = index * PASSAGE.fields;
      passages[o + PASSAGE.openStart] = at;
      passages[o + PASSAGE.openEnd] = end;
      passages[o + PASSAGE.closeStart] = n;
      passages[o + PASSAGE.closeEnd] = n;
      passages[o + PASSAGE.contentStart] = end;
      passages[o + PASSAGE.contentEnd] = n;
      passages[o + PASSAGE.paragraph] = paragraphAt(at);
      passages[o + PASSAGE.closed] = 0;
      passages[o + PASSAGE.tagCount] = 0;
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
        const o = index * PASSAGE.fields;
        passages[o + PASSAGE.closeStart] = at;
        passages[o + PASSAGE.closeEnd] = end;
        passages[o + PASSAGE.contentStart] = passages[o + PASSAGE.openEnd];
        passages[o + PASSAGE.contentEnd] = at;
        passages[o + PASSAGE.closed] = 1;
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
    const o = p * PASSAGE.fields;
    const label = labels.get(p);
    if (passages[o + PASSAGE.closed] === 0) {
      problems.push(diagnostic(DiagnosticCodes.passageUnclosed, { start: passages[o + PASSAGE.openStart], end: passages[o + PASSAGE.openEnd] }, { label }));
    } else if (passages[o + PASSAGE.tagCount] === 0) {
      problems.push(diagnostic(DiagnosticCodes.passageUncoded, { start: passages[o + PASSAGE.closeStart], end: passages[o + PASSAGE.closeEnd] }, { label }));
    }
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
    codings: workspace.codings,
    codingCount: 0,
    problems: problems.kept,
    problemsLeftOut: problems.leftOut,
  };
  collectCodings(bytes, columns, workspace);
  workspace.releaseLarge();
  return columns;
}

/** The objects of a scan, with their offsets as in its columns. */
export function structureOf(c: ScanColumns): TranscriptStructure {
  const turns: Turn[] = [];
  for (let i = 0; i < c.turnCount; i++) {
    const o = i * TURN.fields;
    turns.push({
      speaker: c.speakers[i],
      labelSpan: { start: c.turns[o + TURN.labelStart], end: c.turns[o + TURN.labelEnd] },
      span: { start: c.turns[o + TURN.start], end: c.turns[o + TURN.end] },
      contentStart: c.turns[o + TURN.contentStart],
    });
  }
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < c.paragraphCount; i++) {
    const o = i * PARAGRAPH.fields;
    paragraphs.push({
      span: { start: c.paragraphs[o + PARAGRAPH.start], end: c.paragraphs[o + PARAGRAPH.end] },
      contentStart: c.paragraphs[o + PARAGRAPH.contentStart],
      turn: c.paragraphs[o + PARAGRAPH.turn],
    });
  }
  const passages: Passage[] = [];
  for (let i = 0; i < c.passageCount; i++) {
    const o = i * PASSAGE.fields;
    passages.push({
      openSpan: { start: c.passages[o + PASSAGE.openStart], end: c.passages[o + PASSAGE.openEnd] },
      closeSpan: { start: c.passages[o + PASSAGE.closeStart], end: c.passages[o + PASSAGE.closeEnd] },
      label: c.labels.get(i),
      content: { start: c.passages[o + PASSAGE.contentStart], end: c.passages[o + PASSAGE.contentEnd] },
      tags: [],
      paragraph: c.passages[o + PASSAGE.paragraph],
      closed: c.passages[o + PASSAGE.closed] === 1,
    });
  }
  const tags: Tag[] = [];
  for (let i = 0; i < c.tagCount; i++) {
    const tag = tagOfRecord(c.tags, i, c.paths[i], c.memos.get(i));
    if (tag.passage >= 0) passages[tag.passage].tags.push(i);
    tags.push(tag);
  }
  const markup: Span[] = [];
  for (let i = 0; i < c.markupCount; i++) {
    const o = i * MARKUP.fields;
    markup.push({ start: c.markup[o + MARKUP.start], end: c.markup[o + MARKUP.end] });
  }
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

/** The codings of a scan's tags, written into its columns. */
function collectCodings(bytes: Uint8Array, c: { -readonly [K in keyof ScanColumns]: ScanColumns[K] }, workspace: ScanWorkspace): void {
  let codings = workspace.codings;
  let count = 0;
  const words = (workspace.words = withRoom(workspace.words, c.paragraphCount * 2));
  words.fill(-1, 0, c.paragraphCount * 2);
  for (let i = 0; i < c.tagCount; i++) {
    const t = i * TAG.fields;
    const passage = c.tags[t + TAG.passage];
    const paragraph = c.tags[t + TAG.paragraph];
    let start: number;
    let end: number;
    let turn: number;
    let where: number;
    if (passage >= 0) {
      const p = passage * PASSAGE.fields;
      if (c.passages[p + PASSAGE.closed] === 0) continue;
      start = c.passages[p + PASSAGE.contentStart];
      end = c.passages[p + PASSAGE.contentEnd];
      where = c.passages[p + PASSAGE.paragraph];
      turn = turnIndexAt(c.turns, c.turnCount, c.passages[p + PASSAGE.openStart]);
    } else if (paragraph >= 0) {
      const o = paragraph * PARAGRAPH.fields;
      if (words[paragraph * 2] < 0) {
        trimmedContent(bytes, c.paragraphs[o + PARAGRAPH.contentStart], c.paragraphs[o + PARAGRAPH.end], c.markup, c.markupCount, words, paragraph * 2);
      }
      start = words[paragraph * 2];
      end = words[paragraph * 2 + 1];
      where = paragraph;
      turn = c.paragraphs[o + PARAGRAPH.turn];
    } else {
      continue;
    }
    codings = workspace.codings = withRoom(codings, (count + 1) * CODING.fields);
    const o = count * CODING.fields;
    codings[o + CODING.tag] = i;
    codings[o + CODING.start] = start;
    codings[o + CODING.end] = end;
    codings[o + CODING.paragraph] = where;
    codings[o + CODING.passage] = passage;
    codings[o + CODING.turn] = turn;
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
    if (m >= 0 && s < e) s = Math.min(markup[m * MARKUP.fields + MARKUP.end], e);
    else break;
  }
  for (;;) {
    for (let k = 0; e > s && (k = spaceLengthBefore(bytes, e, s)) > 0; ) e -= k;
    const m = markupIndexAt(markup, markupCount, e - 1);
    if (m >= 0 && e > s) e = Math.max(markup[m * MARKUP.fields + MARKUP.start], s);
    else break;
  }
  out[at] = s;
  out[at + 1] = e;
}

/** Ends a turn at its last paragraph, so blank lines after it are not part of it. */
function closeTurn(turns: Int32Array, turn: number, paragraphs: Int32Array, paragraphCount: number): void {
  if (paragraphCount === 0) return;
  const end = paragraphs[(paragraphCount - 1) * PARAGRAPH.fields + PARAGRAPH.end];
  const t = turn * TURN.fields + TURN.end;
  if (end > turns[t]) turns[t] = end;
}

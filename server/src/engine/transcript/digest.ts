/**
 * What the index keeps of a transcript it does not have open: enough to count its codings, check them
 * against a changed codebook, and point at any tag or segment by line and column, without its text.
 * A digest made from a file's bytes equals the digest of the parsed text (a property test says so).
 *
 * A corpus has hundreds of thousands of tags, so a digest keeps them in typed arrays rather than as
 * objects (an index of objects cost twice the time to build and twice the memory, most of it in the
 * garbage collector moving objects that live as long as the index). `tags` and `codings` give them as
 * objects on demand; those objects are held weakly, so a feature that walks the corpus does not keep
 * them all alive.
 */
import type { Diagnostic, DiagnosticCode, Span } from '../diagnostics';
import { countBefore } from '../sortedSearch';
import { heapInt32, type Int32Source } from '../int32Slab';
import { Utf8Offsets } from '../text/utf8';
import type { FrontMatter } from './frontMatter';
import { CODING, codingOfRecord, TAG, tagOfRecord } from './records';
import { scanColumns } from './scan';
import { ScanWorkspace } from './scanWorkspace';
import type { SpeakerSettings } from './speakers';
import type { Coding, Tag, TranscriptStructure } from './structure';
import type { ParsedTranscript } from './transcript';


export class TranscriptDigest {
  private tagsRef: WeakRef<Tag[]> | undefined;
  private codingsRef: WeakRef<Coding[]> | undefined;

  constructor(
    /** Length of the text in UTF-16 units. */
    readonly length: number,
    /** UTF-16 offsets at which lines start. */
    readonly lineStarts: Int32Array,
    readonly frontMatter: FrontMatter | undefined,
    /** Speaker of each turn, by turn index. */
    readonly turnSpeakers: readonly string[],
    readonly paragraphCount: number,
    readonly problems: readonly Diagnostic[],
    /** Each tag's path (one string per distinct path in the corpus). */
    readonly tagPaths: readonly string[],
    readonly tagData: Int32Array,
    /** Memos by tag index; most tags have none. */
    readonly tagMemos: ReadonlyMap<number, string>,
    readonly codingData: Int32Array,
    /** How many more problems of each code the scanner found than it kept (diagnosticLimit.ts). */
    readonly problemsLeftOut: ReadonlyMap<DiagnosticCode, number> = NONE_LEFT_OUT,
  ) {}

  get tagCount(): number {
    return this.tagPaths.length;
  }

  get codingCount(): number {
    return this.codingData.length / CODING.fields;
  }

  tagPath(i: number): string {
    return this.tagPaths[i];
  }

  tagWellFormed(i: number): boolean {
    return this.tagData[i * TAG.fields + TAG.wellFormed] === 1;
  }

  tagPathSpan(i: number): Span {
    const o = i * TAG.fields;
    return { start: this.tagData[o + TAG.pathStart], end: this.tagData[o + TAG.pathEnd] };
  }

  /** The whole tag `i`, from `[[` to `]]`. */
  tagSpan(i: number): Span {
    const o = i * TAG.fields;
    return { start: this.tagData[o + TAG.start], end: this.tagData[o + TAG.end] };
  }

  /** The index of the tag whose `[[…]]` holds `offset` (its ends included), or -1; without making objects. */
  tagIndexAt(offset: number): number {
    const d = this.tagData;
    const count = this.tagPaths.length;
    // Tags do not overlap: the first that ends at or after the offset holds it, if it starts at or before it.
    const k = countBefore(count, (i) => d[i * TAG.fields + TAG.end] < offset);
    return k < count && d[k * TAG.fields + TAG.start] <= offset ? k : -1;
  }

  codingTag(c: number): number {
    return this.codingData[c * CODING.fields + CODING.tag];
  }

  codingStart(c: number): number {
    return this.codingData[c * CODING.fields + CODING.start];
  }

  codingEnd(c: number): number {
    return this.codingData[c * CODING.fields + CODING.end];
  }

  codingParagraph(c: number): number {
    return this.codingData[c * CODING.fields + CODING.paragraph];
  }

  codingPassage(c: number): number {
    return this.codingData[c * CODING.fields + CODING.passage];
  }

  codingTurn(c: number): number {
    return this.codingData[c * CODING.fields + CODING.turn];
  }

  /** The tags as objects, made when asked. */
  get tags(): readonly Tag[] {
    let tags = this.tagsRef?.deref();
    if (!tags) {
      tags = [];
      for (let i = 0; i < this.tagPaths.length; i++) tags.push(tagOfRecord(this.tagData, i, this.tagPaths[i], this.tagMemos.get(i)));
      this.tagsRef = new WeakRef(tags);
    }
    return tags;
  }

  /** The codings as objects, made when asked. */
  get codings(): readonly Coding[] {
    let codings = this.codingsRef?.deref();
    if (!codings) {
      codings = [];
      for (let i = 0; i < this.codingCount; i++) codings.push(codingOfRecord(this.codingData, i));
      this.codingsRef = new WeakRef(codings);
    }
    return codings;
  }
}

const NONE_LEFT_OUT: ReadonlyMap<DiagnosticCode, number> = new Map();

const same = (o: number) => o;

/**
 * A digest of what the parser found. `convert` turns the structure's offsets into UTF-16 offsets (the
 * scanner's are bytes); without it they are kept as they are.
 * @param workspace whose strings the digest's paths and speakers are (one per distinct string)
 */
export function makeDigest(
  s: TranscriptStructure,
  length: number,
  convert: (offset: number) => number = same,
  arrays: Int32Source = heapInt32,
  workspace?: ScanWorkspace,
): TranscriptDigest {
  const intern = workspace ? (text: string) => workspace.intern(text) : (text: string) => text;
  const tags = s.tags;
  const tagData = arrays.alloc(tags.length * TAG.fields);
  const tagPaths: string[] = new Array(tags.length);
  const tagMemos = new Map<number, string>();
  // In ascending order within each tag, so a converter that walks forward does not search.
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    const o = i * TAG.fields;
    tagPaths[i] = intern(t.path);
    tagData[o + TAG.start] = convert(t.span.start);
    tagData[o + TAG.pathStart] = convert(t.pathSpan.start);
    tagData[o + TAG.pathEnd] = convert(t.pathSpan.end);
    if (t.memo !== undefined && t.memoSpan) {
      tagMemos.set(i, t.memo);
      tagData[o + TAG.memoStart] = convert(t.memoSpan.start);
      tagData[o + TAG.memoEnd] = convert(t.memoSpan.end);
    } else {
      tagData[o + TAG.memoStart] = -1;
      tagData[o + TAG.memoEnd] = -1;
    }
    tagData[o + TAG.end] = convert(t.span.end);
    tagData[o + TAG.passage] = t.passage;
    tagData[o + TAG.paragraph] = t.paragraph;
    tagData[o + TAG.wellFormed] = t.wellFormed ? 1 : 0;
  }
  const codings = s.codings;
  const codingData = arrays.alloc(codings.length * CODING.fields);
  for (let i = 0; i < codings.length; i++) {
    const c = codings[i];
    const o = i * CODING.fields;
    codingData[o + CODING.tag] = c.tag;
    codingData[o + CODING.start] = convert(c.span.start);
    codingData[o + CODING.end] = convert(c.span.end);
    codingData[o + CODING.paragraph] = c.paragraph;
    codingData[o + CODING.passage] = c.passage;
    codingData[o + CODING.turn] = c.turn;
  }
  const problems = convertProblems(s.problems, convert);
  const frontMatter = convertFrontMatter(s.frontMatter, convert);
  const lineStarts = arrays.alloc(s.lineStarts.length);
  for (let i = 0; i < lineStarts.length; i++) lineStarts[i] = convert(s.lineStarts[i]);
  return new TranscriptDigest(
    length,
    lineStarts,
    frontMatter,
    s.turns.map((t) => intern(t.speaker)),
    s.paragraphs.length,
    problems,
    tagPaths,
    tagData,
    tagMemos,
    codingData,
    s.problemsLeftOut?.size ? s.problemsLeftOut : NONE_LEFT_OUT,
  );
}

function convertProblems(problems: Diagnostic[], convert: (offset: number) => number): Diagnostic[] {
  return convert === same ? problems : problems.map((d) => ({ ...d, span: { start: convert(d.span.start), end: convert(d.span.end) } }));
}

function convertFrontMatter(frontMatter: FrontMatter | undefined, convert: (offset: number) => number): FrontMatter | undefined {
  if (!frontMatter || convert === same) return frontMatter;
  const span = (x: Span): Span => ({ start: convert(x.start), end: convert(x.end) });
  const keySpans: Record<string, Span> = {};
  for (const k of Object.keys(frontMatter.keySpans)) keySpans[k] = span(frontMatter.keySpans[k]);
  return {
    ...frontMatter,
    span: span(frontMatter.span),
    participantSpan: frontMatter.participantSpan ? span(frontMatter.participantSpan) : undefined,
    memoSpan: frontMatter.memoSpan ? span(frontMatter.memoSpan) : undefined,
    keySpans,
  };
}

/**
 * The digest of a file's bytes, straight from the scanner's columns: their tag and coding records are
 * laid out as the digest's (records.ts), so they are copied and their offsets converted to UTF-16 in place.
 * @param arrays where the digest's arrays come from (see int32Slab.ts)
 * @param workspace the arrays and caches of the project's scans (scanWorkspace.ts)
 */
export function digestBytes(bytes: Uint8Array, settings: SpeakerSettings, arrays: Int32Source = heapInt32, workspace = new ScanWorkspace()): TranscriptDigest {
  const c = scanColumns(bytes, settings, workspace);
  const offsets = new Utf8Offsets(bytes, workspace.utf8);
  const length = offsets.toUtf16(bytes.length);
  const tagData = arrays.alloc(c.tagCount * TAG.fields);
  tagData.set(c.tags.subarray(0, tagData.length));
  // In ascending order within each tag, so that the converter walks forward instead of searching.
  for (let o = 0; o < tagData.length; o += TAG.fields) {
    tagData[o + TAG.start] = offsets.toUtf16(tagData[o + TAG.start]);
    tagData[o + TAG.pathStart] = offsets.toUtf16(tagData[o + TAG.pathStart]);
    tagData[o + TAG.pathEnd] = offsets.toUtf16(tagData[o + TAG.pathEnd]);
    if (tagData[o + TAG.memoStart] >= 0) {
      tagData[o + TAG.memoStart] = offsets.toUtf16(tagData[o + TAG.memoStart]);
      tagData[o + TAG.memoEnd] = offsets.toUtf16(tagData[o + TAG.memoEnd]);
    }
    tagData[o + TAG.end] = offsets.toUtf16(tagData[o + TAG.end]);
  }
  const codingData = arrays.alloc(c.codingCount * CODING.fields);
  codingData.set(c.codings.subarray(0, codingData.length));
  for (let o = 0; o < codingData.length; o += CODING.fields) {
    codingData[o + CODING.start] = offsets.toUtf16(codingData[o + CODING.start]);
    codingData[o + CODING.end] = offsets.toUtf16(codingData[o + CODING.end]);
  }
  const lineStarts = arrays.alloc(c.lineCount);
  for (let i = 0; i < lineStarts.length; i++) lineStarts[i] = offsets.toUtf16(c.lineStarts[i]);
  const convert = (o: number) => offsets.toUtf16(o);
  const paths: string[] = new Array(c.tagCount);
  for (let i = 0; i < c.tagCount; i++) paths[i] = workspace.intern(c.paths[i]);
  const speakers: string[] = new Array(c.turnCount);
  for (let i = 0; i < c.turnCount; i++) speakers[i] = workspace.intern(c.speakers[i]);
  return new TranscriptDigest(
    length,
    lineStarts,
    convertFrontMatter(c.frontMatter, convert),
    speakers,
    c.paragraphCount,
    convertProblems(c.problems, convert),
    paths,
    tagData,
    c.memos,
    codingData,
    c.problemsLeftOut.size > 0 ? new Map(c.problemsLeftOut) : NONE_LEFT_OUT,
  );
}

/** The digest of a parse; with a workspace, its paths and speakers are the workspace's strings. */
export function digestParsed(parsed: ParsedTranscript, workspace?: ScanWorkspace): TranscriptDigest {
  const structure: TranscriptStructure = { ...parsed, lineStarts: parsed.positions.lineStarts as number[] } as TranscriptStructure;
  return makeDigest(structure, parsed.text.length, same, heapInt32, workspace);
}

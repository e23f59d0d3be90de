/**
 * Retrieved segments, as MAXQDA calls them: every quote of one or more codes (any of them, or only where
 * all of them meet), narrowed by participant and by document variables, each with its context (the
 * sentence before and after, its paragraph, or its speaker turn), its place and its memos. The command
 * line, the language server and the reports (report/retrievedSegmentsReport.ts, retrievedSegmentsDocx.ts)
 * all take their rows from here. docs/analysis.md ("Retrieved segments") defines 'all' and the units.
 */
import { codeLabel, descendants, nearestCodes, resolveCode, type Codebook } from '../codebook/codebook';
import type { Span } from '../diagnostics';
import type { Language } from '../messages';
import { compareNatural, type IndexedDocument, type ProjectIndex } from '../project/projectIndex';
import { lineOfOffset } from '../text/positions';
import type { Segment } from '../transcript/resolve';
import { cleanText, type ParsedTranscript } from '../transcript/transcript';
import { documentVariable } from './retrieval';

export type RetrievalMode = 'any' | 'all';
export type ContextUnit = 'none' | 'sentence' | 'paragraph' | 'turn';
export const CONTEXT_UNITS: readonly ContextUnit[] = ['none', 'sentence', 'paragraph', 'turn'];

export interface RetrievalQuery {
  /** The codes' paths (an alias or a merged code's old path stands for the code it leads to). */
  codes: string[];
  /** any: the segments of any of the codes; all: only those that overlap a segment of every other code. */
  mode?: RetrievalMode;
  /** Each code stands for itself and its subcodes. */
  subcodes?: boolean;
  participant?: string;
  /** Only documents whose variables have these values (`participant` is one too); all must hold. */
  where?: { variable: string; value: string }[];
  context?: ContextUnit;
  /** Include interviewer turns (default: the project's `count_interviewers`). */
  withInterviewers?: boolean;
}

export interface RetrievedSegment {
  /** The chosen code this quote is listed under (a report's heading). */
  group: string;
  /** The code the segment counts for: the chosen code, or one of its subcodes. */
  code: string;
  label: string;
  /** The other chosen codes whose segments overlap this one, in the query's order. */
  alsoCoded: string[];
  file: string;
  participant: string;
  /** The speaker label of its turn, or '' outside a turn. */
  speaker: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** The coded text in UTF-16 offsets of the file, for editors. */
  span: Span;
  /** The coded words, markup removed and whitespace made single spaces (paragraph breaks kept as a blank line). */
  text: string;
  /** Context of the chosen unit before and after the quote, made the same way; '' for none. */
  before: string;
  after: string;
  memos: string[];
}

export interface RetrievalGroup {
  path: string;
  label: string;
  color?: string;
}

export interface RetrievalResult {
  codes: RetrievalGroup[];
  mode: RetrievalMode;
  context: ContextUnit;
  subcodes: boolean;
  participant?: string;
  where: { variable: string; value: string }[];
  rows: RetrievedSegment[];
  /** Documents whose text could not be read while retrieving (moved or deleted): left out, by id. */
  unreadable: string[];
}

/** The paths the codebook does not know (neither as a code nor as an alias), each with its nearest codes. */
export function unknownCodes(codebook: Codebook, paths: readonly string[]): { path: string; nearest: string[] }[] {
  return paths.filter((p) => resolveCode(codebook, p).kind === 'unknown').map((path) => ({ path, nearest: nearestCodes(codebook, path) }));
}

export function retrieveSegments(index: ProjectIndex, query: RetrievalQuery, language: Language): RetrievalResult {
  const codebook = index.codebook;
  const mode = query.mode ?? 'any';
  const context = query.context ?? 'none';
  const withInterviewers = query.withInterviewers ?? codebook.settings.countInterviewers;
  const where = query.where ?? [];

  // Each chosen code, once, with the set of codes it stands for.
  const groups: { path: string; members: Set<string> }[] = [];
  for (const asked of query.codes) {
    const r = resolveCode(codebook, asked);
    if (r.kind === 'unknown' || groups.some((g) => g.path === r.code.path)) continue;
    const members = new Set([r.code.path]);
    if (query.subcodes) for (const d of descendants(codebook, r.code.path)) members.add(d.path);
    groups.push({ path: r.code.path, members });
  }

  const rows: RetrievedSegment[][] = groups.map(() => []);
  const unreadable: string[] = [];
  const documents = [...index.documents()].sort((a, b) => compareNatural(a.id, b.id));
  for (const document of documents) {
    if (!where.every((w) => documentVariable(document, w.variable) === w.value)) continue;
    const segments = document.resolved.segments.filter(
      (s) => (withInterviewers || s.role !== 'interviewer') && (query.participant === undefined || s.participant === query.participant),
    );
    // Per group, its segments in this document.
    const byGroup = groups.map((g) => segments.filter((s) => g.members.has(s.code)));
    if (byGroup.every((list) => list.length === 0)) continue;
    if (mode === 'all' && byGroup.some((list) => list.length === 0)) continue;
    let parsed: ParsedTranscript | undefined;
    groups.forEach((group, gi) => {
      for (const segment of byGroup[gi]) {
        const alsoCoded = groups.filter((_, gj) => gj !== gi && byGroup[gj].some((t) => overlaps(t.span, segment.span))).map((g) => g.path);
        if (mode === 'all' && alsoCoded.length !== groups.length - 1) continue;
        parsed ??= index.parsed(document.id);
        if (!parsed) {
          unreadable.push(document.id);
          return;
        }
        rows[gi].push(row(codebook, language, document, parsed, group.path, segment, alsoCoded, context));
      }
    });
  }
  for (const list of rows) list.sort((a, b) => compareNatural(a.file, b.file) || a.span.start - b.span.start || a.span.end - b.span.end);
  return {
    codes: groups.map((g) => {
      const code = codebook.codes.get(g.path)!;
      return { path: g.path, label: codeLabel(codebook, code, language), color: code.color };
    }),
    mode,
    context,
    subcodes: Boolean(query.subcodes),
    participant: query.participant,
    where,
    rows: rows.flat(),
    unreadable: [...new Set(unreadable)],
  };
}

/** Two stretches overlap when they share at least one character. */
function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function row(
  codebook: Codebook,
  language: Language,
  document: IndexedDocument,
  parsed: ParsedTranscript,
  group: string,
  segment: Segment,
  alsoCoded: string[],
  context: ContextUnit,
): RetrievedSegment {
  const lines = document.digest.lineStarts;
  const { start, end } = segment.span;
  const code = codebook.codes.get(segment.code);
  const around = contextOf(parsed, segment, context);
  return {
    group,
    code: segment.code,
    label: code ? codeLabel(codebook, code, language) : segment.code,
    alsoCoded,
    file: document.id,
    participant: segment.participant,
    speaker: segment.speaker ?? '',
    startLine: lineOfOffset(lines, start) + 1,
    endLine: lineOfOffset(lines, Math.max(start, end - 1)) + 1,
    span: { start, end },
    text: tidy(cleanText(parsed, segment.span)),
    before: around.before,
    after: around.after,
    memos: [...segment.memos],
  };
}

/**
 * The context of a segment in its unit. The unit's words run from where its content starts (after a
 * speaker label) to its end; a passage that reaches beyond its paragraph widens the unit to hold it.
 */
export function contextOf(parsed: ParsedTranscript, segment: Pick<Segment, 'span' | 'paragraph' | 'turn'>, unit: ContextUnit): { before: string; after: string } {
  if (unit === 'none') return { before: '', after: '' };
  const { span } = segment;
  const paragraph = parsed.paragraphs[segment.paragraph];
  const turn = segment.turn >= 0 ? parsed.turns[segment.turn] : undefined;
  // Sentences are looked for within the turn (or, before the first turn, within the paragraph).
  let bounds: Span | undefined =
    unit === 'paragraph' || !turn ? (paragraph ? { start: paragraph.contentStart, end: paragraph.span.end } : undefined) : { start: turn.contentStart, end: turn.span.end };
  bounds ??= span;
  const from = Math.min(bounds.start, span.start);
  const to = Math.max(bounds.end, span.end);
  const pre = cleanText(parsed, { start: from, end: span.start });
  const quote = cleanText(parsed, span);
  const post = cleanText(parsed, { start: span.end, end: to });
  const around = unit === 'sentence' ? sentenceContext(tidy(pre, 'end'), tidy(quote), tidy(post, 'start')) : { before: tidy(pre), after: tidy(post) };
  // Only the quote's own full stop or comma is no context.
  return { before: words(around.before), after: words(around.after) };
}

function words(text: string): string {
  return /[\p{L}\p{N}]/u.test(text) ? text : '';
}

/**
 * The sentence before and after a quote, given the words of its unit before it, the quote and the words
 * after it (tidied, the first keeping its space at the end and the last at the start): `before` is the sentence before the quote's first sentence plus the
 * beginning of that sentence up to the quote; `after` the rest of the quote's last sentence plus the
 * sentence after it.
 */
export function sentenceContext(pre: string, quote: string, post: string): { before: string; after: string } {
  const whole = pre + quote + post;
  const qs = pre.length;
  const qe = qs + quote.length;
  const sentences = sentenceSpans(whole);
  // The sentence the quote starts in: the last that starts at or before it.
  let first = -1;
  for (let i = 0; i < sentences.length && sentences[i].start <= qs; i++) first = i;
  // The sentence the quote ends in: the first that ends at or after its end.
  let last = sentences.length;
  for (let i = sentences.length - 1; i >= 0 && sentences[i].end >= qe; i--) last = i;
  const beforeStart = first - 1 >= 0 ? sentences[first - 1].start : first >= 0 ? sentences[first].start : qs;
  const afterEnd = last + 1 < sentences.length ? sentences[last + 1].end : last < sentences.length ? sentences[last].end : qe;
  return { before: whole.slice(Math.min(beforeStart, qs), qs).trim(), after: whole.slice(qe, Math.max(afterEnd, qe)).trim() };
}

/** Sentence-ending marks, then any closing quotes or brackets. */
const SENTENCE_END = /[.?!…]+["'”’»)\]]*(?=\s|$)/gu;

/**
 * Where the sentences of a text are: a sentence ends after a run of `.`, `?`, `!` or `…` (with the closing
 * quotation marks or brackets that follow) before a space or the end, and at a blank line. Abbreviations
 * (`bijv.`, `o.a.`, `Dr.`) end a sentence too: a known limit, written down in docs/analysis.md.
 */
export function sentenceSpans(text: string): Span[] {
  const ends = new Set<number>();
  for (const m of text.matchAll(SENTENCE_END)) ends.add(m.index + m[0].length);
  for (const m of text.matchAll(/\n\s*\n/g)) ends.add(m.index);
  ends.add(text.length);
  const spans: Span[] = [];
  let start = 0;
  for (const end of [...ends].sort((a, b) => a - b)) {
    while (start < end && /\s/.test(text[start])) start++;
    if (start < end) spans.push({ start, end });
    start = Math.max(start, end);
  }
  return spans;
}

/**
 * Whitespace as a reader wants it in a quote: a blank line (a paragraph break, with or without \r)
 * becomes one blank line, any other run of spaces, tabs and line breaks one space; the ends are trimmed.
 */
export function tidy(text: string, keep?: 'start' | 'end'): string {
  const t = text
    .split(/[ \t]*\r?\n(?:[ \t]*\r?\n)+[ \t]*/)
    .map((p) => p.replace(/\s+/g, ' '))
    .join('\n\n');
  // The edge next to the quote keeps its space or paragraph break: it says where a word or sentence ends.
  if (keep === 'end') return t.trimStart();
  if (keep === 'start') return t.trimEnd();
  return t.trim();
}

/**
 * A transcript (its digest) checked against the codebook: its codings become segments with their code and
 * attribution, and every tag the codebook does not accept becomes a diagnostic.
 */
import { nearestCodes, resolveCode, type Codebook } from '../codebook/codebook';
import { diagnostic, DiagnosticCodes, type Diagnostic, type Span } from '../diagnostics';
import { DOCUMENT_DIAGNOSTIC_LIMIT, limitDiagnostics, ProblemList } from '../diagnosticLimit';
import { heapInt32, withRoom, type Int32Source } from '../int32Slab';
import type { TranscriptDigest } from './digest';

export type SpeakerRole = 'participant' | 'interviewer';

export interface Segment {
  /** The code the segment counts for (aliases and merged codes already followed). */
  code: string;
  /** Indices of the tags that made it (two tags of one code in one paragraph make one segment). */
  tags: number[];
  span: Span;
  paragraph: number;
  /** Index of its passage, or -1 for a paragraph coding. */
  passage: number;
  turn: number;
  /** The speaker label of its turn, when it stands in one. */
  speaker?: string;
  /** Who the segment is attributed to: a participant, or an interviewer's label. */
  participant: string;
  role: SpeakerRole;
  memos: readonly string[];
}

const NO_MEMOS: readonly string[] = Object.freeze([]);

/**
 * Per segment in `data`, one number: the index of the digest's coding it was made from (its span,
 * paragraph, passage, turn and first tag are that coding's) times two, plus one for an interviewer's.
 */
const INTERVIEWER = 1;

/**
 * The segments of a transcript and the problems the codebook finds in it. Like the digest, it keeps its
 * segments in typed arrays (a corpus has hundreds of thousands) and gives them as objects on demand.
 */
export class ResolvedTranscript {
  private segmentsRef: WeakRef<Segment[]> | undefined;

  constructor(
    readonly diagnostics: Diagnostic[],
    /** The document's participant: its front matter's, or its file name when it has none. */
    readonly participant: string,
    readonly participantDeclared: boolean,
    /** Each segment's code. */
    readonly segmentCodes: readonly string[],
    /** Who each segment is attributed to. */
    readonly segmentParticipants: readonly string[],
    private readonly data: Int32Array,
    private readonly moreTags: ReadonlyMap<number, number[]>,
    private readonly memos: ReadonlyMap<number, string[]>,
    private readonly digest: TranscriptDigest,
  ) {}

  get segmentCount(): number {
    return this.segmentCodes.length;
  }

  /** Where segment `i` starts and ends (offsets as in the digest). */
  segmentStart(i: number): number {
    return this.digest.codingStart(this.data[i] >> 1);
  }

  segmentEnd(i: number): number {
    return this.digest.codingEnd(this.data[i] >> 1);
  }

  segmentRole(i: number): SpeakerRole {
    return (this.data[i] & INTERVIEWER) !== 0 ? 'interviewer' : 'participant';
  }

  /** The segments as objects, made when asked. */
  get segments(): readonly Segment[] {
    let segments = this.segmentsRef?.deref();
    if (!segments) {
      segments = [];
      const g = this.digest;
      for (let i = 0; i < this.segmentCodes.length; i++) {
        const c = this.data[i] >> 1;
        const turn = g.codingTurn(c);
        segments.push({
          code: this.segmentCodes[i],
          tags: [g.codingTag(c), ...(this.moreTags.get(i) ?? [])],
          span: { start: g.codingStart(c), end: g.codingEnd(c) },
          paragraph: g.codingParagraph(c),
          passage: g.codingPassage(c),
          turn,
          speaker: turn >= 0 ? g.turnSpeakers[turn] : undefined,
          participant: this.segmentParticipants[i],
          role: (this.data[i] & INTERVIEWER) !== 0 ? 'interviewer' : 'participant',
          memos: this.memos.get(i) ?? NO_MEMOS,
        });
      }
      this.segmentsRef = new WeakRef(segments);
    }
    return segments;
  }
}

/**
 * Per target (a paragraph or a passage), the first segment made of it, or -1: a table reused by every
 * call, whose entries count only when stamped with the current call's number, so nothing is cleared.
 */
class TargetTable {
  private stamps: Int32Array = new Int32Array(1024);
  private firsts: Int32Array = new Int32Array(1024);
  private call = 0;

  begin(): this {
    if (++this.call === 0x7fffffff) {
      this.stamps.fill(0);
      this.call = 1;
    }
    return this;
  }

  get(target: number): number {
    return target < this.stamps.length && this.stamps[target] === this.call ? this.firsts[target] : -1;
  }

  set(target: number, segment: number): void {
    if (target >= this.stamps.length) {
      this.stamps = withRoom(this.stamps, target + 1);
      this.firsts = withRoom(this.firsts, this.stamps.length);
    }
    this.stamps[target] = this.call;
    this.firsts[target] = segment;
  }
}

/** A target's chain longer than this is replaced by a table of its segments by code. */
const CROWDED = 16;

/** What the codebook makes of one tag path: the code it counts for, and what to say about it. */
interface PathVerdict {
  /** The code's path, or undefined when the tag counts for nothing. */
  code: string | undefined;
  /** Diagnostics for a tag with this path, without their span. */
  problems: readonly { code: Diagnostic['code']; args: Diagnostic['args'] }[];
}

/**
 * The tables that resolving a project's transcripts reuses, owned by the project's index and passed to
 * each call, so that nothing lives at module level and two projects share nothing.
 */
export class ResolveWorkspace {
  /** Per target, the first segment made of it. */
  readonly targets = new TargetTable();
  /** Per tag, the code it counts for. */
  tagCodes: (string | undefined)[] = [];
  /** Per segment, the next segment of the same target, or -1. */
  chains: Int32Array = new Int32Array(1024);
  private codebook: Codebook | undefined;
  private verdicts = new Map<string, PathVerdict>();

  /** Verdicts by path under a codebook: a corpus writes the same few dozen paths in every transcript. */
  verdictsOf(codebook: Codebook): Map<string, PathVerdict> {
    if (codebook !== this.codebook) {
      this.codebook = codebook;
      this.verdicts = new Map();
    }
    return this.verdicts;
  }
}

function verdictOf(codebook: Codebook, known: Map<string, PathVerdict>, path: string): PathVerdict {
  let verdict = known.get(path);
  if (verdict) return verdict;
  const r = resolveCode(codebook, path);
  const problems: PathVerdict['problems'][number][] = [];
  switch (r.kind) {
    case 'unknown':
      problems.push({ code: DiagnosticCodes.codeUnknown, args: { path, suggestions: nearestCodes(codebook, path) } });
      break;
    case 'alias':
      problems.push({ code: DiagnosticCodes.codeAlias, args: { path, replacement: r.code.path } });
      break;
    case 'merged':
      problems.push({ code: DiagnosticCodes.codeMerged, args: { path, replacement: r.code.path } });
      break;
    case 'deprecated':
      problems.push({
        code: DiagnosticCodes.codeDeprecated,
        args: { path, reason: typeof r.code.deprecated === 'string' ? r.code.deprecated : undefined },
      });
      break;
    case 'exact':
      break;
  }
  if (r.kind !== 'unknown' && !r.code.codable) {
    problems.push({ code: DiagnosticCodes.codeNotCodable, args: { path: r.code.path, suggestions: r.code.children.slice(0, 5) } });
  }
  verdict = { code: r.kind === 'unknown' ? undefined : r.code.path, problems };
  if (known.size < 100_000) known.set(path, verdict);
  return verdict;
}

/**
 * @param fallbackName what to call the participant of a document without `participant:` (its file name),
 *   so that no coding is lost from the counts.
 * @param arrays where the segments' array comes from (see int32Slab.ts)
 * @param workspace the tables of the project's resolving; a new one by default
 */
export function resolveTranscript(
  digest: TranscriptDigest,
  codebook: Codebook,
  fallbackName: string,
  arrays: Int32Source = heapInt32,
  workspace = new ResolveWorkspace(),
): ResolvedTranscript {
  const settings = codebook.settings;
  // The scanner's problems, then the codebook's: each list keeps its first thousand and counts the rest.
  const diagnostics = new ProblemList(digest.problems.length + DOCUMENT_DIAGNOSTIC_LIMIT);
  for (const d of digest.problems) diagnostics.push(d);
  for (const [code, n] of digest.problemsLeftOut) diagnostics.count(code, n);
  const docParticipant = digest.frontMatter?.participant;
  const participant = docParticipant ?? fallbackName;

  // Resolve each tag once.
  const tagCount = digest.tagCount;
  const resolved = workspace.tagCodes;
  const usable = codebook.codes.size > 0 || codebook.parsed;
  const known = workspace.verdictsOf(codebook);
  for (let i = 0; i < tagCount; i++) {
    resolved[i] = undefined;
    if (!usable || !digest.tagWellFormed(i)) continue;
    const verdict = verdictOf(codebook, known, digest.tagPath(i));
    for (const p of verdict.problems) diagnostics.push(diagnostic(p.code, digest.tagPathSpan(i), p.args));
    resolved[i] = verdict.code;
  }

  const codingCount = digest.codingCount;
  // At most one segment per coding: made that long, cut to length at the end.
  const codes: string[] = new Array<string>(codingCount);
  const participants: string[] = new Array<string>(codingCount);
  let count = 0;
  const data = arrays.alloc(codingCount);
  let used = 0;
  const moreTags = new Map<number, number[]>();
  const memos = new Map<number, string[]>();
  const tagMemos = digest.tagMemos.size > 0 ? digest.tagMemos : undefined;
  // The first segment of each target (a passage, or a paragraph) and, per segment, the next one of the
  // same target: repeated tags of one code on one target make one segment.
  const firstOfTarget = workspace.targets.begin();
  const nextOfTarget = (workspace.chains = withRoom(workspace.chains, codingCount));
  /** Per target with more than CROWDED codes, its segments by code. */
  let crowded: Map<number, Map<string, number>> | undefined;
  // Who a speaker's segments go to, for the speaker met last (turns come in runs of one speaker).
  let lastSpeaker: string | undefined;
  let attributed = false;
  let lastWho = participant;
  let lastInterviewer = false;
  let unattributed = false;
  for (let c = 0; c < codingCount; c++) {
    const tag = digest.codingTag(c);
    const code = resolved[tag];
    if (code === undefined) continue;
    const passage = digest.codingPassage(c);
    const paragraph = digest.codingParagraph(c);
    const target = passage >= 0 ? passage * 2 + 1 : paragraph * 2;
    const memo = tagMemos?.get(tag);
    const first = firstOfTarget.get(target);
    const byCode = crowded?.get(target);
    let existing = first;
    if (byCode) existing = byCode.get(code) ?? -1;
    else {
      let steps = 0;
      while (existing >= 0 && codes[existing] !== code) {
        existing = nextOfTarget[existing];
        steps++;
      }
      // A target with many codes gets a table of them, so its chain is not walked for every tag.
      if (steps > CROWDED) {
        const table = new Map<string, number>();
        for (let k = first; k >= 0; k = nextOfTarget[k]) table.set(codes[k], k);
        (crowded ??= new Map()).set(target, table);
      }
    }
    if (existing >= 0) {
      const more = moreTags.get(existing);
      if (more) more.push(tag);
      else moreTags.set(existing, [tag]);
      if (memo) {
        const list = memos.get(existing);
        if (list) list.push(memo);
        else memos.set(existing, [memo]);
      }
      continue;
    }
    const turn = digest.codingTurn(c);
    const speaker = turn >= 0 ? digest.turnSpeakers[turn] : undefined;
    if (speaker !== lastSpeaker || !attributed) {
      attributed = true;
      lastSpeaker = speaker;
      lastInterviewer = false;
      lastWho = participant;
      if (speaker !== undefined) {
        if (settings.interviewers.has(speaker)) {
          lastInterviewer = true;
          lastWho = speaker;
        } else if (speaker === docParticipant || settings.participants.has(speaker)) {
          lastWho = speaker;
        }
      }
      if (!lastInterviewer && !docParticipant && !(speaker !== undefined && settings.participants.has(speaker))) unattributed = true;
    }
    const index = count++;
    codes[index] = code;
    participants[index] = lastWho;
    data[used++] = c * 2 + (lastInterviewer ? INTERVIEWER : 0);
    if (memo) memos.set(index, [memo]);
    // Newest first in the chain; the search above looks at every segment of the target either way.
    nextOfTarget[index] = first;
    firstOfTarget.set(target, index);
    crowded?.get(target)?.set(code, index);
  }
  codes.length = count;
  participants.length = count;
  if (resolved.length > 1 << 20) workspace.tagCodes = []; // a huge transcript's list is not kept

  if (unattributed) {
    const span = digest.frontMatter?.span ?? firstLineSpan(digest);
    diagnostics.push(diagnostic(DiagnosticCodes.participantMissing, span, { fallback: fallbackName }));
  }

  return new ResolvedTranscript(
    limitDiagnostics(diagnostics, settings.severity),
    participant,
    docParticipant !== undefined,
    codes,
    participants,
    arrays.shrink(data, used),
    moreTags,
    memos,
    digest,
  );
}

function firstLineSpan(parsed: TranscriptDigest): Span {
  return { start: 0, end: parsed.lineStarts.length > 1 ? parsed.lineStarts[1] - 1 : parsed.length };
}

/**
 * A transcript (its digest) checked against the codebook: its codings become segments with their code and
 * attribution, and every tag the codebook does not accept becomes a diagnostic.
 */
import { nearestCodes, resolveCode, type Codebook } from '../codebook/codebook';
import { applySeverities, diagnostic, DiagnosticCodes, type Diagnostic, type Span } from '../diagnostics';
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

/** Per segment in `data`: span, paragraph, passage, turn, role (0 participant, 1 interviewer), first tag. */
const FIELDS = 7;

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
    private readonly turnSpeakers: readonly string[],
  ) {}

  get segmentCount(): number {
    return this.segmentCodes.length;
  }

  /** Where segment `i` starts and ends (offsets as in the digest). */
  segmentStart(i: number): number {
    return this.data[i * FIELDS];
  }

  segmentEnd(i: number): number {
    return this.data[i * FIELDS + 1];
  }

  segmentRole(i: number): SpeakerRole {
    return this.data[i * FIELDS + 5] === 1 ? 'interviewer' : 'participant';
  }

  /** The segments as objects, made when asked. */
  get segments(): readonly Segment[] {
    let segments = this.segmentsRef?.deref();
    if (!segments) {
      segments = [];
      const d = this.data;
      for (let i = 0; i < this.segmentCodes.length; i++) {
        const o = i * FIELDS;
        const turn = d[o + 4];
        segments.push({
          code: this.segmentCodes[i],
          tags: [d[o + 6], ...(this.moreTags.get(i) ?? [])],
          span: { start: d[o], end: d[o + 1] },
          paragraph: d[o + 2],
          passage: d[o + 3],
          turn,
          speaker: turn >= 0 ? this.turnSpeakers[turn] : undefined,
          participant: this.segmentParticipants[i],
          role: d[o + 5] === 1 ? 'interviewer' : 'participant',
          memos: this.memos.get(i) ?? NO_MEMOS,
        });
      }
      this.segmentsRef = new WeakRef(segments);
    }
    return segments;
  }
}

/**
 * @param fallbackName what to call the participant of a document without `participant:` (its file name),
 *   so that no coding is lost from the counts.
 */
export function resolveTranscript(digest: TranscriptDigest, codebook: Codebook, fallbackName: string): ResolvedTranscript {
  const settings = codebook.settings;
  const diagnostics: Diagnostic[] = [...digest.problems];
  const docParticipant = digest.frontMatter?.participant;
  const participant = docParticipant ?? fallbackName;

  // Resolve each tag once.
  const tagCount = digest.tagCount;
  const resolved: (string | undefined)[] = new Array(tagCount);
  const usable = codebook.codes.size > 0 || codebook.parsed;
  for (let i = 0; i < tagCount; i++) {
    if (!usable || !digest.tagWellFormed(i)) continue;
    const path = digest.tagPath(i);
    const r = resolveCode(codebook, path);
    switch (r.kind) {
      case 'unknown':
        diagnostics.push(diagnostic(DiagnosticCodes.codeUnknown, digest.tagPathSpan(i), { path, suggestions: nearestCodes(codebook, path) }));
        continue;
      case 'alias':
        diagnostics.push(diagnostic(DiagnosticCodes.codeAlias, digest.tagPathSpan(i), { path, replacement: r.code.path }));
        break;
      case 'merged':
        diagnostics.push(diagnostic(DiagnosticCodes.codeMerged, digest.tagPathSpan(i), { path, replacement: r.code.path }));
        break;
      case 'deprecated':
        diagnostics.push(
          diagnostic(DiagnosticCodes.codeDeprecated, digest.tagPathSpan(i), {
            path,
            reason: typeof r.code.deprecated === 'string' ? r.code.deprecated : undefined,
          }),
        );
        break;
      case 'exact':
        break;
    }
    if (!r.code.codable) {
      diagnostics.push(diagnostic(DiagnosticCodes.codeNotCodable, digest.tagPathSpan(i), { path: r.code.path, suggestions: r.code.children.slice(0, 5) }));
    }
    resolved[i] = r.code.path;
  }

  const codes: string[] = [];
  const participants: string[] = [];
  const data: number[] = [];
  const moreTags = new Map<number, number[]>();
  const memos = new Map<number, string[]>();
  // Segments by what they code (a passage, or a paragraph), to merge repeated tags of one code.
  const byTarget = new Map<number, number[]>();
  let unattributed = false;
  const codingCount = digest.codingCount;
  for (let c = 0; c < codingCount; c++) {
    const tag = digest.codingTag(c);
    const code = resolved[tag];
    if (code === undefined) continue;
    const passage = digest.codingPassage(c);
    const paragraph = digest.codingParagraph(c);
    const target = passage >= 0 ? passage * 2 + 1 : paragraph * 2;
    const memo = digest.tagMemos.get(tag);
    let siblings = byTarget.get(target);
    const existing = siblings?.find((x) => codes[x] === code);
    if (existing !== undefined) {
      const more = moreTags.get(existing);
      if (more) more.push(tag);
      else moreTags.set(existing, [tag]);
      if (memo) memos.set(existing, [...(memos.get(existing) ?? []), memo]);
      continue;
    }
    const turn = digest.codingTurn(c);
    const speaker = turn >= 0 ? digest.turnSpeakers[turn] : undefined;
    let interviewer = false;
    let who = participant;
    if (speaker !== undefined) {
      if (settings.interviewers.has(speaker)) {
        interviewer = true;
        who = speaker;
      } else if (speaker === docParticipant || settings.participants.has(speaker)) {
        who = speaker;
      }
    }
    if (!interviewer && !docParticipant && !(speaker !== undefined && settings.participants.has(speaker))) unattributed = true;
    const index = codes.length;
    codes.push(code);
    participants.push(who);
    data.push(digest.codingStart(c), digest.codingEnd(c), paragraph, passage, turn, interviewer ? 1 : 0, tag);
    if (memo) memos.set(index, [memo]);
    if (!siblings) byTarget.set(target, (siblings = []));
    siblings.push(index);
  }

  if (unattributed) {
    const span = digest.frontMatter?.span ?? firstLineSpan(digest);
    diagnostics.push(diagnostic(DiagnosticCodes.participantMissing, span, { fallback: fallbackName }));
  }

  return new ResolvedTranscript(
    applySeverities(diagnostics, settings.severity),
    participant,
    docParticipant !== undefined,
    codes,
    participants,
    Int32Array.from(data),
    moreTags,
    memos,
    digest.turnSpeakers,
  );
}

function firstLineSpan(parsed: TranscriptDigest): Span {
  return { start: 0, end: parsed.lineStarts.length > 1 ? parsed.lineStarts[1] - 1 : parsed.length };
}

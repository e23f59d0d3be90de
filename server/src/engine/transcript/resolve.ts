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

export interface ResolvedTranscript {
  segments: Segment[];
  diagnostics: Diagnostic[];
  /** The document's participant: its front matter's, or its file name when it has none. */
  participant: string;
  participantDeclared: boolean;
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
  const resolved: (string | undefined)[] = digest.tags.map((tag) => {
    if (!tag.wellFormed) return undefined;
    if (codebook.codes.size === 0 && !codebook.parsed) return undefined;
    const r = resolveCode(codebook, tag.path);
    switch (r.kind) {
      case 'unknown':
        diagnostics.push(
          diagnostic(DiagnosticCodes.codeUnknown, tag.pathSpan, { path: tag.path, suggestions: nearestCodes(codebook, tag.path) }),
        );
        return undefined;
      case 'alias':
        diagnostics.push(diagnostic(DiagnosticCodes.codeAlias, tag.pathSpan, { path: tag.path, replacement: r.code.path }));
        break;
      case 'merged':
        diagnostics.push(
          diagnostic(DiagnosticCodes.codeMerged, tag.pathSpan, { path: tag.path, replacement: r.code.path }),
        );
        break;
      case 'deprecated':
        diagnostics.push(
          diagnostic(DiagnosticCodes.codeDeprecated, tag.pathSpan, {
            path: tag.path,
            reason: typeof r.code.deprecated === 'string' ? r.code.deprecated : undefined,
          }),
        );
        break;
      case 'exact':
        break;
    }
    if (!r.code.codable) {
      diagnostics.push(
        diagnostic(DiagnosticCodes.codeNotCodable, tag.pathSpan, { path: r.code.path, suggestions: r.code.children.slice(0, 5) }),
      );
    }
    return r.code.path;
  });

  const segments: Segment[] = [];
  // Segments by what they code (a passage, or a paragraph), to merge repeated tags of one code.
  const byTarget = new Map<number, Segment[]>();
  let unattributed = false;
  for (const coding of digest.codings) {
    const code = resolved[coding.tag];
    if (code === undefined) continue;
    const target = coding.passage >= 0 ? coding.passage * 2 + 1 : coding.paragraph * 2;
    const tag = digest.tags[coding.tag];
    let siblings = byTarget.get(target);
    const existing = siblings?.find((x) => x.code === code);
    if (existing) {
      existing.tags.push(coding.tag);
      if (tag.memo) existing.memos = [...existing.memos, tag.memo];
      continue;
    }
    const speaker = coding.turn >= 0 ? digest.turnSpeakers[coding.turn] : undefined;
    let role: SpeakerRole = 'participant';
    let who = participant;
    if (speaker !== undefined) {
      if (settings.interviewers.has(speaker)) {
        role = 'interviewer';
        who = speaker;
      } else if (speaker === docParticipant || settings.participants.has(speaker)) {
        who = speaker;
      }
    }
    if (role === 'participant' && !docParticipant && !(speaker !== undefined && settings.participants.has(speaker))) {
      unattributed = true;
    }
    const segment: Segment = {
      code,
      tags: [coding.tag],
      span: coding.span,
      paragraph: coding.paragraph,
      passage: coding.passage,
      turn: coding.turn,
      speaker,
      participant: who,
      role,
      memos: tag.memo ? [tag.memo] : NO_MEMOS,
    };
    if (!siblings) byTarget.set(target, (siblings = []));
    siblings.push(segment);
    segments.push(segment);
  }

  if (unattributed) {
    const span = digest.frontMatter?.span ?? firstLineSpan(digest);
    diagnostics.push(diagnostic(DiagnosticCodes.participantMissing, span, { fallback: fallbackName }));
  }

  return {
    segments,
    diagnostics: applySeverities(diagnostics, settings.severity),
    participant,
    participantDeclared: docParticipant !== undefined,
  };
}

function firstLineSpan(parsed: TranscriptDigest): Span {
  return { start: 0, end: parsed.lineStarts.length > 1 ? parsed.lineStarts[1] - 1 : parsed.length };
}

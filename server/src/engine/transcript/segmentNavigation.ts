/**
 * Moving through a transcript by its codings: the next or previous coded segment, the next paragraph a
 * participant spoke that has no code yet, and a quote with its attribution for a thesis.
 */
import type { Span } from '../diagnostics';
import type { ProjectSettings } from '../codebook/projectSettings';
import type { ResolvedTranscript } from './resolve';
import { cleanText, turnAt, type ParsedTranscript } from './transcript';
import { paragraphAt, paragraphWords } from './codingEdits';

/** The coded stretch after (or before) `offset`, by where it starts; wraps around at the ends. */
export function adjacentSegment(resolved: ResolvedTranscript, offset: number, direction: 1 | -1): Span | undefined {
  const spans = [...new Map(resolved.segments.map((s) => [`${s.span.start}:${s.span.end}`, s.span])).values()].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  if (spans.length === 0) return undefined;
  if (direction === 1) return spans.find((s) => s.start > offset) ?? spans[0];
  return [...spans].reverse().find((s) => s.start < offset) ?? spans[spans.length - 1];
}

/**
 * The words of the next paragraph after `offset` that no code touches, in a turn that is not an
 * interviewer's; wraps around at the end. Undefined when every such paragraph is coded.
 */
export function nextUncodedParagraph(
  parsed: ParsedTranscript,
  resolved: ResolvedTranscript,
  offset: number,
  settings: Pick<ProjectSettings, 'interviewers'>,
): Span | undefined {
  const coded = new Set<number>();
  for (const s of resolved.segments) {
    for (let i = 0; i < parsed.paragraphs.length; i++) {
      const p = parsed.paragraphs[i].span;
      if (s.span.start < p.end && s.span.end > p.start) coded.add(i);
    }
  }
  const candidates: number[] = [];
  parsed.paragraphs.forEach((p, i) => {
    const turn = p.turn >= 0 ? parsed.turns[p.turn] : undefined;
    if (turn && settings.interviewers.has(turn.speaker)) return;
    if (coded.has(i)) return;
    const words = paragraphWords(parsed, i);
    if (words.end > words.start) candidates.push(i);
  });
  if (candidates.length === 0) return undefined;
  const here = paragraphAt(parsed, offset);
  const next = candidates.find((i) => i > here) ?? candidates[0];
  return paragraphWords(parsed, next);
}

/**
 * A quote of `[start, end)` (or, when empty, of the innermost segment there) with the participant it is
 * attributed to: `“…” [T12]`.
 */
export function quoteAt(
  parsed: ParsedTranscript,
  resolved: ResolvedTranscript,
  start: number,
  end: number,
  settings: Pick<ProjectSettings, 'interviewers' | 'participants'>,
): { text: string; participant: string; formatted: string } | undefined {
  let span: Span = { start: Math.min(start, end), end: Math.max(start, end) };
  if (span.start === span.end) {
    const inner = resolved.segments
      .filter((s) => s.span.start <= start && start <= s.span.end)
      .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
    if (!inner) return undefined;
    span = inner.span;
  }
  const text = cleanText(parsed, span).replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const turn = turnAt(parsed.turns, span.start);
  const speaker = turn >= 0 ? parsed.turns[turn].speaker : undefined;
  const doc = parsed.frontMatter?.participant;
  const participant =
    speaker !== undefined && (speaker === doc || settings.participants.has(speaker) || settings.interviewers.has(speaker)) ? speaker : (doc ?? resolved.participant);
  return { text, participant, formatted: `“${text}” [${participant}]` };
}

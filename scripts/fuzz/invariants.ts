/**
 * The invariants every target checks: each throws a FuzzFailure that says which one broke and where.
 */
import type { Codebook } from '../../server/src/engine/codebook/codebook';
import type { Diagnostic, Span } from '../../server/src/engine/diagnostics';
import { diagnosticMessage } from '../../server/src/engine/messages';
import type { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import type { ResolvedTranscript } from '../../server/src/engine/transcript/resolve';
import type { ParsedTranscript } from '../../server/src/engine/transcript/transcript';

export class FuzzFailure extends Error {
  override name = 'FuzzFailure';
}

export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new FuzzFailure(message);
}

export function ensureEqual<T>(actual: T, expected: T, message: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new FuzzFailure(`${message}\n  expected: ${clip(e)}\n  actual:   ${clip(a)}`);
}

export function clip(s: string, max = 400): string {
  return s.length <= max ? s : `${s.slice(0, max)}… (${s.length} characters)`;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * A span lies inside its text and, with `wholeCharacters` (transcripts, whose parser promises it), does not split
 * a surrogate pair.
 */
export function ensureInside(span: Span, text: string, what: string, wholeCharacters = true): void {
  ensure(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: offsets ${span.start}-${span.end} are not whole numbers`);
  ensure(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: range ${span.start}-${span.end} lies outside the document of ${text.length} characters`);
  if (!wholeCharacters) return;
  for (const o of [span.start, span.end]) {
    ensure(!(o > 0 && o < text.length && isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o))), `${what}: offset ${o} splits a surrogate pair`);
  }
}

/** A diagnostic's range is inside its document, and its message in both languages is a sentence with every blank filled. */
export function ensureDiagnostic(d: Diagnostic, text: string, where: string, wholeCharacters = true): void {
  ensureInside(d.span, text, `${where}: diagnostic ${d.code}`, wholeCharacters);
  for (const lang of ['en', 'nl'] as const) {
    const message = diagnosticMessage(d, lang);
    ensure(message.trim().length > 0, `${where}: diagnostic ${d.code} has no ${lang} message`);
    ensure(!/\bundefined\b|\bNaN\b|\[object /.test(message), `${where}: the ${lang} message of ${d.code} has a blank left unfilled: ${clip(message)}`);
  }
}

/**
 * What a parsed and resolved transcript claims about its text holds: every range inside it, markup where the
 * parser says it stands, passages between their marks, tags whose path is the text of their path.
 */
export function ensureTranscript(parsed: ParsedTranscript, resolved: ResolvedTranscript, codebook: Codebook, where: string): void {
  const text = parsed.text;
  for (const [i, t] of parsed.turns.entries()) {
    ensureInside(t.span, text, `${where}: turn ${i}`);
    ensureInside(t.labelSpan, text, `${where}: the label of turn ${i}`);
    ensure(text.slice(t.labelSpan.start, t.labelSpan.end).includes(t.speaker), `${where}: turn ${i} names speaker ${JSON.stringify(t.speaker)} where the text has ${JSON.stringify(text.slice(t.labelSpan.start, t.labelSpan.end))}`);
  }
  for (const [i, p] of parsed.paragraphs.entries()) ensureInside(p.span, text, `${where}: paragraph ${i}`);
  for (const [i, m] of parsed.markup.entries()) {
    ensureInside(m, text, `${where}: markup ${i}`);
    if (i > 0) ensure(parsed.markup[i - 1].end <= m.start, `${where}: markup ${i - 1} and ${i} overlap`);
  }
  for (const [i, t] of parsed.tags.entries()) {
    ensureInside(t.span, text, `${where}: tag ${i}`);
    ensureInside(t.pathSpan, text, `${where}: the path of tag ${i}`);
    const written = text.slice(t.span.start, t.span.end);
    ensure(written.startsWith('[[') && written.endsWith(']]'), `${where}: tag ${i} claims ${JSON.stringify(clip(written, 80))}, which is not [[…]]`);
    ensure(text.slice(t.pathSpan.start, t.pathSpan.end) === t.path, `${where}: tag ${i} has path ${JSON.stringify(t.path)} where its text has ${JSON.stringify(text.slice(t.pathSpan.start, t.pathSpan.end))}`);
  }
  for (const [i, p] of parsed.passages.entries()) {
    ensureInside(p.openSpan, text, `${where}: the opening of passage ${i}`);
    ensureInside(p.closeSpan, text, `${where}: the close of passage ${i}`);
    ensureInside(p.content, text, `${where}: passage ${i}`);
    ensure(text.startsWith('{{', p.openSpan.start), `${where}: passage ${i} opens at ${p.openSpan.start}, where the text has ${JSON.stringify(text.slice(p.openSpan.start, p.openSpan.start + 2))}`);
    ensure(p.content.start === p.openSpan.end, `${where}: passage ${i}'s text does not start after its opening`);
    if (p.closed) {
      ensure(text.startsWith('}}', p.closeSpan.start), `${where}: passage ${i} closes at ${p.closeSpan.start}, where the text has ${JSON.stringify(text.slice(p.closeSpan.start, p.closeSpan.start + 2))}`);
      ensure(p.content.end === p.closeSpan.start, `${where}: passage ${i}'s text does not end at its close`);
    }
  }
  for (const d of parsed.problems) ensureDiagnostic(d, text, where);
  for (const d of resolved.diagnostics) ensureDiagnostic(d, text, where);
  for (const [i, s] of resolved.segments.entries()) {
    ensureInside(s.span, text, `${where}: segment ${i} (${s.code})`);
    ensure(codebook.codes.has(s.code), `${where}: segment ${i} counts for ${s.code}, which the codebook does not have`);
  }
}

/** Everything a user sees of an index: segments, diagnostics and counts, in a form two indexes can be compared by. */
export function indexSnapshot(index: ProjectIndex): unknown {
  const docs = index.documents().map((d) => ({
    id: d.id,
    participant: d.resolved.participant,
    segments: d.resolved.segments.map((s) => [s.code, s.span.start, s.span.end, s.participant, s.role, s.speaker ?? '', s.memos.join('|')]),
    diagnostics: d.resolved.diagnostics.map((x) => [x.code, x.span.start, x.span.end, x.severity]),
  }));
  const counts = index.codedPaths().sort().map((p) => [p, [...index.countsOf(p, true)].sort()]);
  return { docs, counts, participants: index.participants(), interviewers: index.interviewers() };
}

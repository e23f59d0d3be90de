/**
 * Hover on a tag (or a code in codebook.yaml): the code's label, definition, when to use it and when
 * not, an example, and how often it was used ("27 segments · 9 of 12 participants"), in the user's
 * language where the codebook has it.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { codeLabel, descendants, resolveCode, type Code } from '../../engine/codebook/codebook';
import { placeInCodebook } from '../../engine/codebook/codebookEdits';
import { localize } from '../../engine/codebook/localized';
import { words, type Language } from '../../engine/messages';
import { guard, type Features } from '../context';
import { positionToOffset, spanToRange } from '../convert';
import type { Project } from '../workspace';

export function registerHover({ ctx }: Features): void {
  ctx.connection.onHover(
    guard(ctx, 'hover', (params): Hover | null => {
      const place = ctx.locate(params.textDocument.uri);
      if (!place) return null;
      const project = place.project;
      if (place.kind === 'codebook') {
        const positions = project.codebookPositions();
        const offset = positions.offsetAt(params.position);
        const at = placeInCodebook(project.codebook, offset);
        if (!at || at.kind === 'entry') return null;
        const code = at.kind === 'key' ? at.code : project.codebook.codes.get(at.target);
        if (!code) return null;
        const span = at.kind === 'key' ? at.code.keySpan : at.span;
        return { contents: { kind: MarkupKind.Markdown, value: describeCode(project, code, ctx.labelLanguage(project), ctx.language()) }, range: spanToRange(positions.lineStarts, span) };
      }
      if (place.kind !== 'transcript') return null;
      const doc = project.index.get(place.id);
      if (!doc) return null;
      const lines = doc.digest.lineStarts;
      const offset = positionToOffset(lines, params.position, doc.digest.length);
      const i = doc.digest.tagIndexAt(offset);
      if (i < 0) return null;
      const path = doc.digest.tagPath(i);
      const memo = doc.digest.tagMemos.get(i);
      const lang = ctx.language();
      const r = resolveCode(project.codebook, path);
      if (r.kind === 'unknown') return null;
      const notes: string[] = [];
      if (r.kind === 'alias') notes.push(`_${words(lang, 'aliasOf', { path: r.code.path })}_`);
      if (r.kind === 'merged') notes.push(`_${words(lang, 'mergedInto', { path: r.code.path })}_`);
      if (memo) notes.push(`**${words(lang, 'memo')}:** ${escapeMarkdown(memo)}`);
      const value = describeCode(project, r.code, ctx.labelLanguage(project), lang) + (notes.length ? `\n\n${notes.join('\n\n')}` : '');
      return { contents: { kind: MarkupKind.Markdown, value }, range: spanToRange(lines, doc.digest.tagSpan(i)) };
    }),
  );
}

/** A code as Markdown: label and path, counts, definition, when to use and not, an example. */
export function describeCode(project: Project, code: Code, labelLanguage: string, lang: Language): string {
  const codebook = project.codebook;
  const text = (t: Parameters<typeof localize>[0]) => localize(t, labelLanguage, codebook.settings.language);
  const counts = hoverCounts(project, code);
  const total = project.index.participantCount;
  const parts: string[] = [];
  const swatch = code.color ? ' ■' : '';
  parts.push(`**${escapeMarkdown(codeLabel(codebook, code, labelLanguage))}**${swatch} \`${code.path}\``);
  parts.push(words(lang, 'segmentCount', { segments: counts.segments, participants: counts.participants, total }));
  if (!code.codable) parts.push(`_${words(lang, 'groupingCode')}_`);
  if (code.deprecated) parts.push(`_${words(lang, 'deprecated')}${typeof code.deprecated === 'string' ? `: ${escapeMarkdown(code.deprecated)}` : ''}_`);
  const definition = text(code.definition);
  if (definition) parts.push(escapeMarkdown(definition));
  const use = text(code.whenToUse);
  if (use) parts.push(`**${words(lang, 'whenToUse')}:** ${escapeMarkdown(use)}`);
  const notUse = text(code.whenNotToUse);
  if (notUse) parts.push(`**${words(lang, 'whenNotToUse')}:** ${escapeMarkdown(notUse)}`);
  const example = code.examples.length > 0 ? text(code.examples[0]) : undefined;
  if (example) parts.push(`**${words(lang, 'example')}:** _“${escapeMarkdown(example)}”_`);
  return parts.join('\n\n');
}

/**
 * What `codeCount` counts (the code's segments, with its subcodes' when it only groups them, and the
 * participants they come from), as two numbers: a hover needs no list of participants in natural order,
 * and sorting a thousand of them was most of a hover's time.
 */
function hoverCounts(project: Project, code: Code): { segments: number; participants: number } {
  const index = project.index;
  const withInterviewers = index.codebook.settings.countInterviewers;
  const sum = (counts: ReadonlyMap<string, number>) => {
    let n = 0;
    for (const c of counts.values()) n += c;
    return n;
  };
  if (code.codable) {
    const own = index.countsOf(code.path, withInterviewers);
    return { segments: sum(own), participants: own.size };
  }
  const participants = new Set<string>();
  let segments = 0;
  for (const path of [code.path, ...descendants(index.codebook, code.path).map((c) => c.path)]) {
    const counts = index.countsOf(path, withInterviewers);
    for (const participant of counts.keys()) participants.add(participant);
    segments += sum(counts);
  }
  return { segments, participants: participants.size };
}

export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

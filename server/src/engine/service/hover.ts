/**
 * Hover on a tag (or on a code's key or `merged_into` value in codebook.yaml): the code's label and path,
 * how often it was used ("27 segments · 9 of 12 participants"), its definition, when to use it and when
 * not, an example, in the label language where the codebook has it; on a tag also the tag's memo and
 * whether it names the code by an old name or a merged code.
 */
import { codeLabel, type Code } from '../codebook/codebook';
import { localize } from '../codebook/localized';
import type { Span } from '../diagnostics';
import { words } from '../messages';
import { codeUsage } from './counts';
import type { ServiceModel } from './model';
import { codeAt } from './navigation';

export interface HoverInfo {
  /** What the hover is about: the tag, the key or the `merged_into` value. */
  span: Span;
  markdown: string;
}

export function hoverAt(model: ServiceModel, docId: string, offset: number): HoverInfo | undefined {
  const found = codeAt(model, docId, offset);
  if (!found) return undefined;
  const lang = model.language;
  const notes: string[] = [];
  if (found.tag) {
    if (found.tag.resolution === 'alias') notes.push(`_${words(lang, 'aliasOf', { path: found.code.path })}_`);
    if (found.tag.resolution === 'merged') notes.push(`_${words(lang, 'mergedInto', { path: found.code.path })}_`);
    const memo = model.project.index.get(docId)?.digest.tagMemos.get(found.tag.index);
    if (memo) notes.push(`**${words(lang, 'memo')}:** ${escapeMarkdown(memo)}`);
  }
  const markdown = describeCode(model, found.code) + (notes.length ? `\n\n${notes.join('\n\n')}` : '');
  return { span: found.span, markdown };
}

/** A code as Markdown: label and path, counts, definition, when to use and not, an example. */
export function describeCode(model: ServiceModel, code: Code): string {
  const { index, codebook } = model.project;
  const lang = model.language;
  const text = (t: Parameters<typeof localize>[0]) => localize(t, model.labelLanguage, codebook.settings.language);
  const usage = codeUsage(index, code);
  const parts: string[] = [];
  const swatch = code.color ? ' ■' : '';
  parts.push(`**${escapeMarkdown(codeLabel(codebook, code, model.labelLanguage))}**${swatch} \`${code.path}\``);
  parts.push(words(lang, 'segmentCount', { segments: usage.segments, participants: usage.participants, total: index.participantCount }));
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

export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

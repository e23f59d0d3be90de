/**
 * Completion of code paths inside `[[`, and of merge targets after `merged_into:` in codebook.yaml.
 * Codes are matched by path and by label in any language (typing `[[patien` finds `afstemmen/geduld`
 * when its English label is "Patience"), narrowed to the subcodes after each `/`, best first. The
 * engine filters, so every editor shows the same list; codes that only group others, or are deprecated,
 * are marked.
 */
import { codeLabel, type Code, type Codebook } from '../codebook/codebook';
import { mergedIntoContextAt } from '../codebook/codebookEdits';
import { allTexts, localize } from '../codebook/localized';
import type { Span } from '../diagnostics';
import { words, type Language } from '../messages';
import { fold } from '../text/similarity';
import { pathContextAt } from '../transcript/pathContext';
import { CODEBOOK_ID, documentText, type ServiceModel } from './model';

export interface CompletionInfo {
  /** The code's path. */
  label: string;
  /** Its label in the label language, marked when the code only groups others. */
  description: string;
  /** Its label. */
  detail: string;
  /** Markdown: whether it only groups or is deprecated, and its definition. */
  documentation?: string;
  /** What replaces `replaceSpan`: the path, and `]]` when the tag is not closed yet. */
  insertText: string;
  replaceSpan: Span;
  /** What an editor filters by while the user types on (see filterTextOf). */
  filterText: string;
  /** The engine's ranking, as text that sorts in that order. */
  sortText: string;
  kind: 'code' | 'grouping';
  deprecated: boolean;
}

export interface Completions {
  items: CompletionInfo[];
  /** Always true: the list depends on every character typed, so editors ask again. */
  incomplete: boolean;
}

/** The codes that can be written at `offset`: in a tag's path, or in a `merged_into` value. */
export function completionsAt(model: ServiceModel, docId: string, offset: number): Completions | undefined {
  const text = documentText(model.project, docId);
  if (text === undefined) return undefined;
  const codebook = model.project.codebook;
  let typed: string;
  let replaceSpan: Span;
  let close = '';
  if (docId === CODEBOOK_ID) {
    const at = mergedIntoContextAt(text, offset);
    if (!at) return undefined;
    typed = at.prefix;
    replaceSpan = { start: at.valueStart, end: offset };
  } else {
    const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
    const breakAt = text.slice(offset).search(/[\r\n]/);
    const line = text.slice(lineStart, breakAt < 0 ? text.length : offset + breakAt);
    const context = pathContextAt(line, offset - lineStart, lineStart);
    if (!context) return undefined;
    typed = context.prefix;
    replaceSpan = { start: context.pathStart, end: context.pathEnd };
    close = context.closed ? '' : ']]';
  }
  const items = matchingCodes(codebook, typed, model.labelLanguage).map((code, rank) => item(codebook, code, rank, typed, replaceSpan, close, model.labelLanguage, model.language));
  return { items, incomplete: true };
}

/**
 * Codes for what has been typed: after a `/`, the subcodes of the path before it; otherwise codes whose
 * path, slug or label (any language, without accents) contains the typed word. Best first.
 */
export function matchingCodes(codebook: Codebook, typed: string, language: string): Code[] {
  const codes = [...codebook.codes.values()].filter((c) => !c.mergedInto);
  if (typed === '') return codes;
  const slash = typed.lastIndexOf('/');
  const scope = slash >= 0 ? typed.slice(0, slash + 1) : '';
  const word = fold(typed.slice(slash + 1));
  const folded = foldedTexts(codebook);
  const scored: { code: Code; score: number }[] = [];
  for (const code of codes) {
    if (scope && !code.path.startsWith(scope)) continue;
    const rest = folded(code.path.slice(scope.length));
    const label = folded(codeLabel(codebook, code, language));
    let score = -1;
    if (word === '') score = 0;
    else if (rest.startsWith(word)) score = 0;
    else if (folded(code.slug).startsWith(word)) score = 1;
    else if (label.startsWith(word)) score = 1;
    else if (labelWords(code).some((w) => w.startsWith(word))) score = 2;
    else if (rest.includes(word)) score = 3;
    if (score < 0) continue;
    // Direct children of the scope first when narrowing; codes to use before codes that only group.
    const depth = code.path.slice(scope.length).split('/').length - 1;
    scored.push({ code, score: score * 10 + depth + (code.codable ? 0 : 5) + (code.deprecated ? 8 : 0) });
  }
  return scored.sort((a, b) => a.score - b.score || a.code.order - b.code.order).map((s) => s.code);
}

/**
 * Folded paths and labels, kept per codebook (a new codebook is a new object, so two projects never share
 * one): completion folds the same texts on every keystroke, and folding (Unicode decomposition) was most
 * of its time.
 */
const foldCache = new WeakMap<Codebook, Map<string, string>>();

function foldedTexts(codebook: Codebook): (text: string) => string {
  let cache = foldCache.get(codebook);
  if (!cache) foldCache.set(codebook, (cache = new Map()));
  const known = cache;
  return (text) => {
    let f = known.get(text);
    if (f === undefined) known.set(text, (f = fold(text)));
    return f;
  };
}

/** The words of a code's labels in every language, folded (kept per code object, as above). */
const wordCache = new WeakMap<Code, string[]>();

function labelWords(code: Code): string[] {
  let found = wordCache.get(code);
  if (!found) wordCache.set(code, (found = allTexts(code.label).flatMap((l) => fold(l).split(/[^\p{L}\p{N}]+/u))));
  return found;
}

function item(codebook: Codebook, code: Code, rank: number, typed: string, replaceSpan: Span, close: string, labels: string, lang: Language): CompletionInfo {
  const label = codeLabel(codebook, code, labels);
  const definition = localize(code.definition, labels, codebook.settings.language);
  const notes = [!code.codable ? words(lang, 'groupingCode') : undefined, code.deprecated ? words(lang, 'deprecated') : undefined].filter(Boolean);
  return {
    label: code.path,
    description: code.codable ? label : `${label} (${words(lang, 'notCodable')})`,
    detail: label,
    documentation: definition || notes.length ? [...notes.map((n) => `_${n}_`), definition ?? ''].filter(Boolean).join('\n\n') : undefined,
    insertText: code.path + close,
    replaceSpan,
    filterText: filterTextOf(code, typed),
    sortText: String(rank).padStart(5, '0'),
    kind: code.codable ? 'code' : 'grouping',
    deprecated: Boolean(code.deprecated),
  };
}

/**
 * What an editor filters an item by while the user types on, before the next answer arrives: what was
 * typed (the engine matched it already), the path and every label with and without accents. With the
 * typed text alone, `[[patien` typed quickly closed the list: VS Code filtered the answer to `[[pati` by
 * "pati" and found nothing for "patien".
 */
export function filterTextOf(code: Code, typed: string): string {
  const labels = allTexts(code.label);
  return [...new Set([typed, code.path, ...labels, ...labels.map(fold)].filter((t) => t !== ''))].join(' ');
}

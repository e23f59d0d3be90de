/**
 * Completion of code paths inside `[[`, and of merge targets after `merged_into:` in codebook.yaml.
 * Codes are matched by path and by label in any language (typing `[[patien` finds `afstemmen/geduld`
 * when its English label is "Patience"), narrowed to the subcodes after each `/`. The server filters, so
 * every client shows the same list; codes that only group others, or are deprecated, are marked.
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver';
import { codeLabel, type Code, type Codebook } from '../../engine/codebook/codebook';
import { fold } from '../../engine/text/similarity';
import { mergedIntoContextAt } from '../../engine/codebook/codebookEdits';
import { allTexts, localize } from '../../engine/codebook/localized';
import { words, type Language } from '../../engine/messages';
import { pathContextAt } from '../../engine/transcript/pathContext';
import { guard, type Features } from '../context';

export function registerCompletion({ ctx }: Features): void {
  ctx.connection.onCompletion(
    guard(ctx, 'completion', (params): CompletionList | null => {
      const place = ctx.locate(params.textDocument.uri);
      const document = ctx.documents.get(params.textDocument.uri);
      if (!place || !document) return null;
      const codebook = place.project.codebook;
      const lang = ctx.language();
      const labels = ctx.labelLanguage(place.project);
      if (place.kind === 'codebook') {
        const offset = document.offsetAt(params.position);
        const at = mergedIntoContextAt(document.getText(), offset);
        if (!at) return null;
        const range = { start: document.positionAt(at.valueStart), end: params.position };
        return { isIncomplete: true, items: matchingCodes(codebook, at.prefix, labels).map((c, i) => item(codebook, c, i, at.prefix, range, '', labels, lang)) };
      }
      if (place.kind !== 'transcript') return null;
      const line = document.getText({ start: { line: params.position.line, character: 0 }, end: { line: params.position.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
      const lineStart = document.offsetAt({ line: params.position.line, character: 0 });
      const context = pathContextAt(line, params.position.character, lineStart);
      if (!context) return null;
      const range = { start: document.positionAt(context.pathStart), end: document.positionAt(context.pathEnd) };
      const close = context.closed ? '' : ']]';
      const items = matchingCodes(codebook, context.prefix, labels).map((c, i) => item(codebook, c, i, context.prefix, range, close, labels, lang));
      return { isIncomplete: true, items };
    }),
  );
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
 * Folded paths and labels, kept per codebook (a new codebook is a new object): completion folds the same
 * texts on every keystroke, and folding (Unicode decomposition) was most of its time.
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

/** The words of a code's labels in every language, folded. */
const wordCache = new WeakMap<Code, string[]>();

function labelWords(code: Code): string[] {
  let found = wordCache.get(code);
  if (!found) wordCache.set(code, (found = allTexts(code.label).flatMap((l) => fold(l).split(/[^\p{L}\p{N}]+/u))));
  return found;
}

function item(
  codebook: Codebook,
  code: Code,
  rank: number,
  typed: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
  close: string,
  labels: string,
  lang: Language,
): CompletionItem {
  const label = codeLabel(codebook, code, labels);
  const definition = localize(code.definition, labels, codebook.settings.language);
  const notes = [!code.codable ? words(lang, 'groupingCode') : undefined, code.deprecated ? words(lang, 'deprecated') : undefined].filter(Boolean);
  return {
    label: code.path,
    labelDetails: { description: code.codable ? label : `${label} (${words(lang, 'notCodable')})` },
    kind: code.codable ? CompletionItemKind.EnumMember : CompletionItemKind.Folder,
    detail: label,
    documentation: definition || notes.length ? { kind: MarkupKind.Markdown, value: [...notes.map((n) => `_${n}_`), definition ?? ''].filter(Boolean).join('\n\n') } : undefined,
    tags: code.deprecated ? [CompletionItemTag.Deprecated] : undefined,
    sortText: String(rank).padStart(5, '0'),
    filterText: filterTextOf(code, typed),
    textEdit: { range, newText: code.path + close },
    insertTextFormat: InsertTextFormat.PlainText,
  };
}

/**
 * What a client filters an item by while the user types on, before the server's next answer arrives:
 * what was typed (the server matched it already), the path and every label with and without accents.
 * With the typed text alone, `[[patien` typed quickly closed the list: VS Code filtered the answer to
 * `[[pati` by "pati" and found nothing for "patien".
 */
export function filterTextOf(code: Code, typed: string): string {
  const labels = allTexts(code.label);
  return [...new Set([typed, code.path, ...labels, ...labels.map(fold)].filter((t) => t !== ''))].join(' ');
}

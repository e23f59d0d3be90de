/**
 * Outlines: a transcript's front matter, turns and coded segments (each segment under its turn); the
 * codebook's codes as a tree; and the codes of a project that match a query, for a workspace search.
 */
import { codeLabel } from '../codebook/codebook';
import { allTexts } from '../codebook/localized';
import type { Span } from '../diagnostics';
import { fold } from '../text/similarity';
import { cleanText } from '../transcript/transcript';
import { CODEBOOK_ID, type ServiceModel } from './model';

export interface SymbolInfo {
  name: string;
  detail?: string;
  kind: 'front-matter' | 'turn' | 'segment' | 'code' | 'grouping';
  /** The whole of it. */
  span: Span;
  /** What to select when it is chosen: a turn's speaker label, a code's key. */
  selectionSpan: Span;
  /** What is inside (a turn's segments, a code's subcodes); none for front matter and segments. */
  children?: SymbolInfo[];
}

const SNIPPET = 60;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET - 1)}…` : flat;
}

export function documentSymbols(model: ServiceModel, docId: string): SymbolInfo[] | undefined {
  const { project, labelLanguage: labels } = model;
  const codebook = project.codebook;
  if (docId === CODEBOOK_ID) {
    const symbolOf = (path: string): SymbolInfo => {
      const code = codebook.codes.get(path)!;
      return {
        name: codeLabel(codebook, code, labels),
        detail: code.path,
        kind: code.codable ? 'code' : 'grouping',
        span: code.entrySpan,
        selectionSpan: code.keySpan,
        children: code.children.map(symbolOf),
      };
    };
    return codebook.roots.map(symbolOf);
  }
  const parsed = project.index.parsed(docId);
  const doc = project.index.get(docId);
  if (!parsed || !doc) return undefined;
  const symbols: SymbolInfo[] = [];
  if (parsed.frontMatter) {
    const who = parsed.frontMatter.participant ?? '';
    symbols.push({ name: who ? `participant: ${who}` : '---', kind: 'front-matter', span: parsed.frontMatter.span, selectionSpan: parsed.frontMatter.span });
  }
  const segmentSymbol = (i: number): SymbolInfo => {
    const s = doc.resolved.segments[i];
    const code = codebook.codes.get(s.code);
    return { name: code ? codeLabel(codebook, code, labels) : s.code, detail: snippet(cleanText(parsed, s.span)), kind: 'segment', span: s.span, selectionSpan: s.span };
  };
  const byTurn = new Map<number, number[]>();
  doc.resolved.segments.forEach((s, i) => {
    const list = byTurn.get(s.turn) ?? [];
    list.push(i);
    byTurn.set(s.turn, list);
  });
  // Segments outside any turn come first, then each turn with its segments.
  for (const i of byTurn.get(-1) ?? []) symbols.push(segmentSymbol(i));
  parsed.turns.forEach((turn, t) => {
    const words = snippet(cleanText(parsed, { start: turn.contentStart, end: turn.span.end }));
    symbols.push({
      name: `${turn.speaker}: ${words}`,
      kind: 'turn',
      span: turn.span,
      selectionSpan: turn.labelSpan,
      children: (byTurn.get(t) ?? []).map(segmentSymbol),
    });
  });
  return symbols;
}

export interface CodeSymbol {
  /** The code's label in the label language. */
  name: string;
  path: string;
  kind: 'code' | 'grouping';
  /** Its key in codebook.yaml. */
  span: Span;
}

/** The codes whose path or label (in any language, without accents) contains the query; all for ''. */
export function workspaceSymbols(model: ServiceModel, query: string): CodeSymbol[] {
  const codebook = model.project.codebook;
  const wanted = fold(query);
  const result: CodeSymbol[] = [];
  for (const code of codebook.codes.values()) {
    const label = codeLabel(codebook, code, model.labelLanguage);
    if (wanted && !fold(code.path).includes(wanted) && ![label, ...allTexts(code.label)].some((l) => fold(l).includes(wanted))) continue;
    result.push({ name: label, path: code.path, kind: code.codable ? 'code' : 'grouping', span: code.keySpan });
  }
  return result;
}

/**
 * The nodes of the code tree. Each has a stable id, so that VS Code keeps what the researcher expanded
 * when the tree refreshes as they type.
 */
import type { CodeNode } from '../../../../server/src/lsp/protocol';

export type TreeNode =
  | { kind: 'project'; id: string; project: string; title: string }
  | { kind: 'code'; id: string; project: string; code: CodeNode; participant?: string; variable?: VariableValue }
  | { kind: 'participant'; id: string; project: string; participant: string; code?: CodeNode; count: number; variable?: VariableValue }
  | { kind: 'value'; id: string; project: string; variable: VariableValue }
  | { kind: 'quote'; id: string; project: string; uri: string; range: QuoteRange; text: string; code: string; codeLabel: string; participant: string; line: number; memos: string[]; color?: string }
  | { kind: 'message'; id: string; text: string };

export interface VariableValue {
  name: string;
  value: string;
}

export interface QuoteRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export type Grouping = { by: 'codes' } | { by: 'participants' } | { by: 'variable'; name: string };

export type SortOrder = 'codebook' | 'segments' | 'participants';

/** Codes ordered as asked: the codebook's order, or by count with the codebook's order breaking ties. */
export function sortCodes(codes: CodeNode[], order: SortOrder): CodeNode[] {
  if (order === 'codebook') return codes;
  const key = (c: CodeNode) => (order === 'segments' ? c.segments : c.participants);
  return codes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => key(b.c) - key(a.c) || a.i - b.i)
    .map((x) => x.c);
}

/**
 * The codes that match a filter, with the ancestors that lead to them (a matching parent keeps all its
 * children). Matching ignores case and accents, on labels and paths.
 */
export function filterCodes(codes: CodeNode[], filter: string): CodeNode[] {
  const f = fold(filter.trim());
  if (!f) return codes;
  const keep = (c: CodeNode): CodeNode | undefined => {
    if (fold(c.label).includes(f) || fold(c.path).includes(f)) return c;
    const children = c.children.map(keep).filter((x): x is CodeNode => x !== undefined);
    return children.length > 0 ? { ...c, children } : undefined;
  };
  return codes.map(keep).filter((x): x is CodeNode => x !== undefined);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The first words of a quote, for a tree row. */
export function firstWords(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

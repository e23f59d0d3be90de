/**
 * What can be folded in a transcript: its front matter and each speaker turn. (An editor folds only what
 * spans more than one line.)
 */
import type { Span } from '../diagnostics';
import { CODEBOOK_ID, type ServiceModel } from './model';

export interface FoldInfo {
  span: Span;
  kind: 'front-matter' | 'turn';
}

export function foldingRanges(model: ServiceModel, docId: string): FoldInfo[] | undefined {
  if (docId === CODEBOOK_ID) return undefined;
  const parsed = model.project.index.parsed(docId);
  if (!parsed) return undefined;
  const folds: FoldInfo[] = [];
  if (parsed.frontMatter) folds.push({ span: parsed.frontMatter.span, kind: 'front-matter' });
  for (const turn of parsed.turns) folds.push({ span: turn.span, kind: 'turn' });
  return folds;
}

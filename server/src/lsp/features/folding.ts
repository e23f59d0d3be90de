/**
 * Folding ranges (service/folding.ts): a transcript's front matter and each speaker turn of more than one
 * line.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { foldingRanges } from '../../engine/service/folding';
import { guard, type Features } from '../context';
import { servicePlace } from '../service';

export function registerFolding({ ctx }: Features): void {
  ctx.connection.onFoldingRanges(
    guard(ctx, 'folding', (params): FoldingRange[] | null => {
      const place = servicePlace(ctx, params.textDocument.uri);
      const folds = place && foldingRanges(place.model, place.docId);
      if (!folds) return null;
      const ranges: FoldingRange[] = [];
      for (const fold of folds) {
        const { start, end } = place.rangeOf(fold.span);
        if (end.line > start.line) ranges.push({ startLine: start.line, endLine: end.line, kind: fold.kind === 'front-matter' ? FoldingRangeKind.Imports : FoldingRangeKind.Region });
      }
      return ranges;
    }),
  );
}

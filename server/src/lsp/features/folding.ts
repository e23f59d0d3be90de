/**
 * Folding ranges: a transcript's front matter and each speaker turn of more than one line.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { guard, type Features } from '../context';

export function registerFolding({ ctx }: Features): void {
  ctx.connection.onFoldingRanges(
    guard(ctx, 'folding', (params): FoldingRange[] | null => {
      const place = ctx.locate(params.textDocument.uri);
      if (!place || place.kind !== 'transcript') return null;
      const parsed = place.project.index.parsed(place.id);
      if (!parsed) return null;
      const p = parsed.positions;
      const ranges: FoldingRange[] = [];
      if (parsed.frontMatter) {
        const start = p.lineAt(parsed.frontMatter.span.start);
        const end = p.lineAt(parsed.frontMatter.span.end);
        if (end > start) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Imports });
      }
      for (const turn of parsed.turns) {
        const start = p.lineAt(turn.span.start);
        const end = p.lineAt(turn.span.end);
        if (end > start) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
      }
      return ranges;
    }),
  );
}

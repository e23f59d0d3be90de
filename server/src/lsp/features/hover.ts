/**
 * Hover on a tag or on a code in codebook.yaml: the engine's description of the code (service/hover.ts)
 * as Markdown over the tag's or key's range.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { hoverAt } from '../../engine/service/hover';
import { guard, type Features } from '../context';
import { servicePlace } from '../service';

export function registerHover({ ctx }: Features): void {
  ctx.connection.onHover(
    guard(ctx, 'hover', (params): Hover | null => {
      const place = servicePlace(ctx, params.textDocument.uri);
      if (!place) return null;
      const hover = hoverAt(place.model, place.docId, place.offsetAt(params.position));
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: place.rangeOf(hover.span) } : null;
    }),
  );
}

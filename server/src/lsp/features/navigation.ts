/**
 * Navigation between tags and the codebook (service/navigation.ts): go to definition (to the code's key in
 * codebook.yaml), find references (every segment of the code), document highlights (the tags of the same
 * code in a transcript).
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver';
import { definitionAt, highlightsAt, referencesAt } from '../../engine/service/navigation';
import { checkCancelled, guard, type Features } from '../context';
import { locationIn, servicePlace } from '../service';

export function registerNavigation({ ctx }: Features): void {
  ctx.connection.onDefinition(
    guard(ctx, 'definition', (params) => {
      const place = servicePlace(ctx, params.textDocument.uri);
      const found = place && definitionAt(place.model, place.docId, place.offsetAt(params.position));
      return (found && locationIn(place.project, found.docId, found.span)) ?? null;
    }),
  );

  ctx.connection.onReferences(
    guard(ctx, 'references', (params, token) => {
      const place = servicePlace(ctx, params.textDocument.uri);
      if (!place) return null;
      const found = referencesAt(place.model, place.docId, place.offsetAt(params.position), {
        includeDeclaration: params.context.includeDeclaration,
        checkCancelled: () => checkCancelled(token),
      });
      if (!found) return null;
      return found.map((r) => locationIn(place.project, r.docId, r.span)).filter((l): l is Location => l !== undefined);
    }),
  );

  ctx.connection.onDocumentHighlight(
    guard(ctx, 'highlight', (params): DocumentHighlight[] | null => {
      const place = servicePlace(ctx, params.textDocument.uri);
      const spans = place && highlightsAt(place.model, place.docId, place.offsetAt(params.position));
      return spans ? spans.map((span) => ({ range: place.rangeOf(span), kind: DocumentHighlightKind.Read })) : null;
    }),
  );
}

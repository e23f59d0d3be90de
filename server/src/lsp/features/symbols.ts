/**
 * Outlines (service/symbols.ts): a transcript's front matter, turns and coded segments and the codebook's
 * codes as document symbols; the codes of every project as workspace symbols.
 */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { documentSymbols, workspaceSymbols, type SymbolInfo } from '../../engine/service/symbols';
import { checkCancelled, guard, type Features } from '../context';
import { spanToRange } from '../convert';
import { modelOf, servicePlace } from '../service';

const kinds: Record<SymbolInfo['kind'], SymbolKind> = {
  'front-matter': SymbolKind.Module,
  turn: SymbolKind.String,
  segment: SymbolKind.Key,
  code: SymbolKind.EnumMember,
  grouping: SymbolKind.Namespace,
};

export function registerSymbols({ ctx }: Features): void {
  ctx.connection.onDocumentSymbol(
    guard(ctx, 'document symbols', (params): DocumentSymbol[] | null => {
      const place = servicePlace(ctx, params.textDocument.uri);
      const symbols = place && documentSymbols(place.model, place.docId);
      if (!symbols) return null;
      const convert = (s: SymbolInfo): DocumentSymbol => {
        const symbol: DocumentSymbol = { name: s.name, kind: kinds[s.kind], range: place.rangeOf(s.span), selectionRange: place.rangeOf(s.selectionSpan) };
        if (s.detail !== undefined) symbol.detail = s.detail;
        if (s.children) symbol.children = s.children.map(convert);
        return symbol;
      };
      return symbols.map(convert);
    }),
  );

  ctx.connection.onWorkspaceSymbol(
    guard(ctx, 'workspace symbols', (params, token): SymbolInformation[] => {
      const result: SymbolInformation[] = [];
      for (const project of ctx.workspace.all()) {
        checkCancelled(token);
        const lines = project.codebookPositions().lineStarts;
        for (const s of workspaceSymbols(modelOf(ctx, project), params.query)) {
          result.push({ name: s.name, containerName: s.path, kind: kinds[s.kind], location: { uri: project.codebookUri, range: spanToRange(lines, s.span) } });
        }
      }
      return result;
    }),
  );
}

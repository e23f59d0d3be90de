/**
 * Outlines: a transcript's front matter, turns and coded segments as document symbols; the codebook's
 * codes as document symbols of codebook.yaml and as workspace symbols.
 */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { codeLabel } from '../../engine/codebook/codebook';
import { fold } from '../../engine/text/similarity';
import { allTexts } from '../../engine/codebook/localized';
import { cleanText } from '../../engine/transcript/transcript';
import { checkCancelled, guard, type Features } from '../context';
import { spanToRange } from '../convert';

const SNIPPET = 60;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET - 1)}…` : flat;
}

export function registerSymbols({ ctx }: Features): void {
  ctx.connection.onDocumentSymbol(
    guard(ctx, 'document symbols', (params): DocumentSymbol[] | null => {
      const place = ctx.locate(params.textDocument.uri);
      if (!place) return null;
      const project = place.project;
      const labels = ctx.labelLanguage(project);
      if (place.kind === 'codebook') {
        const lines = project.codebookPositions().lineStarts;
        const codebook = project.codebook;
        const symbolOf = (path: string): DocumentSymbol => {
          const code = codebook.codes.get(path)!;
          return {
            name: codeLabel(codebook, code, labels),
            detail: code.path,
            kind: code.codable ? SymbolKind.EnumMember : SymbolKind.Namespace,
            range: spanToRange(lines, code.entrySpan),
            selectionRange: spanToRange(lines, code.keySpan),
            children: code.children.map(symbolOf),
          };
        };
        return codebook.roots.map(symbolOf);
      }
      if (place.kind !== 'transcript') return null;
      const parsed = project.index.parsed(place.id);
      const doc = project.index.get(place.id);
      if (!parsed || !doc) return null;
      const lines = parsed.positions.lineStarts;
      const codebook = project.codebook;
      const symbols: DocumentSymbol[] = [];
      if (parsed.frontMatter) {
        const who = parsed.frontMatter.participant ?? '';
        symbols.push({ name: who ? `participant: ${who}` : '---', kind: SymbolKind.Module, range: spanToRange(lines, parsed.frontMatter.span), selectionRange: spanToRange(lines, parsed.frontMatter.span) });
      }
      const segmentSymbol = (i: number): DocumentSymbol => {
        const s = doc.resolved.segments[i];
        const code = codebook.codes.get(s.code);
        return {
          name: code ? codeLabel(codebook, code, labels) : s.code,
          detail: snippet(cleanText(parsed, s.span)),
          kind: SymbolKind.Key,
          range: spanToRange(lines, s.span),
          selectionRange: spanToRange(lines, s.span),
        };
      };
      const byTurn = new Map<number, number[]>();
      doc.resolved.segments.forEach((s, i) => {
        const list = byTurn.get(s.turn) ?? [];
        list.push(i);
        byTurn.set(s.turn, list);
      });
      for (const i of byTurn.get(-1) ?? []) symbols.push(segmentSymbol(i));
      parsed.turns.forEach((turn, t) => {
        const words = snippet(cleanText(parsed, { start: turn.contentStart, end: turn.span.end }));
        const range = spanToRange(lines, turn.span);
        symbols.push({
          name: `${turn.speaker}: ${words}`,
          kind: SymbolKind.String,
          range,
          selectionRange: spanToRange(lines, turn.labelSpan),
          children: (byTurn.get(t) ?? []).map(segmentSymbol),
        });
      });
      return symbols;
    }),
  );

  ctx.connection.onWorkspaceSymbol(
    guard(ctx, 'workspace symbols', (params, token): SymbolInformation[] => {
      const query = fold(params.query);
      const result: SymbolInformation[] = [];
      for (const project of ctx.workspace.all()) {
        checkCancelled(token);
        const labels = ctx.labelLanguage(project);
        const codebook = project.codebook;
        const lines = project.codebookPositions().lineStarts;
        for (const code of codebook.codes.values()) {
          const label = codeLabel(codebook, code, labels);
          // Any language's label finds the code, as in completion.
          if (query && !fold(code.path).includes(query) && ![label, ...allTexts(code.label)].some((l) => fold(l).includes(query))) continue;
          result.push({
            name: label,
            containerName: code.path,
            kind: code.codable ? SymbolKind.EnumMember : SymbolKind.Namespace,
            location: { uri: project.codebookUri, range: spanToRange(lines, code.keySpan) },
          });
        }
      }
      return result;
    }),
  );
}

/**
 * Code lenses in codebook.yaml: above each code, how often it was used
 * ("27 segments · 9 of 12 participants"), which opens its segments in the client.
 */
import type { CodeLens } from 'vscode-languageserver';
import { codeCount } from '../../engine/analysis/frequencies';
import { words } from '../../engine/messages';
import { guard, type Features } from '../context';
import { spanToRange } from '../convert';
import { ClientCommands } from '../protocol';

export function registerCodeLens({ ctx }: Features): void {
  ctx.connection.onCodeLens(
    guard(ctx, 'code lens', (params): CodeLens[] | null => {
      const place = ctx.locate(params.textDocument.uri);
      if (!place || place.kind !== 'codebook') return null;
      const project = place.project;
      const lines = project.codebookPositions().lineStarts;
      const total = project.index.participantCount;
      const lang = ctx.language();
      return [...project.codebook.codes.values()].map((code) => {
        const c = codeCount(project.index, code.path, { includeSubcodes: !code.codable });
        const title = words(lang, 'segmentCount', { segments: c.segments, participants: c.participants.length, total });
        return {
          range: spanToRange(lines, code.keySpan),
          command: { title, command: ClientCommands.showSegments, arguments: [project.codebookUri, code.path] },
        };
      });
    }),
  );
}

/**
 * Code lenses in codebook.yaml (service/codeLens.ts): how often each code was used, above its key; the
 * lens opens the code's segments in the client.
 */
import type { CodeLens } from 'vscode-languageserver';
import { codeLenses } from '../../engine/service/codeLens';
import { CODEBOOK_ID } from '../../engine/service/model';
import { guard, type Features } from '../context';
import { ClientCommands } from '../protocol';
import { servicePlace } from '../service';

export function registerCodeLens({ ctx }: Features): void {
  ctx.connection.onCodeLens(
    guard(ctx, 'code lens', (params): CodeLens[] | null => {
      const place = servicePlace(ctx, params.textDocument.uri);
      if (!place || place.docId !== CODEBOOK_ID) return null;
      const codebookUri = place.project.codebookUri;
      return codeLenses(place.model).map((lens) => ({
        range: place.rangeOf(lens.span),
        command: { title: lens.title, command: ClientCommands.showSegments, arguments: [codebookUri, lens.path] },
      }));
    }),
  );
}

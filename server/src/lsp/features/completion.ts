/**
 * Completion of code paths inside `[[` and of merge targets in codebook.yaml (service/completion.ts), as
 * LSP completion items that replace what was typed of the path.
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver';
import { completionsAt } from '../../engine/service/completion';
import { CODEBOOK_ID } from '../../engine/service/model';
import { guard, type Features } from '../context';
import { modelOf } from '../service';

export function registerCompletion({ ctx }: Features): void {
  ctx.connection.onCompletion(
    guard(ctx, 'completion', (params): CompletionList | null => {
      const place = ctx.locate(params.textDocument.uri);
      const document = ctx.documents.get(params.textDocument.uri);
      if (!place || !document || place.kind === 'other') return null;
      const docId = place.kind === 'codebook' ? CODEBOOK_ID : place.id;
      // The engine reads the text the editor has (the index holds an open document's text), so the
      // editor's document converts positions.
      const found = completionsAt(modelOf(ctx, place.project), docId, document.offsetAt(params.position));
      if (!found) return null;
      return {
        isIncomplete: found.incomplete,
        items: found.items.map(
          (c): CompletionItem => ({
            label: c.label,
            labelDetails: { description: c.description },
            kind: c.kind === 'code' ? CompletionItemKind.EnumMember : CompletionItemKind.Folder,
            detail: c.detail,
            documentation: c.documentation !== undefined ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
            tags: c.deprecated ? [CompletionItemTag.Deprecated] : undefined,
            sortText: c.sortText,
            filterText: c.filterText,
            textEdit: { range: { start: document.positionAt(c.replaceSpan.start), end: document.positionAt(c.replaceSpan.end) }, newText: c.insertText },
            insertTextFormat: InsertTextFormat.PlainText,
          }),
        ),
      };
    }),
  );
}

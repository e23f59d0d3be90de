/**
 * Renaming a code from one of its tags or from its key in codebook.yaml (service/rename.ts): one workspace
 * edit for the tags in every transcript (open or not), the key and the subcodes' paths. A refusal reaches
 * the user as an error with its reason.
 */
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { words } from '../../engine/messages';
import type { FileEdits } from '../../engine/project/refactorings';
import { prepareRename, renameEdits, type EditsOrRefusal } from '../../engine/service/rename';
import { guard, invalidParams, refused, type Features } from '../context';
import { rangeIn, servicePlace, uriIn } from '../service';
import type { Project } from '../workspace';

export function registerRename({ ctx }: Features): void {
  ctx.connection.onPrepareRename(
    guard(ctx, 'prepare rename', (params) => {
      const place = servicePlace(ctx, params.textDocument.uri);
      if (!place) throw refused(words(ctx.language(), 'refuse.not-a-code'));
      const prepared = prepareRename(place.model, place.docId, place.offsetAt(params.position));
      if (!prepared.ok) throw refused(prepared.message);
      return { range: place.rangeOf(prepared.span), placeholder: prepared.placeholder };
    }),
  );

  ctx.connection.onRenameRequest(
    guard(ctx, 'rename', (params) => {
      const place = servicePlace(ctx, params.textDocument.uri);
      if (!place) throw refused(words(ctx.language(), 'refuse.not-a-code'));
      return editOrThrow(place.project, renameEdits(place.model, place.docId, place.offsetAt(params.position), params.newName));
    }),
  );
}

/** Edits as one workspace edit; a refusal thrown as an error with its reason. */
export function editOrThrow(project: Project, outcome: EditsOrRefusal): WorkspaceEdit {
  if (!outcome.ok) throw outcome.invalidRequest ? invalidParams(outcome.message) : refused(outcome.message);
  return toWorkspaceEdit(project, outcome.files);
}

/** Edits per document of a project as a workspace edit (the codebook's spans are of the text the index uses). */
export function toWorkspaceEdit(project: Project, files: FileEdits[]): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const f of files) {
    if (f.edits.length === 0) continue;
    const edits: TextEdit[] = [];
    for (const e of f.edits) {
      const range = rangeIn(project, f.file, e.span);
      if (!range) break;
      edits.push({ range, newText: e.newText });
    }
    if (edits.length === f.edits.length) changes[uriIn(project, f.file)] = edits;
  }
  return { changes };
}

/**
 * Renaming a code from one of its tags or from its key in codebook.yaml: one workspace edit that renames
 * the tag in every transcript (open or not), the key in the codebook and its subcodes' paths. From a tag
 * the new name is a path; from the key it is a slug. A new path that exists is refused with a reason.
 */
import { type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { words, type Language } from '../../engine/messages';
import { CODEBOOK_ID, planRename, type FileEdits, type Plan } from '../../engine/project/refactorings';
import { guard, invalidParams, refused, type ServerContext, type Features } from '../context';
import { spanToRange } from '../convert';
import type { Project } from '../workspace';
import { codeAtPosition } from './navigation';

export function registerRename({ ctx }: Features): void {
  ctx.connection.onPrepareRename(
    guard(ctx, 'prepare rename', (params) => {
      const found = codeAtPosition(ctx, params.textDocument.uri, params.position);
      if (!found) throw refused(words(ctx.language(), 'refuse.not-a-code'));
      if (!found.project.codebookOk) throw refused(words(ctx.language(), 'refuse.broken-codebook'));
      const { project, code, tagPathSpan, id } = found;
      if (tagPathSpan && id) {
        const doc = project.index.get(id)!;
        return { range: spanToRange(doc.digest.lineStarts, tagPathSpan), placeholder: code.path };
      }
      return { range: spanToRange(project.codebookPositions().lineStarts, code.keySpan), placeholder: code.slug };
    }),
  );

  ctx.connection.onRenameRequest(
    guard(ctx, 'rename', (params) => {
      const found = codeAtPosition(ctx, params.textDocument.uri, params.position);
      const lang = ctx.language();
      if (!found) throw refused(words(lang, 'refuse.not-a-code'));
      if (!found.project.codebookOk) throw refused(words(lang, 'refuse.broken-codebook'));
      const { project, code, tagPathSpan } = found;
      const newName = params.newName.trim();
      // From the codebook the new name is the key (a slug); from a tag it is the whole path.
      const newPath = tagPathSpan ? newName : code.parentPath ? `${code.parentPath}/${newName}` : newName;
      const plan = planRename(project.index, code.path, newPath);
      return workspaceEditOf(ctx, project, plan, lang);
    }),
  );
}

/** A plan as one workspace edit; a refused plan as an error with its reason. */
export function workspaceEditOf(ctx: ServerContext, project: Project, plan: Plan, lang: Language): WorkspaceEdit {
  if (!plan.ok) {
    const { ok: _ok, reason, ...args } = plan;
    const message = words(lang, `refuse.${reason}` as Parameters<typeof words>[1], args as Record<string, string>);
    // A new name that is no code path, or a code that does not exist, is a wrong parameter; the rest are refusals.
    throw reason === 'invalid-path' || reason === 'unknown-code' ? invalidParams(message) : refused(message);
  }
  return toWorkspaceEdit(ctx, project, plan.files);
}

export function toWorkspaceEdit(ctx: Pick<ServerContext, 'documents'>, project: Project, files: FileEdits[]): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const f of files) {
    if (f.edits.length === 0) continue;
    if (f.file === CODEBOOK_ID) {
      // The codebook's spans are of the text the index parsed, which is the text in the editor when it is good.
      const lines = project.codebookPositions().lineStarts;
      changes[project.codebookUri] = f.edits.map((e) => ({ range: spanToRange(lines, e.span), newText: e.newText }));
    } else {
      const doc = project.index.get(f.file);
      if (!doc) continue;
      const lines = doc.digest.lineStarts;
      changes[project.uriOf(f.file)] = f.edits.map((e) => ({ range: spanToRange(lines, e.span) as Range, newText: e.newText }));
    }
  }
  return { changes };
}

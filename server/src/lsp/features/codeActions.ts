/**
 * Quick fixes and refactorings (service/codeActions.ts) as LSP code actions: edits as workspace edits,
 * the problem fixed as the LSP diagnostic, and merging a code into a sibling as a server command that
 * computes its edit only when it is chosen.
 */
import { CodeActionKind, type CodeAction, type Command } from 'vscode-languageserver';
import { words } from '../../engine/messages';
import { codeActionsFor } from '../../engine/service/codeActions';
import { mergeEdits } from '../../engine/service/rename';
import { guard, invalidParams, type Features } from '../context';
import { toLspDiagnostic } from '../convert';
import { ServerCommands } from '../protocol';
import { modelOf, servicePlace } from '../service';
import { editOrThrow, toWorkspaceEdit } from './rename';

export function registerCodeActions({ ctx }: Features): void {
  ctx.connection.onCodeAction(
    guard(ctx, 'code actions', (params): (CodeAction | Command)[] | null => {
      const place = servicePlace(ctx, params.textDocument.uri);
      if (!place) return null;
      const span = { start: place.offsetAt(params.range.start), end: place.offsetAt(params.range.end) };
      const actions = codeActionsFor(place.model, place.docId, span);
      if (!actions) return null;
      const lang = ctx.language();
      return actions.map((a): CodeAction => {
        const action: CodeAction = { title: a.title, kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite };
        if (a.diagnostic) action.diagnostics = [toLspDiagnostic(a.diagnostic, place.lineStarts, lang)];
        if (a.isPreferred !== undefined) action.isPreferred = a.isPreferred;
        if (a.edits) action.edit = toWorkspaceEdit(place.project, a.edits);
        if (a.command) action.command = { title: a.title, command: ServerCommands.mergeCode, arguments: [place.project.rootUri, a.command.from, a.command.into] };
        return action;
      });
    }),
  );

  ctx.connection.onExecuteCommand(
    guard(ctx, 'command', async (params) => {
      if (params.command !== ServerCommands.mergeCode) return null;
      const [rootUri, from, into] = (params.arguments ?? []) as string[];
      const project = ctx.workspace.byRootUri(rootUri);
      const lang = ctx.language();
      if (!project) throw invalidParams(words(lang, 'refuse.unknown-code', { path: from }));
      const edit = editOrThrow(project, mergeEdits(modelOf(ctx, project), from, into));
      const result = await ctx.connection.workspace.applyEdit({ label: words(lang, 'mergeInto', { from, path: into }), edit });
      return result.applied;
    }),
  );
}

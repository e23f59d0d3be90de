/**
 * Quick fixes and refactorings: an unknown code replaced with one of the nearest codes or added to the
 * codebook under its parent; an old name, a merged or a grouping code replaced with the current code
 * here or in every transcript; and merging a code into a sibling (every tag rewritten, the old code
 * marked `merged_into`), run as a server command so that nothing is computed until it is chosen.
 */
import { CodeActionKind, type CodeAction, type Command, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { insertCodeEdit } from '../../engine/codebook/codebookEdits';
import type { Diagnostic } from '../../engine/diagnostics';
import { words } from '../../engine/messages';
import { CODEBOOK_ID, planMerge, planReplaceTags, type FileEdits } from '../../engine/project/refactorings';
import { guard, invalidParams, refused, type Features } from '../context';
import { positionToOffset, spanToRange, toLspDiagnostic } from '../convert';
import { ServerCommands } from '../protocol';
import { codeAtPosition } from './navigation';
import { toWorkspaceEdit, workspaceEditOf } from './rename';

export function registerCodeActions({ ctx }: Features): void {
  ctx.connection.onCodeAction(
    guard(ctx, 'code actions', (params): (CodeAction | Command)[] | null => {
      const place = ctx.locate(params.textDocument.uri);
      if (!place) return null;
      const project = place.project;
      const lang = ctx.language();
      const actions: CodeAction[] = [];

      if (place.kind === 'transcript') {
        const doc = project.index.get(place.id);
        if (!doc) return null;
        const lines = doc.digest.lineStarts;
        const start = positionToOffset(lines, params.range.start, doc.digest.length);
        const end = positionToOffset(lines, params.range.end, doc.digest.length);
        const here = doc.resolved.diagnostics.filter((d) => d.span.start <= end && d.span.end >= start);
        for (const d of here) {
          const lsp = toLspDiagnostic(d, lines, lang);
          const replaceHere = (path: string, preferred: boolean): CodeAction => ({
            title: words(lang, 'replaceWith', { path }),
            kind: CodeActionKind.QuickFix,
            diagnostics: [lsp],
            isPreferred: preferred,
            edit: toWorkspaceEdit(ctx, project, [{ file: place.id, edits: [{ span: d.span, newText: path }] }]),
          });
          const written = String(d.args.path ?? '');
          if (d.code === 'code.unknown') {
            const suggestions = (d.args.suggestions as string[] | undefined) ?? [];
            suggestions.forEach((s, i) => actions.push(replaceHere(s, i === 0)));
            const add = addToCodebook(project, written, lsp, lang);
            if (add) actions.push(add);
          } else if (d.code === 'code.alias' || d.code === 'code.merged') {
            const replacement = String(d.args.replacement);
            actions.push(replaceHere(replacement, true));
            actions.push(replaceEverywhere(written, replacement, lsp));
          } else if (d.code === 'code.not-codable') {
            for (const child of (d.args.suggestions as string[] | undefined) ?? []) actions.push(replaceHere(child, false));
          }
        }
      }

      // Merging the code under the cursor into one of its siblings.
      const found = codeAtPosition(ctx, params.textDocument.uri, params.range.start);
      if (found && found.project.codebookOk && found.code.children.length === 0) {
        const codebook = found.project.codebook;
        const siblings = found.code.parentPath ? codebook.codes.get(found.code.parentPath)!.children : [...codebook.roots];
        for (const into of siblings) {
          const target = codebook.codes.get(into);
          if (into === found.code.path || !target || !target.codable || target.mergedInto) continue;
          actions.push({
            title: words(lang, 'mergeInto', { from: found.code.path, path: into }),
            kind: CodeActionKind.RefactorRewrite,
            command: {
              title: words(lang, 'mergeInto', { from: found.code.path, path: into }),
              command: ServerCommands.mergeCode,
              arguments: [found.project.rootUri, found.code.path, into],
            },
          });
        }
      }
      return actions;

      function replaceEverywhere(from: string, path: string, lsp: LspDiagnostic): CodeAction {
        return {
          title: words(lang, 'replaceEverywhere', { from, path }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [lsp],
          edit: toWorkspaceEdit(ctx, project, planReplaceTags(project.index, from, path)),
        };
      }
    }),
  );

  ctx.connection.onExecuteCommand(
    guard(ctx, 'command', async (params) => {
      if (params.command !== ServerCommands.mergeCode) return null;
      const [rootUri, from, into] = (params.arguments ?? []) as string[];
      const project = ctx.workspace.byRootUri(rootUri);
      const lang = ctx.language();
      if (!project) throw invalidParams(words(lang, 'refuse.unknown-code', { path: from }));
      if (!project.codebookOk) throw refused(words(lang, 'refuse.broken-codebook'));
      const edit = workspaceEditOf(ctx, project, planMerge(project.index, from, into), lang);
      const result = await ctx.connection.workspace.applyEdit({ label: words(lang, 'mergeInto', { from, path: into }), edit });
      return result.applied;
    }),
  );

  function addToCodebook(project: import('../workspace').Project, path: string, lsp: LspDiagnostic, lang: ReturnType<typeof ctx.language>): CodeAction | undefined {
    if (!project.codebookOk || !/^[\p{L}\p{N}][\p{L}\p{N}_.-]*(\/[\p{L}\p{N}][\p{L}\p{N}_.-]*)*$/u.test(path)) return undefined;
    // Under the deepest parent that exists; missing parents in between are created one level at a time.
    const slugs = path.split('/');
    let parentDepth = slugs.length - 1;
    while (parentDepth > 0 && !project.codebook.codes.has(slugs.slice(0, parentDepth).join('/'))) parentDepth--;
    const target = slugs.slice(0, parentDepth + 1).join('/');
    const slug = slugs[parentDepth];
    const label = slug.charAt(0).toUpperCase() + slug.slice(1).replace(/[-_]/g, ' ');
    const edit = insertCodeEdit(project.codebook, target, label);
    if (typeof edit === 'string') return undefined;
    const files: FileEdits[] = [{ file: CODEBOOK_ID, edits: [edit] }];
    return {
      title: words(lang, 'addToCodebook', { path: target }),
      kind: CodeActionKind.QuickFix,
      diagnostics: [lsp],
      edit: toWorkspaceEdit(ctx, project, files),
    };
  }
}

export type { Diagnostic };

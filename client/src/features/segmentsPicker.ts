/**
 * "Show segments" for a code (from the counts above each code in codebook.yaml, or the tree's context
 * menu): its quotes in a quick pick; choosing one opens it.
 */
import * as vscode from 'vscode';
import type { ServerConnection } from '../server/serverConnection';
import { firstWords } from './codeTree/treeNodes';

export function activateSegmentsPicker(context: vscode.ExtensionContext, server: ServerConnection): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('codeboom.showSegments', async (codebookUri: string | { project: string; code: { path: string } }, path?: string) => {
      let project: string;
      let code: string;
      if (typeof codebookUri === 'string') {
        project = vscode.Uri.joinPath(vscode.Uri.parse(codebookUri), '..').toString();
        code = path ?? '';
      } else {
        project = codebookUri.project;
        code = codebookUri.code.path;
      }
      const projects = await server.projects();
      const root = projects.find((p) => p.root === project || `${p.root}/` === project || p.root === project.replace(/\/$/, ''))?.root ?? project;
      const segments = await server.segments({ project: root, code, includeSubcodes: true });
      const pick = await vscode.window.showQuickPick(
        segments.map((s) => ({
          label: firstWords(s.text, 90),
          description: `${s.participant} · ${vscode.workspace.asRelativePath(vscode.Uri.parse(s.uri), false)}:${s.range.start.line + 1}`,
          segment: s,
        })),
        { title: vscode.l10n.t('Segments of {0} ({1})', code, segments.length), matchOnDescription: true },
      );
      if (!pick) return;
      const r = pick.segment.range;
      await vscode.window.showTextDocument(vscode.Uri.parse(pick.segment.uri), { selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) });
    }),
  );
}

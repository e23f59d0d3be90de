/**
 * Choosing the project a command works on: the only one, the one of the active editor, or one the user
 * picks.
 */
import * as vscode from 'vscode';
import type { ProjectInfo } from '../../../server/src/lsp/protocol';
import type { ServerConnection } from '../server/serverConnection';

export async function chooseProject(server: ServerConnection): Promise<ProjectInfo | undefined> {
  const projects = await server.projects();
  if (projects.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No Codeboom project is open: open a folder with a codebook.yaml, or create a starter project.'));
    return undefined;
  }
  if (projects.length === 1) return projects[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active) {
    const kind = await server.documentKind(active);
    const found = projects.find((p) => p.root === kind.project);
    if (found) return found;
  }
  const pick = await vscode.window.showQuickPick(
    projects.map((p) => ({ label: p.title ?? vscode.workspace.asRelativePath(vscode.Uri.parse(p.root)), description: vscode.Uri.parse(p.root).fsPath, project: p })),
    { title: vscode.l10n.t('Which project?') },
  );
  return pick?.project;
}

export function projectTitle(p: ProjectInfo): string {
  return p.title ?? vscode.workspace.asRelativePath(vscode.Uri.parse(p.root));
}
